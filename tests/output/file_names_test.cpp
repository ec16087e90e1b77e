#include "output/file_names.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "core/diagnostic.hpp"
#include "merge/render.hpp"
#include "store/test_support.hpp"

namespace t = tuijie::testing;
using tuijie::output::NameRequest;
using tuijie::output::unique_file_names;

namespace {

// Nobody owns anything: the folder is empty as far as these tests go.
std::string no_owner(const std::filesystem::path&) {
  return "";
}

std::set<std::string> folded_set(const std::vector<std::string>& names) {
  std::set<std::string> out;
  for (std::string name : names) {
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.insert(name);
  }
  return out;
}

}  // namespace

TEST_CASE("names nobody else asks for are kept as they are") {
  t::TempDir dir;
  const auto names =
      unique_file_names({{"甲.pdf", "N-1"}, {"乙.pdf", "N-2"}}, dir.path(), {}, no_owner);
  CHECK(names == std::vector<std::string>{"甲.pdf", "乙.pdf"});
}

TEST_CASE("every file of a name several ask for gets its number, whatever the order") {
  t::TempDir dir;
  // Generated groups of 2 to 6 files asking for one name, in both orders.
  for (int group = 2; group <= 6; ++group) {
    std::vector<NameRequest> requests;
    for (int i = 0; i < group; ++i)
      requests.push_back({"王𠮷.pdf", "TJ-2020-C-" + std::to_string(100 + i)});
    requests.push_back({"另一个.pdf", "TJ-2020-C-999"});
    const auto names = unique_file_names(requests, dir.path(), {}, no_owner);
    REQUIRE(names.size() == requests.size());
    CHECK(folded_set(names).size() == names.size());
    for (int i = 0; i < group; ++i)
      CHECK(names[i] == "王𠮷-TJ-2020-C-" + std::to_string(100 + i) + ".pdf");
    CHECK(names.back() == "另一个.pdf");
    std::vector<NameRequest> reversed(requests.rbegin(), requests.rend());
    const auto again = unique_file_names(reversed, dir.path(), {}, no_owner);
    CHECK(std::vector<std::string>(again.rbegin(), again.rend()) == names);
  }
}

TEST_CASE("names that differ only in case collide, as on a USB stick") {
  t::TempDir dir;
  const auto names =
      unique_file_names({{"Report.pdf", "A-1"}, {"REPORT.pdf", "A-2"}, {"report.PDF", "A-3"}},
                        dir.path(), {}, no_owner);
  CHECK(names == std::vector<std::string>{"Report-A-1.pdf", "REPORT-A-2.pdf", "report-A-3.PDF"});
}

TEST_CASE("a name the run writes besides is reserved") {
  t::TempDir dir;
  const auto names = unique_file_names({{"combined.pdf", "C-1"}, {"x.pdf", "C-2"}}, dir.path(),
                                       {"combined.pdf"}, no_owner);
  CHECK(names == std::vector<std::string>{"combined-C-1.pdf", "x.pdf"});
}

TEST_CASE("a file in the folder that is another document's is never overwritten") {
  t::TempDir dir;
  t::write_file(dir / "甲.pdf", "someone else's");
  t::write_file(dir / "乙.pdf", "ours, from the run before");
  t::write_file(dir / "丙.pdf", "not a tuijie document at all");
  auto owner = [&](const std::filesystem::path& path) -> std::string {
    if (path.filename() == "甲.pdf")
      return "N-9";
    if (path.filename() == "乙.pdf")
      return "N-2";
    return "";
  };
  const auto names = unique_file_names({{"甲.pdf", "N-1"}, {"乙.pdf", "N-2"}, {"丙.pdf", "N-3"}},
                                       dir.path(), {}, owner);
  CHECK(names == std::vector<std::string>{"甲-N-1.pdf", "乙.pdf", "丙-N-3.pdf"});
}

TEST_CASE("when even the numbered name is taken the run stops, naming the file") {
  t::TempDir dir;
  t::write_file(dir / "甲.pdf", "x");
  t::write_file(dir / "甲-N-1.pdf", "y");
  try {
    unique_file_names({{"甲.pdf", "N-1"}}, dir.path(), {},
                      [](const std::filesystem::path&) { return std::string("N-7"); });
    FAIL("no error");
  } catch (const tuijie::TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == "output-name-taken");
    CHECK(e.diagnostics()[0].file.find("甲-N-1.pdf") != std::string::npos);
  }
}

TEST_CASE("long names are cut on a character boundary, leaving room for the number") {
  t::TempDir dir;
  std::string long_name;
  for (int i = 0; i < 200; ++i)
    long_name += "服";  // 3 bytes each
  const auto names = unique_file_names(
      {{long_name + ".pdf", "TJ-2020-I-0001"}, {long_name + "务.pdf", "TJ-2020-I-0002"}},
      dir.path(), {}, no_owner);
  for (const std::string& name : names) {
    CHECK(name.size() < 255 - 40);
    CHECK(name.ends_with(".pdf"));
    const size_t stem = name.find("-TJ-");
    REQUIRE(stem != std::string::npos);
    CHECK(stem % 3 == 0);  // whole characters only
    CHECK(stem <= tuijie::output::kMaxStemBytes);
  }
  // Cut to the same stem, the two collide and are told apart by number.
  CHECK(names[0] != names[1]);
}

TEST_CASE("a name from record values keeps no unsafe character and no stray separator") {
  using tuijie::merge::safe_file_name;
  CHECK(safe_file_name("-王𠮷") == "王𠮷");  // "{candidate_no}-{name}" without a number
  CHECK(safe_file_name("__天津/测试学院.") == "天津_测试学院");
  CHECK(safe_file_name("a:b*c?d\"e<f>g|h\\i") == "a_b_c_d_e_f_g_h_i");
  CHECK(safe_file_name("..hidden") == "hidden");
  CHECK(safe_file_name("") == "");
  // Terminal and reading-direction controls, and bytes that are not UTF-8.
  CHECK(safe_file_name("x\x1b]0;owned\x07y") == "x_]0;owned_y");
  CHECK(safe_file_name("photo\u202egpj.exe") == "photo_gpj.exe");
  CHECK(safe_file_name("a\xc2\x9b"
                       "b") == "a_b");  // C1 CSI
  CHECK(safe_file_name("a\xff"
                       "b") == "a_b");
  CHECK(safe_file_name("龚䶮") == "龚䶮");
}
