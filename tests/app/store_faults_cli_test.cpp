// The workspace database through the real program when it cannot be used as it is: an empty
// or damaged file, a full disk, a read-only folder, a lock held by another command. Each says
// so plainly with its own exit code (66, 65, 73, 73, 75), never "internal error" (70), and
// leaves the database as it was.
//
// The full disk and the read-only folder are real: a small tmpfs, a read-only bind mount, a
// process that dropped root. CI runs as root; where mounting is not permitted the test says
// so (WARN) and skips that part.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
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

// The database's content, WAL included, independent of page layout.
std::string dump(const std::string& db) {
  return t::dump_database(db);
}

long count_of(const std::string& db, const std::string& sql) {
  return t::count_in(db, sql);
}

bool shell(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// A mount made for the test and undone when it ends (even when a check fails).
class ScopedMount {
 public:
  // `how`: the mount(8) arguments before the target folder.
  ScopedMount(const std::string& how, const std::string& target) : target_(target) {
    mounted_ = geteuid() == 0 && shell("mount " + how + " " + t::quote(target));
  }
  ScopedMount(const ScopedMount&) = delete;
  ScopedMount& operator=(const ScopedMount&) = delete;
  ~ScopedMount() {
    if (mounted_)
      shell("umount " + t::quote(target_));
  }
  bool mounted() const { return mounted_; }

 private:
  std::string target_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("an empty tuijie.db is not a workspace: exit 66 and it stays empty") {
  const t::TempDir tmp;
  fs::create_directory(tmp / "ws");
  t::write_file(tmp / "ws/tuijie.db", "");
  const std::string file = t::write_park_csv(tmp / "p.csv", "P", 3);
  for (const std::string& command : {"import " + t::quote(file), std::string("check")}) {
    const t::CliRun run = t::run_cli(kResources + " --workspace ws " + command, tmp.path());
    INFO(run.err);
    CHECK(run.code == 66);
    CHECK(run.err.find("not a tuijie workspace") != std::string::npos);
    CHECK(run.err.find("the file is empty") != std::string::npos);
  }
  CHECK(fs::file_size(tmp / "ws/tuijie.db") == 0);
  const t::CliRun zh =
      t::run_cli(kResources + " --lang zh --workspace ws import " + t::quote(file), tmp.path());
  CHECK(zh.err.find("不是 tuijie 工作区") != std::string::npos);
}

TEST_CASE("imports into randomly damaged workspaces are refused with exit 65, the file untouched") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init base", tmp.path()).code == 0);
  REQUIRE(t::run_cli(kResources + " --workspace base import " +
                         t::quote(t::write_park_csv(tmp / "base.csv", "B", 150, 60)),
                     tmp.path())
              .code == 0);
  const std::string original = t::read_file(tmp / "base/tuijie.db");
  const std::string file = t::write_park_csv(tmp / "new.csv", "N", 5);
  int refused = 0;
  for (unsigned seed = 100; seed < 110; ++seed) {
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::string damaged = original;
    for (int hit = 0; hit < 2; ++hit) {
      const std::size_t at = 100 + random() % (damaged.size() - 100 - 32);
      for (std::size_t i = 0; i < 32; ++i)
        damaged[at + i] = static_cast<char>(random());
    }
    const std::string dir = tmp / ("ws" + std::to_string(seed));
    fs::create_directory(dir);
    t::write_file(dir + "/tuijie.db", damaged);
    t::write_file(dir + "/probe.db", damaged);  // SQLite's verdict, on a copy
    const bool intact = t::database_intact(dir + "/probe.db");
    const t::CliRun run = t::run_cli(
        kResources + " --workspace " + t::quote(dir) + " import " + t::quote(file), tmp.path());
    INFO(run.err);
    CHECK(run.code != 70);
    if (intact) {
      CHECK(run.code == 0);  // the damage hit free space only
    } else {
      ++refused;
      CHECK(run.code == 65);
      CHECK(run.err.find("the workspace database is damaged") != std::string::npos);
      CHECK(run.err.find("tuijie backup") != std::string::npos);
      const bool untouched = t::read_file(dir + "/tuijie.db") == damaged;
      CHECK(untouched);
    }
  }
  CHECK(refused >= 5);  // the generated damages do hit data
}

TEST_CASE("a full disk during import says disk full, exits 73 and keeps the workspace intact") {
  const t::TempDir tmp;
  fs::create_directory(tmp / "disk");
  const ScopedMount disk("-t tmpfs -o size=640k tmpfs", tmp / "disk");
  if (!disk.mounted()) {
    WARN("cannot mount a tmpfs here (not root, or mounting not permitted): full-disk test skipped");
    return;
  }
  REQUIRE(t::run_cli(kResources + " init disk/ws", tmp.path()).code == 0);
  const std::string db = tmp / "disk/ws/tuijie.db";
  REQUIRE(t::run_cli(kResources + " --workspace disk/ws import " +
                         t::quote(t::write_park_csv(tmp / "small.csv", "S", 5)),
                     tmp.path())
              .code == 0);
  const std::string before = dump(db);

  // A file several times larger than the space left: the disk fills in mid-import.
  const std::string big = t::write_park_csv(tmp / "big.csv", "B", 500, 400);
  REQUIRE(fs::file_size(big) > 2 * 640 * 1024);
  for (const char* lang : {"en", "zh"}) {
    const t::CliRun run =
        t::run_cli(kResources + " --lang " + lang + " --workspace disk/ws import " + t::quote(big),
                   tmp.path());
    INFO(run.err);
    CHECK(run.code == 73);
    CHECK(run.err.find(std::string(lang) == "en" ? "disk full" : "磁盘已满") != std::string::npos);
    CHECK(run.err.find("internal") == std::string::npos);
    CHECK(dump(db) == before);
  }

  // No space at all (a file fills what is left): even opening fails, still as disk full.
  shell("dd if=/dev/zero of=" + t::quote(tmp / "disk/filler") + " bs=4k");
  const std::string small = t::write_park_csv(tmp / "more.csv", "M", 3);
  for (const std::string& command : {"import " + t::quote(small), std::string("check")}) {
    const t::CliRun run = t::run_cli(kResources + " --workspace disk/ws " + command, tmp.path());
    INFO(command << ": " << run.err);
    CHECK(run.code == 73);
    CHECK(run.err.find("disk full") != std::string::npos);
  }
  fs::remove(tmp / "disk/filler");
  CHECK(dump(db) == before);
  CHECK(count_of(db, "SELECT count(*) FROM records") == 5);
  // With room again, the workspace works as before.
  const t::CliRun again =
      t::run_cli(kResources + " --workspace disk/ws import " + t::quote(small), tmp.path());
  CHECK(again.code == 0);
  CHECK(count_of(db, "SELECT count(*) FROM records") == 8);
  CHECK(dump(db) != before);  // the comparison above can fail
}

TEST_CASE("a read-only workspace folder says read-only and exits 73, never 70") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  const std::string db = tmp / "ws/tuijie.db";
  const std::string file = t::write_park_csv(tmp / "p.csv", "P", 4);
  const std::string before = dump(db);

  // A read-only mount of the workspace folder.
  fs::create_directory(tmp / "ro");
  {
    const ScopedMount bind("--bind " + t::quote(tmp / "ws"), tmp / "ro");
    if (!bind.mounted() || !shell("mount -o remount,bind,ro " + t::quote(tmp / "ro"))) {
      WARN("cannot make a read-only bind mount here: that part is skipped");
    } else {
      for (const std::string& command : {"import " + t::quote(file), std::string("check")}) {
        const t::CliRun run = t::run_cli(kResources + " --workspace ro " + command, tmp.path());
        INFO(command << ": " << run.err);
        CHECK(run.code == 73);
        CHECK(run.err.find("the workspace is read-only") != std::string::npos);
      }
    }
  }
  CHECK(dump(db) == before);

  // A process that dropped root: it may read the folder, not write it.
  if (geteuid() != 0 || !shell("command -v setpriv")) {
    WARN("not root or no setpriv: the unprivileged part is skipped");
    return;
  }
  fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  const t::CliRun run =
      t::run_cli(kResources + " --workspace ws import " + t::quote(file), tmp.path(),
                 "setpriv --reuid=65534 --regid=65534 --clear-groups");
  INFO(run.err);
  CHECK(run.code == 73);
  CHECK(run.err.find("the workspace is read-only") != std::string::npos);
  CHECK(dump(db) == before);
}

TEST_CASE("an import that cannot get the write lock in time says busy and exits 75") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  const std::string db = tmp / "ws/tuijie.db";
  const std::string file = t::write_park_csv(tmp / "p.csv", "P", 4);
  const std::string before = dump(db);
  {
    // Another command's write transaction that does not end while the import waits.
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session holder("SQLite", db);
    holder << "BEGIN IMMEDIATE", now;
    for (const char* lang : {"en", "zh"}) {
      const auto start = std::chrono::steady_clock::now();
      const t::CliRun run =
          t::run_cli(kResources + " --lang " + lang + " --workspace ws import " + t::quote(file),
                     tmp.path(), "TUIJIE_BUSY_TIMEOUT_MS=200");
      const auto waited = std::chrono::steady_clock::now() - start;
      INFO(run.err);
      CHECK(run.code == 75);
      CHECK(run.err.find(std::string(lang) == "en"
                             ? "busy with another tuijie command"
                             : "正被另一个 tuijie 命令使用") != std::string::npos);
      CHECK(waited >= std::chrono::milliseconds(600));  // it did wait, three times 200 ms
      CHECK(waited < std::chrono::seconds(10));
    }
    holder << "ROLLBACK", now;
  }
  CHECK(dump(db) == before);
  CHECK(t::run_cli(kResources + " --workspace ws import " + t::quote(file), tmp.path()).code == 0);
}
