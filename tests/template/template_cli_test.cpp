// `tuijie render --template` with a template whose attribute values are wrong: exit 65 before
// any record is merged, every problem named at the template's file, line and column.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

TEST_CASE("render with a template value of the wrong type exits 65 naming file:line:column") {
  t::TempDir tmp;
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);
  REQUIRE(t::run_cli(resources + " init ws", tmp.path()).code == 0);
  const std::string samples = std::string(TUIJIE_SOURCE_DIR) + "/samples/candidates-extb.csv";
  REQUIRE(t::run_cli(resources + " --workspace ws import " + t::quote(samples), tmp.path()).code ==
          0);
  t::write_file(tmp / "bad.xml", R"(<document kind="candidate">
  <page size="A4" margin="20mm"/>
  <table columns="40mm 40mm">
    <row><cell valign="centre"><field name="name"/></cell><cell colspan="two">x</cell></row>
  </table>
  <photo field="photo" max-dpi="high"/>
</document>
)");
  const t::CliRun run = t::run_cli(
      resources + " --lang en --workspace ws render --template bad.xml --out out", tmp.path());
  INFO(run.err);
  CHECK(run.code == 65);
  CHECK(run.err.find("bad.xml:4:10") != std::string::npos);
  CHECK(run.err.find("centre") != std::string::npos);
  CHECK(run.err.find("top, middle, bottom") != std::string::npos);
  CHECK(run.err.find("bad.xml:4:59") != std::string::npos);
  CHECK(run.err.find("'two'") != std::string::npos);
  CHECK(run.err.find("bad.xml:6:3") != std::string::npos);
  CHECK(run.err.find("from 72 to 1200") != std::string::npos);
  CHECK(run.err.find("internal") == std::string::npos);
  // Nothing merged, nothing written.
  CHECK((!fs::exists(tmp.path() / "out") || fs::is_empty(tmp.path() / "out")));
}
