// Crafted XLSX files through the real program: refused with a message naming the file and the
// reason, quickly, and without a byte of the workspace database changing.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "app/cli_runner.hpp"
#include "records/hostile_xlsx.hpp"
#include "store/test_support.hpp"

namespace t = tuijie::testing;
namespace fixtures = tuijie::records::test;

TEST_CASE("import of a ZIP bomb, a truncated archive or a million rows changes nothing") {
  const t::TempDir tmp;
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);
  REQUIRE(t::run_cli(resources + " init ws", tmp.path()).code == 0);
  const std::string database = tmp / "ws/tuijie.db";
  const std::string before = t::read_file(database);
  REQUIRE_FALSE(before.empty());

  for (const fixtures::HostileXlsx& file : fixtures::kHostileXlsx) {
    const std::string path = fixtures::hostile_xlsx_path(file);
    INFO(file.name);
    const auto start = std::chrono::steady_clock::now();
    const t::CliRun run = t::run_cli(
        resources + " --lang en --workspace ws import --kind enterprise " + t::quote(path),
        tmp.path());
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    INFO(run.err);
    CHECK(seconds.count() < 10.0);  // a guard against reading everything, not a benchmark
    CHECK(run.code == 65);          // bad data
    CHECK(run.err.find(path) != std::string::npos);
    CHECK(run.err.find(file.reason_en) != std::string::npos);
    CHECK(run.err.find("nothing imported") != std::string::npos);
    CHECK(t::read_file(database) == before);
  }
}
