// An import killed with SIGKILL at a random moment leaves the workspace intact and holding
// either all of that file or none of it; the next command works without any repair.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/cli_runner.hpp"
#include "app/generated_parks.hpp"
#include "store/database_dump.hpp"
#include "store/test_support.hpp"

extern char** environ;

namespace t = tuijie::testing;

namespace {

long count_records(const std::string& db) {
  const std::string dump = t::dump_database(db);
  long n = 0;
  for (std::size_t at = dump.find("\nrecords: "); at != std::string::npos;
       at = dump.find("\nrecords: ", at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("20 imports killed at random moments leave all of a file or none of it") {
  const t::TempDir tmp;
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);
  REQUIRE(t::run_cli(resources + " init ws", tmp.path()).code == 0);
  const std::string db = tmp / "ws/tuijie.db";
  constexpr int kRows = 1500;
  std::mt19937 random(20201);
  long stored = 0;
  int interrupted = 0;
  for (int round = 0; round < 20; ++round) {
    INFO("round " << round);
    const std::string file = t::write_park_csv(tmp / ("k" + std::to_string(round) + ".csv"),
                                               "K" + std::to_string(round), kRows, 100);
    const std::string exe = TUIJIE_EXE;
    std::vector<std::string> args = {
        exe, "--resources", TUIJIE_SOURCE_DIR, "--workspace", tmp / "ws", "import", file};
    std::vector<char*> argv;
    for (std::string& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    std::this_thread::sleep_for(std::chrono::milliseconds(random() % 600));
    kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status))
      ++interrupted;
    else
      CHECK(WEXITSTATUS(status) == 0);  // finished before the kill

    CHECK(t::database_intact(db));
    const long now_stored = count_records(db);
    CHECK((now_stored == stored || now_stored == stored + kRows));
    stored = now_stored;
    // The next command works on the workspace as it is.
    const t::CliRun next = t::run_cli(
        resources + " --workspace ws import " +
            t::quote(t::write_park_csv(tmp / "after.csv", "After" + std::to_string(round), 1)),
        tmp.path());
    CHECK(next.code == 0);
    ++stored;
  }
  CHECK(interrupted >= 5);  // the kills did land mid-import, or the test proves nothing
}
