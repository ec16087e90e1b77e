// The workspace database when something else is in the way: another connection holding the
// write lock, an older workspace in rollback-journal mode, a damaged file, a backup taken
// while writing.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.hpp"
#include "store/backup.hpp"
#include "store/schema.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"
#include "store/write_transaction.hpp"

using namespace Poco::Data::Keywords;
using tuijie::TuijieError;
using tuijie::records::Record;
using tuijie::store::ImportSource;
using tuijie::store::Workspace;
namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

// Tests below open sessions of their own, possibly before any Workspace has registered it.
const bool kRegistered = (Poco::Data::SQLite::Connector::registerConnector(), true);

std::vector<Record> batch(const std::string& tag, int count) {
  std::vector<Record> records;
  for (int i = 0; i < count; ++i) {
    Record r;
    r.kind = "candidate";
    r.key = tag + "-" + std::to_string(i);
    r.fields = {{"name", "候选人" + r.key}, {"resume", std::string(200, 'x')}};
    records.push_back(std::move(r));
  }
  return records;
}

ImportSource source_of(const std::string& file) {
  ImportSource s;
  s.file = file;
  s.kind = "candidate";
  return s;
}

long count_of(Poco::Data::Session& db, const std::string& sql) {
  Poco::Int64 n = 0;
  db << sql, into(n), now;
  return static_cast<long>(n);
}

std::string error_code(const std::function<void()>& action) {
  try {
    action();
  } catch (const TuijieError& e) {
    return e.diagnostics().at(0).code;
  }
  return "";
}

std::string text_of(Poco::Data::Session& db, const std::string& sql) {
  std::string value;
  db << sql, into(value), now;
  return value;
}

}  // namespace

TEST_CASE("a new workspace is in WAL mode with a busy timeout on its connection") {
  const t::TempDir tmp;
  const t::ScopedEnv timeout("TUIJIE_BUSY_TIMEOUT_MS", "1234");
  Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
  CHECK(text_of(ws.session(), "PRAGMA journal_mode") == "wal");
  CHECK(count_of(ws.session(), "PRAGMA busy_timeout") == 1234);
  Workspace again = Workspace::open(tmp.str());
  CHECK(count_of(again.session(), "PRAGMA busy_timeout") == 1234);
  CHECK(again.schema_version() == 5);
}

TEST_CASE("a version 4 workspace in rollback-journal mode opens in WAL at version 5") {
  const t::TempDir tmp;
  {
    Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
    ws.import(batch("kept", 7), source_of("kept.csv"));
  }
  {
    // What a tuijie before migration 5 left: journal_mode delete, schema_version 4.
    Poco::Data::Session old("SQLite", tmp / "tuijie.db");
    std::string mode;
    old << "PRAGMA journal_mode = DELETE", into(mode), now;
    REQUIRE(mode == "delete");
    old << "UPDATE meta SET value = '4' WHERE name = 'schema_version'", now;
  }
  REQUIRE_FALSE(fs::exists(tmp / "tuijie.db-wal"));
  Workspace ws = Workspace::open(tmp.str());
  CHECK(ws.schema_version() == 5);
  CHECK(text_of(ws.session(), "PRAGMA journal_mode") == "wal");
  CHECK(ws.records("candidate").size() == 7);
  // A second connection sees WAL too: the mode is the file's, not the connection's.
  Poco::Data::Session other("SQLite", tmp / "tuijie.db");
  CHECK(text_of(other, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("an import waits boundedly for another writer, then says busy and changes nothing") {
  const t::TempDir tmp;
  Workspace::create(tmp.str(), t::tianjin_campaign_path());
  const t::ScopedEnv timeout("TUIJIE_BUSY_TIMEOUT_MS", "100");
  Workspace ws = Workspace::open(tmp.str());
  Poco::Data::Session holder("SQLite", tmp / "tuijie.db");
  holder << "BEGIN IMMEDIATE", now;  // another command's write transaction, never ending
  const auto start = std::chrono::steady_clock::now();
  try {
    ws.import(batch("late", 3), source_of("late.csv"));
    FAIL("no exception");
  } catch (const TuijieError& e) {
    CHECK(e.diagnostics().at(0).code == "workspace-busy");
    CHECK(e.diagnostics().at(0).reason_en.find("try again") != std::string::npos);
    CHECK(e.diagnostics().at(0).reason_zh.find("稍后再试") != std::string::npos);
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  // Three attempts of 100 ms and short pauses: bounded, and not given up at once.
  CHECK(waited >= std::chrono::milliseconds(300));
  CHECK(waited < std::chrono::seconds(5));
  holder << "ROLLBACK", now;
  CHECK(count_of(ws.session(), "SELECT count(*) FROM records") == 0);
  // Once the other writer is done, the same import goes through.
  CHECK(ws.import(batch("late", 3), source_of("late.csv")).inserted == 3);
}

TEST_CASE("with_write_transaction retries a busy transaction and gives up after its attempts") {
  const t::TempDir tmp;
  Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
  Poco::Data::Session& db = ws.session();
  int calls = 0;
  tuijie::store::with_write_transaction(db, [&] {
    ++calls;
    db << "INSERT INTO meta (name, value) VALUES ('attempt-" + std::to_string(calls) + "', 'x')",
        now;
    if (calls == 1)
      throw Poco::Data::SQLite::DBLockedException("database is locked");
  });
  CHECK(calls == 2);
  // The first attempt's write was rolled back, the second's committed.
  CHECK(count_of(db, "SELECT count(*) FROM meta WHERE name = 'attempt-1'") == 0);
  CHECK(count_of(db, "SELECT count(*) FROM meta WHERE name = 'attempt-2'") == 1);

  calls = 0;
  CHECK(error_code([&] {
          tuijie::store::with_write_transaction(db, [&] {
            ++calls;
            db << "INSERT INTO meta (name, value) VALUES ('never', 'x')", now;
            throw Poco::Data::SQLite::DBLockedException("database is locked");
          });
        }) == "workspace-busy");
  CHECK(calls == tuijie::store::kWriteAttempts);
  CHECK(count_of(db, "SELECT count(*) FROM meta WHERE name = 'never'") == 0);
  // Other errors are not retried.
  calls = 0;
  CHECK_THROWS_AS(tuijie::store::with_write_transaction(db,
                                                        [&] {
                                                          ++calls;
                                                          db << "NOT SQL", now;
                                                        }),
                  Poco::Exception);
  CHECK(calls == 1);
}

TEST_CASE("a damaged workspace database is refused untouched, whatever the damage") {
  const t::TempDir tmp;
  const std::string base = tmp / "base";
  {
    Workspace ws = Workspace::create(base, t::tianjin_campaign_path());
    for (int i = 0; i < 4; ++i)
      ws.import(batch("b" + std::to_string(i), 60), source_of("b.csv"));
  }  // closed: the WAL is checkpointed into tuijie.db
  const std::string original = t::read_file(base + "/tuijie.db");
  REQUIRE(original.size() > 100 * 1024);

  int refused = 0;
  int harmless = 0;
  for (unsigned seed = 1; seed <= 24; ++seed) {
    INFO("seed " << seed);
    std::mt19937 random(seed);
    // A few runs of random bytes at random offsets past the 16-byte file header (a header
    // hit makes it "not an SQLite database", tested elsewhere).
    std::string damaged = original;
    for (int hit = 0; hit < 3; ++hit) {
      const std::size_t at = 16 + random() % (damaged.size() - 16 - 64);
      for (std::size_t i = 0; i < 1 + random() % 64; ++i)
        damaged[at + i] = static_cast<char>(random());
    }
    const std::string dir = tmp / ("damaged-" + std::to_string(seed));
    fs::create_directory(dir);
    t::write_file(dir + "/tuijie.db", damaged);
    // SQLite's full check, on a copy, decides what the damage amounts to.
    bool intact = false;
    {
      t::write_file(dir + "/probe.db", damaged);
      try {
        Poco::Data::Session probe("SQLite", dir + "/probe.db");
        intact = text_of(probe, "PRAGMA integrity_check") == "ok";
      } catch (const Poco::Exception&) {
        intact = false;
      }
    }
    std::string code;
    try {
      Workspace ws = Workspace::open(dir);
      ws.import(batch("new", 5), source_of("new.csv"));
    } catch (const TuijieError& e) {
      code = e.diagnostics().at(0).code;
      INFO(e.diagnostics().at(0).format_bilingual());
    }
    if (intact) {
      ++harmless;  // damage in free space: usable, and still intact after the import
      Poco::Data::Session after("SQLite", dir + "/tuijie.db");
      CHECK(text_of(after, "PRAGMA integrity_check") == "ok");
    } else {
      ++refused;
      CHECK(code == "workspace-damaged");
      const bool untouched = t::read_file(dir + "/tuijie.db") == damaged;
      CHECK(untouched);
    }
  }
  // The generated damages do hit data: a test where every one was harmless proves nothing.
  CHECK(refused >= 12);
  INFO("harmless " << harmless);
}

TEST_CASE("backup writes a consistent copy, never overwrites, and runs beside a writer",
          "[threads]") {
  const t::TempDir tmp;
  {
    Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
    ws.import(batch("first", 40), source_of("first.csv"));
  }
  Workspace reader = Workspace::open(tmp / "ws");
  tuijie::store::backup_database(reader, tmp / "copy.db");
  {
    // The copy is a workspace once named tuijie.db, with the records committed so far.
    fs::create_directory(tmp / "restored");
    fs::copy_file(tmp / "copy.db", tmp / "restored/tuijie.db");
    Workspace restored = Workspace::open(tmp / "restored");
    CHECK(restored.records("candidate").size() == 40);
    CHECK(text_of(restored.session(), "PRAGMA journal_mode") == "wal");
  }
  // An existing file is refused and left as it was.
  t::write_file(tmp / "taken.db", "precious");
  CHECK(error_code([&] { tuijie::store::backup_database(reader, tmp / "taken.db"); }) ==
        "output-exists");
  CHECK(t::read_file(tmp / "taken.db") == "precious");
  CHECK(error_code([&] { tuijie::store::backup_database(reader, tmp / "no/such/folder.db"); }) ==
        "cannot-create-output");

  // Backups taken while another connection imports batch after batch: each copy holds whole
  // imports only (a multiple of the batch size), never half of one.
  Workspace writer = Workspace::open(tmp / "ws");
  std::thread importing([&] {
    for (int i = 0; i < 15; ++i)
      writer.import(batch("w" + std::to_string(i), 30), source_of("w.csv"));
  });
  std::vector<long> counts;
  for (int i = 0; i < 6; ++i) {
    const std::string copy = tmp / ("during-" + std::to_string(i) + ".db");
    tuijie::store::backup_database(reader, copy);
    Poco::Data::Session db("SQLite", copy);
    CHECK(text_of(db, "PRAGMA integrity_check") == "ok");
    counts.push_back(count_of(db, "SELECT count(*) FROM records"));
  }
  importing.join();
  for (long n : counts) {
    CHECK((n - 40) % 30 == 0);
    CHECK(n >= 40);
    CHECK(n <= 40 + 15 * 30);
  }
  // No temporary file is left beside the copies.
  for (const auto& entry : fs::directory_iterator(tmp.path()))
    CHECK(entry.path().string().find(".tmp-") == std::string::npos);
}
