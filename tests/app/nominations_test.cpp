// tuijie nominations, run as a user would on the sample candidates, its bundles read back
// with poppler's pdftotext and qpdf as the committee's clerk would see them.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using t::quote;
using tuijie::records::Record;

namespace {

const std::string kResources = "--resources " + quote(TUIJIE_SOURCE_DIR);
const std::string kSamples = std::string(TUIJIE_SOURCE_DIR) + "/samples/";
// A candidate form's document number: campaign prefix, year, the candidates' letter, sequence.
const std::string kNumber = "[A-Z]+-[0-9]{4}-C-[0-9]+";

// Standard output of a shell command (pdftotext, qpdf).
std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    out.append(buffer, n);
  REQUIRE(pclose(pipe) == 0);
  return out;
}

std::string pdf_text(const fs::path& pdf, int first_page = 0, int last_page = 0) {
  std::string range;
  if (first_page > 0)
    range = " -f " + std::to_string(first_page) + " -l " + std::to_string(last_page);
  return output_of("pdftotext -enc UTF-8" + range + " " + quote(pdf.string()) + " -");
}

// The PDF's top-level bookmark titles, in order.
std::vector<std::string> bookmarks(const fs::path& pdf) {
  const std::string json = output_of("qpdf --json --json-key=outlines " + quote(pdf.string()));
  auto root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  std::vector<std::string> titles;
  auto outlines = root->getArray("outlines");
  for (size_t i = 0; i < outlines->size(); ++i)
    titles.push_back(outlines->getObject(static_cast<unsigned>(i))->getValue<std::string>("title"));
  return titles;
}

// Every file under `dir` (relative name -> bytes).
std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), dir).string()] = t::read_file(entry.path().string());
  }
  return files;
}

// A workspace holding the sample candidates, with two changes to the UTF-8 file so that one
// body nominates two candidates and two candidates nominate themselves: 008 is nominated by
// 002's body, 007 nominates themselves.
void import_samples(const t::TempDir& tmp) {
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  std::string extb = t::read_file(kSamples + "candidates-extb.csv");
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = extb.find(from);
    REQUIRE(at != std::string::npos);
    extb.replace(at, from.size(), to);
  };
  replace("TJ2020-P-007,地方政府商务主管部门推荐,天津市西青区商务局,", "TJ2020-P-007,个人自荐,,");
  replace("TJ2020-P-008,服务外包企业推荐,天津渤泰智能运维有限公司,",
          "TJ2020-P-008,服务外包企业推荐,天津市滨海新区商务局,");
  t::write_file(tmp / "candidates-extb.csv", extb);
  fs::create_directory_symlink(kSamples + "photos", tmp.path() / "photos");
  for (const std::string& file : {kSamples + "candidates.csv", tmp / "candidates-extb.csv"}) {
    const t::CliRun run = t::run_cli(
        kResources + " --workspace ws import --kind candidate " + quote(file), tmp.path());
    INFO(run.err);
    REQUIRE(run.code == 0);
  }
}

}  // namespace

TEST_CASE(
    "nominations writes one bundle per nominating body, with list, forms and photos, the same "
    "bytes every run") {
  t::TempDir tmp;
  import_samples(tmp);
  const t::CliRun run =
      t::run_cli(kResources + " --workspace ws nominations --out out", tmp.path());
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);

  // What the bundles must be, from the stored records: body -> its candidates, and the
  // candidates without a body.
  std::vector<Record> candidates;
  {
    auto ws = tuijie::store::Workspace::open(tmp / "ws");
    candidates = ws.records("candidate");
  }
  std::map<std::string, std::vector<const Record*>> by_body;
  std::vector<const Record*> alone;
  for (const Record& c : candidates) {
    if (c.get("nominator").empty())
      alone.push_back(&c);
    else
      by_body[c.get("nominator")].push_back(&c);
  }
  REQUIRE(by_body.at("天津市滨海新区商务局").size() == 2);
  REQUIRE(alone.size() == 2);

  const fs::path out = tmp.path() / "out";
  std::map<fs::path, std::vector<const Record*>> expected;  // bundle PDF -> its candidates
  for (const auto& [body, members] : by_body)
    expected[out / (body + ".pdf")] = members;
  std::set<fs::path> pdfs;
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().extension() == ".pdf")
      pdfs.insert(entry.path());
  }
  for (const Record* c : alone) {
    // A self-nomination's bundle is named with its candidate's key and name.
    std::vector<fs::path> named;
    for (const fs::path& pdf : pdfs) {
      const std::string stem = pdf.stem().string();
      if (stem.find(c->key) != std::string::npos && stem.find(c->get("name")) != std::string::npos)
        named.push_back(pdf);
    }
    REQUIRE(named.size() == 1);
    expected[named.front()] = {c};
  }
  CHECK(pdfs.size() == expected.size());

  for (const auto& [pdf, members] : expected) {
    INFO(pdf.string());
    REQUIRE(fs::is_regular_file(pdf));
    const std::string list_page = pdf_text(pdf, 1, 1);
    CHECK(list_page.find("候选人推荐名单") != std::string::npos);
    for (const Record& c : candidates) {
      const bool member = std::find(members.begin(), members.end(), &c) != members.end();
      INFO(c.get("name"));
      CHECK((list_page.find(c.get("name")) != std::string::npos) == member);
    }

    // The list, then one bookmark per candidate, in the list's order (candidate_id).
    std::vector<std::string> names;
    for (const Record* c : members)
      names.push_back(c->get("name"));
    const std::vector<std::string> marks = bookmarks(pdf);
    REQUIRE(marks.size() == members.size() + 1);
    CHECK(marks.front() == "候选人推荐名单");
    CHECK(std::vector<std::string>(marks.begin() + 1, marks.end()) == names);

    // Each form's footer prints "… NAME　NUMBER　第 1 页"; the list prints the same number,
    // and the candidate's original photo lies beside the bundle under that number.
    const std::string text = pdf_text(pdf);
    for (const Record* c : members) {
      std::smatch found;
      const std::regex footer(c->get("name") + "(?:\\s|　)+(" + kNumber + ")(?:\\s|　)+第");
      REQUIRE(std::regex_search(text, found, footer));
      const std::string number = found[1];
      CHECK(list_page.find(number) != std::string::npos);
      const fs::path photo = out / pdf.stem() / (number + ".jpg");
      REQUIRE(fs::is_regular_file(photo));
      CHECK(t::read_file(photo.string()) == t::read_file(c->get("photo")));
    }
    // Nothing else in the photo folder.
    CHECK(static_cast<size_t>(std::distance(fs::directory_iterator(out / pdf.stem()),
                                            fs::directory_iterator())) == members.size());
  }

  // manifest.csv lists every bundle and photo with its hash.
  const std::string manifest = t::read_file((out / "manifest.csv").string());
  size_t rows = 0;
  for (const auto& [name, bytes] : files_under(out)) {
    if (name == "manifest.csv")
      continue;
    ++rows;
    CHECK(manifest.find(name + ",") != std::string::npos);
  }
  CHECK(rows == expected.size() + candidates.size());

  // The bundle's list answers for what it printed.
  const t::CliRun verify = t::run_cli(
      kResources + " --workspace ws verify " + quote(expected.begin()->first.string()), tmp.path());
  INFO(verify.out << verify.err);
  CHECK(verify.code == 0);
  CHECK(verify.out.find("matches") != std::string::npos);

  // A second run (sharing this one's import: the renders are the slow part) writes the same
  // names and bytes, and leaves no temporary file behind.
  const auto first = files_under(out);
  REQUIRE(t::run_cli(kResources + " --workspace ws nominations --out out", tmp.path()).code == 0);
  CHECK(files_under(out) == first);
}

TEST_CASE("nominations refuses a candidate whose photo is gone and writes nothing") {
  t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  fs::create_directory(tmp.path() / "photos");
  fs::copy_file(kSamples + "photos/TJ2020-P-007.jpg", tmp.path() / "photos/TJ2020-P-007.jpg");
  fs::copy_file(kSamples + "photos/TJ2020-P-008.jpg", tmp.path() / "photos/TJ2020-P-008.jpg");
  fs::copy_file(kSamples + "candidates-extb.csv", tmp.path() / "c.csv");
  REQUIRE(t::run_cli(kResources + " --workspace ws import c.csv", tmp.path()).code == 0);
  fs::remove(tmp.path() / "photos/TJ2020-P-008.jpg");

  const t::CliRun run =
      t::run_cli(kResources + " --workspace ws nominations --out out", tmp.path());
  CHECK(run.code == 65);
  CHECK(run.err.find("TJ2020-P-008.jpg") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "out"));
}
