#include "store/workspace.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "core/diagnostic.hpp"
#include "store/schema.hpp"
#include "store/test_support.hpp"

using namespace Poco::Data::Keywords;
using tuijie::TuijieError;
using tuijie::records::Record;
using tuijie::store::ImportSource;
using tuijie::store::Workspace;
namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

std::string error_code(const std::function<void()>& action) {
  try {
    action();
  } catch (const TuijieError& e) {
    return e.diagnostics().at(0).code;
  }
  return "";
}

Record candidate(const std::string& key, const std::string& name, const std::string& phone) {
  Record r;
  r.kind = "candidate";
  r.key = key;
  r.fields = {{"name", name}, {"phone", phone}};
  r.lists["resume"] = {{{"title", "副总裁"}, {"org", "某公司"}}};
  return r;
}

ImportSource source(const std::string& file, std::vector<long> rows = {}) {
  ImportSource s;
  s.file = file;
  s.kind = "candidate";
  s.rows = std::move(rows);
  return s;
}

long count_rows(Workspace& ws, const std::string& table) {
  Poco::Int64 n = 0;
  ws.session() << "SELECT count(*) FROM " + table, into(n), now;
  return static_cast<long>(n);
}

}  // namespace

TEST_CASE("a new workspace records its campaign and opens again") {
  t::TempDir tmp;
  const std::string dir = tmp / "ws/nested";
  {
    Workspace ws = Workspace::create(dir, t::tianjin_campaign_path());
    CHECK(ws.campaign().get("city") == "天津市");
    CHECK(fs::is_regular_file(dir + "/tuijie.db"));
  }
  CHECK(Workspace::exists(dir));
  Workspace ws = Workspace::open(dir);
  CHECK(ws.schema_version() == tuijie::store::latest_version(tuijie::store::migrations()));
  CHECK(ws.campaign().file_name() == "tianjin-2020.json");
  CHECK(ws.campaign().content() == t::read_file(t::tianjin_campaign_path()));
  std::string sha;
  ws.session() << "SELECT sha256 FROM campaign", into(sha), now;
  CHECK(sha == ws.campaign().sha256());
}

TEST_CASE("the workspace keeps its own copy of the campaign") {
  t::TempDir tmp;
  const std::string campaign = tmp / "campaign.json";
  t::write_file(campaign, t::read_file(t::tianjin_campaign_path()));
  Workspace::create(tmp / "ws", campaign);
  fs::remove(campaign);
  CHECK(Workspace::open(tmp / "ws").campaign().get("person.deadline") == "2020-06-30");
}

TEST_CASE("creating a workspace refuses an existing one and leaves it alone") {
  t::TempDir tmp;
  {
    Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
    ws.import({candidate("C-1", "王芳", "13800000001")}, source("a.csv"));
  }
  CHECK(error_code([&] { Workspace::create(tmp.str(), t::tianjin_campaign_path()); }) ==
        "workspace-exists");
  CHECK(Workspace::open(tmp.str()).records("candidate").size() == 1);
}

TEST_CASE("a bad campaign file creates nothing") {
  t::TempDir tmp;
  CHECK(error_code([&] { Workspace::create(tmp / "ws", tmp / "absent.json"); }) ==
        "campaign-missing");
  const std::string bad = tmp / "bad.json";
  t::write_file(bad, R"({"format": 1})");
  CHECK(error_code([&] { Workspace::create(tmp / "ws", bad); }) == "campaign-invalid");
  CHECK_FALSE(fs::exists(tmp / "ws"));
}

TEST_CASE("a workspace folder that cannot be made is reported") {
  t::TempDir tmp;
  t::write_file(tmp / "file", "x");
  CHECK(error_code([&] { Workspace::create(tmp / "file/ws", t::tianjin_campaign_path()); }) ==
        "workspace-create-failed");
}

TEST_CASE("opening a folder without a workspace or with a foreign file fails clearly") {
  t::TempDir tmp;
  CHECK_FALSE(Workspace::exists(tmp.str()));
  CHECK(error_code([&] { Workspace::open(tmp.str()); }) == "workspace-missing");
  t::write_file(tmp / "tuijie.db", "this is not a database, just text long enough to look");
  CHECK(error_code([&] { Workspace::open(tmp.str()); }) == "not-a-workspace");
}

TEST_CASE("an empty tuijie.db or an SQLite database without tuijie's tables is not a workspace") {
  t::TempDir tmp;
  const std::string db = tmp / "tuijie.db";
  t::write_file(db, "");
  CHECK(error_code([&] { Workspace::open(tmp.str()); }) == "not-a-workspace");
  // Nothing was written into it: it stays 0 bytes, with no journal beside it.
  CHECK(fs::file_size(db) == 0);
  CHECK_FALSE(fs::exists(db + "-wal"));

  // Some other program's database: refused, its tables untouched, no tuijie table added.
  fs::remove(db);
  {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session other("SQLite", db);
    other << "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", now;
    other << "INSERT INTO notes (text) VALUES ('keep me')", now;
  }
  const std::string before = t::read_file(db);
  CHECK(error_code([&] { Workspace::open(tmp.str()); }) == "not-a-workspace");
  CHECK(t::read_file(db) == before);
}

TEST_CASE("a workspace made by a newer tuijie is refused") {
  t::TempDir tmp;
  {
    Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
    ws.session() << "UPDATE meta SET value = '999' WHERE name = 'schema_version'", now;
  }
  CHECK(error_code([&] { Workspace::open(tmp.str()); }) == "workspace-too-new");
}

TEST_CASE("foreign keys are enforced on every connection") {
  t::TempDir tmp;
  Workspace::create(tmp.str(), t::tianjin_campaign_path());
  Workspace ws = Workspace::open(tmp.str());
  int enabled = 0;
  ws.session() << "PRAGMA foreign_keys", into(enabled), now;
  CHECK(enabled == 1);
  // A record pointing at an import that does not exist.
  CHECK_THROWS(ws.session() << "INSERT INTO records (kind, record_key, data, source_file, "
                               "source_row, import_id, imported_at) "
                               "VALUES ('candidate', 'X', '{}', 'f', 2, 999, 't')",
               now);
}

TEST_CASE("importing inserts, re-importing updates or leaves alone, never duplicates") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
  ws.set_clock(tuijie::RunClock{1593475200});  // 2020-06-30T00:00:00Z

  const std::vector<Record> first = {candidate("C-1", "王芳", "13800000001"),
                                     candidate("C-2", "李䶮", "13800000002")};
  auto s = ws.import(first, source("candidates.csv", {2, 3}));
  CHECK(s.inserted == 2);
  CHECK(s.updated == 0);
  CHECK(s.rows == 2);

  s = ws.import(first, source("candidates.csv", {2, 3}));
  CHECK(s.inserted == 0);
  CHECK(s.updated == 0);
  CHECK(s.unchanged == 2);

  std::vector<Record> corrected = first;
  corrected[1].fields["phone"] = "13800000009";
  corrected.push_back(candidate("C-3", "吉𠮷", "13800000003"));
  s = ws.import(corrected, source("candidates-fixed.csv", {2, 3, 4}));
  CHECK(s.inserted == 1);
  CHECK(s.updated == 1);
  CHECK(s.unchanged == 1);

  CHECK(count_rows(ws, "records") == 3);
  CHECK(ws.records("candidate") == corrected);  // first-import order, latest data
  CHECK(ws.records("enterprise").empty());

  std::string file, when;
  Poco::Int64 row = 0;
  ws.session() << "SELECT source_file, source_row, imported_at FROM records "
                  "WHERE record_key = 'C-2'",
      into(file), into(row), into(when), now;
  CHECK(file == "candidates-fixed.csv");
  CHECK(row == 3);
  CHECK(when == "2020-06-30T00:00:00Z");

  const auto log = ws.import_log();
  REQUIRE(log.size() == 3);
  CHECK(log[2].file == "candidates-fixed.csv");
  CHECK(log[2].kind == "candidate");
  CHECK(log[2].rows == 3);
  CHECK(log[2].inserted == 1);
  CHECK(log[2].updated == 1);
  CHECK(log[2].imported_at == "2020-06-30T00:00:00Z");
}

TEST_CASE("a key repeated within one batch is stored once, the last record winning") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
  auto s = ws.import(
      {candidate("C-1", "王芳", "1"), candidate("C-2", "李四", "2"), candidate("C-1", "王芳", "3")},
      source("dup.csv", {2, 3, 4}));
  CHECK(s.inserted == 2);
  const auto stored = ws.records("candidate");
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].key == "C-1");
  CHECK(stored[0].get("phone") == "3");
}

TEST_CASE("a batch that fails midway leaves the workspace exactly as it was") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
  ws.import({candidate("C-1", "王芳", "1")}, source("a.csv"));

  // The second record is updated, the third is new, the fourth has no key: the database's
  // CHECK constraint stops the batch after the others were written.
  Record keyless = candidate("", "无名", "4");
  const std::vector<Record> batch = {candidate("C-1", "王芳", "changed"),
                                     candidate("C-2", "李四", "2"), keyless};
  CHECK(error_code([&] { ws.import(batch, source("b.csv")); }) == "store-failed");

  const auto stored = ws.records("candidate");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].get("phone") == "1");
  CHECK(ws.import_log().size() == 1);

  // The connection is still usable afterwards.
  CHECK(ws.import({candidate("C-2", "李四", "2")}, source("c.csv")).inserted == 1);
}
