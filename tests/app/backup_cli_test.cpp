// tuijie backup FILE: a copy that is a workspace, also when taken during an import; an
// existing FILE is never overwritten.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "app/cli_runner.hpp"
#include "app/generated_parks.hpp"
#include "store/database_dump.hpp"
#include "store/test_support.hpp"

using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

const std::string kResources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);

long count_of(const std::string& db, const std::string& sql) {
  return t::count_in(db, sql);
}

}  // namespace

TEST_CASE("backup copies the workspace, refuses an existing file and runs during an import") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  REQUIRE(t::run_cli(kResources + " --workspace ws import " +
                         t::quote(t::write_park_csv(tmp / "a.csv", "A", 20)),
                     tmp.path())
              .code == 0);
  const t::CliRun made = t::run_cli(kResources + " --workspace ws backup copy.db", tmp.path());
  INFO(made.err);
  REQUIRE(made.code == 0);
  CHECK(made.out.find("copy.db") != std::string::npos);
  // The copy, as tuijie.db of a folder, is a workspace holding the records.
  fs::create_directory(tmp / "restored");
  fs::copy_file(tmp / "copy.db", tmp / "restored/tuijie.db");
  const t::CliRun check =
      t::run_cli(kResources + " --workspace restored check --kind park --format csv", tmp.path());
  CHECK(check.code == 0);
  CHECK(count_of(tmp / "restored/tuijie.db", "SELECT count(*) FROM records") == 20);

  // Never overwritten: the file keeps its bytes, exit 73.
  t::write_file(tmp / "taken.db", "not to be lost");
  const t::CliRun refused = t::run_cli(kResources + " --workspace ws backup taken.db", tmp.path());
  CHECK(refused.code == 73);
  CHECK(refused.err.find("already exists") != std::string::npos);
  CHECK(t::read_file(tmp / "taken.db") == "not to be lost");
  CHECK(t::run_cli(kResources + " --workspace ws backup", tmp.path()).code == 64);

  // A backup taken while a large import runs holds either none or all of that import.
  const std::string big = t::write_park_csv(tmp / "big.csv", "B", 3000, 100);
  const std::string command = "cd " + t::quote(tmp.str()) + " && " + t::quote(TUIJIE_EXE) + " " +
                              kResources + " --workspace ws import " + t::quote(big) + " 2>&1";
  FILE* importing = popen(command.c_str(), "r");
  REQUIRE(importing != nullptr);
  const t::CliRun during = t::run_cli(kResources + " --workspace ws backup during.db", tmp.path());
  char buffer[4096];
  while (std::fread(buffer, 1, sizeof buffer, importing) > 0) {
  }
  const int status = pclose(importing);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  INFO(during.err);
  CHECK(during.code == 0);
  const long copied = count_of(tmp / "during.db", "SELECT count(*) FROM records");
  CHECK((copied == 20 || copied == 3020));
  CHECK(count_of(tmp / "ws/tuijie.db", "SELECT count(*) FROM records") == 3020);
}
