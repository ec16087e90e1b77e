#include "store/schema.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using namespace Poco::Data::Keywords;
using tuijie::store::migrate;
using tuijie::store::Migration;
using tuijie::store::migrations;
using tuijie::store::schema_version;

namespace {

Poco::Data::Session memory_db() {
  Poco::Data::SQLite::Connector::registerConnector();
  return Poco::Data::Session("SQLite", ":memory:");
}

int table_count(Poco::Data::Session& db, const std::string& name) {
  std::string n = name;
  int count = 0;
  db << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", use(n), into(count),
      now;
  return count;
}

// tuijie's steps plus one more, as a later release would append it.
std::vector<Migration> with_next_version() {
  std::vector<Migration> steps = migrations();
  const int next = steps.back().version + 1;
  steps.push_back(
      {next, "document numbers", {"CREATE TABLE later_table (id INTEGER PRIMARY KEY)"}});
  return steps;
}

}  // namespace

TEST_CASE("migration versions count up from 1 without gaps") {
  int expected = 1;
  for (const Migration& step : migrations()) {
    CHECK(step.version == expected++);
    CHECK((!step.statements.empty() || !step.journal_mode.empty()));
  }
}

TEST_CASE("an empty database is version 0 and migrates to the latest") {
  auto db = memory_db();
  CHECK(schema_version(db) == 0);
  migrate(db, migrations(), ":memory:");
  CHECK(schema_version(db) == tuijie::store::latest_version(migrations()));
  CHECK(table_count(db, "records") == 1);
  CHECK(table_count(db, "imports") == 1);
  CHECK(table_count(db, "campaign") == 1);
  CHECK(table_count(db, "evaluations") == 1);
  // Running again changes nothing.
  migrate(db, migrations(), ":memory:");
  CHECK(schema_version(db) == tuijie::store::latest_version(migrations()));
}

TEST_CASE("an older database is upgraded step by step") {
  auto db = memory_db();
  migrate(db, migrations(), ":memory:");
  const auto steps = with_next_version();
  migrate(db, steps, ":memory:");
  CHECK(schema_version(db) == steps.back().version);
  CHECK(table_count(db, "later_table") == 1);
}

TEST_CASE("a database newer than the program is refused untouched") {
  auto db = memory_db();
  migrate(db, with_next_version(), ":memory:");
  const int newer = schema_version(db);
  try {
    migrate(db, migrations(), "ws/tuijie.db");
    FAIL("no exception");
  } catch (const tuijie::TuijieError& e) {
    CHECK(e.diagnostics().at(0).code == "workspace-too-new");
    CHECK(e.diagnostics().at(0).file == "ws/tuijie.db");
  }
  CHECK(schema_version(db) == newer);
}

TEST_CASE("a failing migration step leaves the database at its old version") {
  auto db = memory_db();
  migrate(db, migrations(), ":memory:");
  std::vector<Migration> steps = migrations();
  steps.push_back({steps.back().version + 1,
                   "broken",
                   {"CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"}});
  CHECK_THROWS(migrate(db, steps, ":memory:"));
  CHECK(schema_version(db) == tuijie::store::latest_version(migrations()));
  CHECK(table_count(db, "half_done") == 0);
}

TEST_CASE("a version 1 workspace gains an empty evaluations table and keeps its records") {
  auto db = memory_db();
  const std::vector<Migration> first(migrations().begin(), migrations().begin() + 1);
  migrate(db, first, ":memory:");
  REQUIRE(table_count(db, "evaluations") == 0);
  db << "INSERT INTO imports (file, kind, row_count, inserted, updated, unchanged, errors, "
        "imported_at) VALUES ('e.csv', 'enterprise', 1, 1, 0, 0, 0, '2020-06-30T00:00:00Z')",
      now;
  db << "INSERT INTO records (kind, record_key, data, source_file, source_row, import_id, "
        "imported_at) VALUES ('enterprise', 'A', '{}', 'e.csv', 2, 1, '2020-06-30T00:00:00Z')",
      now;
  migrate(db, migrations(), ":memory:");
  CHECK(table_count(db, "evaluations") == 1);
  int records = 0;
  int evaluations = -1;
  db << "SELECT count(*) FROM records", into(records), now;
  db << "SELECT count(*) FROM evaluations", into(evaluations), now;
  CHECK(records == 1);
  CHECK(evaluations == 0);
}
