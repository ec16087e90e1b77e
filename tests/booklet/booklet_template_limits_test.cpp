// Hostile booklet templates through the program (`tuijie booklet --template`): 10,000 nested
// elements, eight record repeats inside each other, a file-name naming no field. Each is a
// template error at file:line:column with exit 65, quickly; the static ones leave the
// workspace database as it was and write nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"
#include "template/template_limits.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;
const std::string kSamples = kSource + "/samples/";

t::CliRun run_program(const std::string& args, const fs::path& cwd) {
  return t::run_cli("--resources " + t::quote(kSource) + " --lang en " + args, cwd);
}

// The organisations and their results: what the booklet's repeats run over.
void results_workspace(const t::TempDir& tmp) {
  REQUIRE(run_program("init ws", tmp.path()).code == 0);
  for (const auto& [kind, file] :
       std::vector<std::pair<std::string, std::string>>{{"enterprise", "enterprises.xlsx"},
                                                        {"park", "parks.csv"},
                                                        {"institution", "institutions.csv"},
                                                        {"candidate", "candidates.csv"},
                                                        {"candidate", "candidates-extb.csv"},
                                                        {"result", "results.csv"}}) {
    const t::CliRun run = run_program(
        "--workspace ws import --kind " + kind + " " + t::quote(kSamples + file), tmp.path());
    INFO(file << '\n' << run.err);
    REQUIRE(run.code == 0);
  }
}

std::string dump(const t::TempDir& tmp) {
  const t::TempDir streams;
  REQUIRE(std::system(("sqlite3 " + t::quote(tmp / "ws/tuijie.db") + " .dump > " +
                       t::quote(streams / "dump.sql"))
                          .c_str()) == 0);
  return t::read_file(streams / "dump.sql");
}

struct Outcome {
  t::CliRun run;
  double seconds = 0;
};

Outcome booklet_with(const t::TempDir& tmp, const std::string& xml) {
  t::write_file(tmp / "tpl.xml", xml);
  const auto start = std::chrono::steady_clock::now();
  Outcome out;
  out.run = run_program("--workspace ws booklet --out out --template tpl.xml", tmp.path());
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::size_t pdfs_in(const fs::path& dir) {
  std::size_t n = 0;
  if (fs::exists(dir)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      n += entry.path().extension() == ".pdf";
  }
  return n;
}

}  // namespace

TEST_CASE("booklet: 10,000 nested elements and a file-name of no field stop before anything") {
  const t::TempDir tmp;
  results_workspace(tmp);
  const std::string before = dump(tmp);

  // One element per line, so that the first one too deep is on line limit + 1.
  std::string xml = "<document file-name=\"{campaign.year}\">\n";
  for (int i = 1; i < 10000; ++i)
    xml += "<section title=\"s\">\n";
  for (int i = 1; i < 10000; ++i)
    xml += "</section>";
  const Outcome deep = booklet_with(tmp, xml + "</document>\n");
  INFO(deep.run.err);
  CHECK(deep.run.code == 65);
  CHECK(deep.run.err.find("tpl.xml:" + std::to_string(tuijie::templates::kMaxNestingDepth + 1) +
                          ":1") != std::string::npos);
  CHECK(deep.run.err.find("nested more than " +
                          std::to_string(tuijie::templates::kMaxNestingDepth)) !=
        std::string::npos);
  CHECK(deep.seconds < 20);

  const Outcome misspelt = booklet_with(
      tmp, "<document\n  file-name=\"{campaign.yaer}年手册\">\n  <p>x</p>\n</document>\n");
  INFO(misspelt.run.err);
  CHECK(misspelt.run.code == 65);
  CHECK(misspelt.run.err.find("tpl.xml:1:1") != std::string::npos);
  CHECK(misspelt.run.err.find("unknown field campaign.yaer in the attribute file-name") !=
        std::string::npos);

  CHECK(dump(tmp) == before);
  CHECK(pdfs_in(tmp.path() / "out") == 0);
}

TEST_CASE("booklet: eight record repeats inside each other stop at the limit, quickly") {
  const t::TempDir tmp;
  results_workspace(tmp);
  std::string xml = "<document file-name=\"booklet\">\n";
  for (int i = 0; i < 8; ++i)
    xml += "<repeat records=\"result\">\n";
  xml += "<p><field name=\"name\"/></p>\n";
  for (int i = 0; i < 8; ++i)
    xml += "</repeat>\n";
  const Outcome nested = booklet_with(tmp, xml + "</document>\n");
  INFO(nested.run.err);
  CHECK(nested.run.code == 65);
  CHECK(nested.run.err.find("tpl.xml:2:1") != std::string::npos);  // the outermost repeat
  CHECK(nested.run.err.find("expands to more than " +
                            std::to_string(tuijie::templates::kMaxExpansion) + " parts") !=
        std::string::npos);
  CHECK(nested.run.err.find("internal error") == std::string::npos);
  CHECK(nested.seconds < 20);
  CHECK(pdfs_in(tmp.path() / "out") == 0);
}
