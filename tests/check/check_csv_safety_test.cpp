// `tuijie check` on records whose names were made to attack the clerk's tools: the CSV report
// read back as a spreadsheet would holds no cell that runs as a formula, and the text report
// shows a bidi override or other steering character escaped.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <set>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"
#include "support/csv_cells.hpp"
#include "support/hostile_institutions.hpp"

namespace t = tuijie::testing;

namespace {

t::CliRun run_tuijie(const std::string& args, const std::string& cwd) {
  return t::run_cli("--resources " + t::quote(TUIJIE_SOURCE_DIR) + " --lang en " + args, cwd);
}

// The record keys check reports (its JSON, read independently of the CSV).
std::set<std::string> stored_keys(const std::string& ws) {
  const t::CliRun json = run_tuijie("check --format json", ws);
  const auto root = Poco::JSON::Parser().parse(json.out).extract<Poco::JSON::Object::Ptr>();
  const auto records = root->getArray("records");
  std::set<std::string> keys;
  for (std::size_t i = 0; i < records->size(); ++i)
    keys.insert(records->getObject(static_cast<unsigned>(i))->getValue<std::string>("key"));
  return keys;
}

}  // namespace

TEST_CASE("check --format csv neutralises generated formula names and keeps plain numbers") {
  for (unsigned seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    t::TempDir tmp;
    REQUIRE(run_tuijie("init ws", tmp.path()).code == 0);
    const std::string ws = tmp / "ws";
    const auto names = t::hostile_names(40, seed);
    t::write_file(tmp / "hostile.csv", t::hostile_institutions_csv(names));
    const t::CliRun import =
        run_tuijie("import --kind institution --partial " + t::quote(tmp / "hostile.csv"), ws);
    INFO(import.err);
    REQUIRE((import.code == 0 || import.code == 65));  // a tab- or CR-prefixed twin may clash

    const std::set<std::string> keys = stored_keys(ws);
    REQUIRE(keys.size() >= 30);
    const t::CliRun csv = run_tuijie("check --format csv", ws);
    const t::CsvRows rows = t::parse_csv(csv.out);
    CHECK(t::formula_cells(rows).empty());
    // Every stored key is in the report, with an apostrophe exactly when it would run.
    std::size_t neutralised = 0;
    for (const std::string& key : keys) {
      INFO("key [" << key << "]");
      const bool runs = t::writer_must_neutralise(key);
      const std::string expected = runs ? "'" + key : key;
      bool found = false;
      for (const auto& row : rows)
        found = found || (row.size() == 7 && row[0] == "institution" && row[1] == expected &&
                          row[2] == expected);
      CHECK(found);
      neutralised += runs;
    }
    CHECK(neutralised >= 20);
    CHECK(keys.count("-10") == 1);  // a plain number, printed as it is (found above)
  }
}

TEST_CASE("check's text report shows a bidi override in a name escaped") {
  t::TempDir tmp;
  REQUIRE(run_tuijie("init ws", tmp.path()).code == 0);
  const std::string ws = tmp / "ws";
  t::write_file(tmp / "bidi.csv", t::hostile_institutions_csv({"培训\u202Egpj.exe中心"}));
  REQUIRE(run_tuijie("import --kind institution " + t::quote(tmp / "bidi.csv"), ws).code == 0);
  const t::CliRun text = run_tuijie("check", ws);
  CHECK(text.out.find("培训\\u202egpj.exe中心") != std::string::npos);
  CHECK(text.out.find("\u202E") == std::string::npos);
}
