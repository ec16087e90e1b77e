// Two tuijie commands on one workspace at the same time, as two clerks (or a clerk and the
// web intake) would run them: both succeed and nothing either stored is lost. Processes, not
// threads: the in-process variant is tests/store/concurrency_test.cpp ([threads]).
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <utility>

#include "app/cli_runner.hpp"
#include "app/generated_parks.hpp"
#include "store/database_dump.hpp"
#include "store/test_support.hpp"

using namespace Poco::Data::Keywords;
namespace t = tuijie::testing;

namespace {

const std::string kResources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);

struct Outcome {
  int code = -1;
  std::string output;  // stdout and stderr together
};

// Starts both command lines (tuijie ARGS in `cwd`) before waiting for either.
std::pair<Outcome, Outcome> run_together(const std::string& a, const std::string& b,
                                         const std::string& cwd) {
  const auto start = [&](const std::string& args) {
    const std::string command = "cd " + t::quote(cwd) + " && env LANG=C " + t::quote(TUIJIE_EXE) +
                                " " + kResources + " " + args + " 2>&1";
    return popen(command.c_str(), "r");
  };
  FILE* first = start(a);
  FILE* second = start(b);
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  const auto finish = [](FILE* pipe) {
    Outcome outcome;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
      outcome.output.append(buffer, n);
    const int status = pclose(pipe);
    outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return outcome;
  };
  Outcome one = finish(first);
  Outcome two = finish(second);
  return {one, two};
}

long count_of(const std::string& db, const std::string& sql) {
  return t::count_in(db, sql);
}

}  // namespace

TEST_CASE("20 rounds of two imports at once: both exit 0 and both files are stored",
          "[concurrent]") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  const std::string db = tmp / "ws/tuijie.db";
  constexpr int kRows = 40;
  long expected = 0;
  for (int round = 0; round < 20; ++round) {
    INFO("round " << round);
    const std::string r = std::to_string(round);
    const std::string a = t::write_park_csv(tmp / ("a" + r + ".csv"), "A" + r, kRows);
    const std::string b = t::write_park_csv(tmp / ("b" + r + ".csv"), "B" + r, kRows);
    // Different files, then the same file twice.
    const auto [one, two] = run_together("--workspace ws import " + t::quote(a),
                                         "--workspace ws import " + t::quote(b), tmp.str());
    INFO(one.output << two.output);
    CHECK(one.code == 0);
    CHECK(two.code == 0);
    expected += 2 * kRows;
    CHECK(count_of(db, "SELECT count(*) FROM records") == expected);

    const std::string same = t::write_park_csv(tmp / ("s" + r + ".csv"), "S" + r, kRows);
    const auto [three, four] = run_together("--workspace ws import " + t::quote(same),
                                            "--workspace ws import " + t::quote(same), tmp.str());
    INFO(three.output << four.output);
    CHECK(three.code == 0);
    CHECK(four.code == 0);
    expected += kRows;
    CHECK(count_of(db, "SELECT count(*) FROM records") == expected);
    // One of them stored the rows, the other found them unchanged; both are logged.
    CHECK(count_of(db, "SELECT count(*) FROM imports WHERE file = " + t::quote(same)) == 2);
    CHECK(count_of(db, "SELECT sum(inserted) FROM imports WHERE file = " + t::quote(same)) ==
          kRows);
  }
  CHECK(count_of(db, "SELECT count(*) FROM evaluations") == expected);
}

TEST_CASE("20 rounds of an import while check refreshes the evaluations: both exit 0",
          "[concurrent]") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  const std::string db = tmp / "ws/tuijie.db";
  REQUIRE(t::run_cli(kResources + " --workspace ws import " +
                         t::quote(t::write_park_csv(tmp / "first.csv", "F", 100)),
                     tmp.path())
              .code == 0);
  long expected = 100;
  for (int round = 0; round < 20; ++round) {
    INFO("round " << round);
    const std::string r = std::to_string(round);
    const std::string file = t::write_park_csv(tmp / ("n" + r + ".csv"), "N" + r, 30);
    const auto [import, check] =
        run_together("--workspace ws import " + t::quote(file),
                     "--workspace ws check --kind park --as-of 2020-07-01", tmp.str());
    INFO(import.output << check.output);
    CHECK(import.code == 0);
    CHECK(check.code == 0);  // every generated park is complete
    expected += 30;
    CHECK(count_of(db, "SELECT count(*) FROM records") == expected);
    CHECK(count_of(db, "SELECT count(*) FROM evaluations") == expected);
  }
}
