// What a hostile file puts on the clerk's terminal through the program: control sequences in
// values and in the file name are shown escaped, and a 30 MB unclosed quoted cell gives a few
// lines, not 31 MB. A template whose file-name names no field is refused at its line.
#include <catch2/catch.hpp>

#include <unicode/utf8.h>

#include <filesystem>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"
#include "support/hostile_institutions.hpp"
#include "support/hostile_values.hpp"
#include "support/terminal_safe.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

const std::string kResources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);

}  // namespace

TEST_CASE("import: generated control sequences in values and the file name print escaped") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  // Each generated value as a name (refused for its control characters, or kept) and inside an
  // e-mail address (refused as not an address): every refusal quotes the value.
  std::vector<std::string> names;
  for (const std::string& value : t::hostile_values(60, 17, 6))
    names.push_back("机构" + value);
  std::string csv = t::hostile_institutions_csv(names);
  std::size_t at = 0;
  std::size_t row = 0;
  while ((at = csv.find("tianye@bhxxzy.edu.cn", at)) != std::string::npos) {
    const std::string bad = "\"\x1b]0;" + std::to_string(row++) + "\x07\xC2\x9B" + "2J\"";
    csv.replace(at, std::string("tianye@bhxxzy.edu.cn").size(), bad);
    at += bad.size();
  }
  const std::string file = "bad\x1b[2J\xE2\x80\xAE.csv";
  t::write_file(tmp / file, csv);
  for (const char* lang : {"en", "zh"}) {
    const t::CliRun run =
        t::run_cli(kResources + " --lang " + lang + " --workspace ws import --kind institution " +
                       t::quote(file),
                   tmp.path());
    INFO(run.err);
    CHECK(run.code == 65);
    CHECK(t::terminal_safe(run.err, true));
    CHECK(run.err.find("bad\\x1b[2J\\u202e.csv:2:17") != std::string::npos);
    CHECK(run.err.find("\\x1b]0;0\\x07\\u009b2J") != std::string::npos);
  }
}

TEST_CASE("import: a 30 MB unclosed quoted cell gives a few short lines with its length") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  std::string csv = t::hostile_institutions_csv({"天津测试学院"});
  csv.resize(csv.find("\r\n") + 2);  // the header
  csv += "\"" + std::string(30 * 1000 * 1000, 'x') + "\x1b[2J\r\n";
  t::write_file(tmp / "big.csv", csv);
  for (const char* lang : {"en", "zh"}) {
    const t::CliRun run = t::run_cli(
        kResources + " --lang " + lang + " --workspace ws import --kind institution big.csv",
        tmp.path());
    CHECK(run.code == 65);
    CHECK(run.err.size() < 8000);
    CHECK(t::terminal_safe(run.err, true));
    CHECK(run.err.find("big.csv:2") != std::string::npos);
    // The reader stops at Excel's cell limit and says so; the value shown is cut, with the
    // length that was read.
    CHECK(run.err.find(std::string(lang) == "en"
                           ? "Excel's limit of 32,767 characters"
                           : "Excel 的上限 32767 个字符") != std::string::npos);
    CHECK(run.err.find(std::string(lang) == "en" ? "characters in all)" : "个字符）") !=
          std::string::npos);
  }
}

TEST_CASE("render: a template file-name naming no field is a template error at its line") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  t::write_file(tmp / "inst.csv", t::hostile_institutions_csv({"天津测试学院", "天津示范学院"}));
  REQUIRE(t::run_cli(kResources + " --workspace ws import --kind institution inst.csv", tmp.path())
              .code == 0);
  t::write_file(tmp / "tpl.xml",
                "<?xml version=\"1.0\"?>\n<document kind=\"institution\"\n"
                "  file-name=\"{nmae}\">\n  <p><field name=\"name\"/></p>\n</document>\n");
  const t::CliRun run =
      t::run_cli(kResources +
                     " --lang en --workspace ws render --kind institution --template tpl.xml "
                     "--out out",
                 tmp.path());
  INFO(run.out << run.err);
  CHECK(run.code == 65);
  CHECK(run.err.find("tpl.xml:2:1") != std::string::npos);
  CHECK(run.err.find("unknown field nmae in the attribute file-name") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "out" / "record.pdf"));
}
