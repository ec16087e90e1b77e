// The packet's manifest.csv (and the nominations', written by the same output::manifest_csv)
// opened in a spreadsheet: record keys and file names made from hostile names never run as a
// formula; plain numbers stay numbers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "app/cli_runner.hpp"
#include "output/manifest.hpp"
#include "store/test_support.hpp"
#include "support/csv_cells.hpp"
#include "support/hostile_institutions.hpp"
#include "support/hostile_values.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

TEST_CASE("manifest_csv: generated hostile keys and file names read back neutralised") {
  const auto values = t::hostile_values(3000, 21);
  std::vector<tuijie::output::ManifestRow> rows;
  for (std::size_t i = 0; i + 1 < values.size(); i += 2)
    rows.push_back({values[i] + ".pdf", "TJ-2020-I-" + std::to_string(i), values[i + 1],
                    static_cast<int>(i % 7), std::string(64, 'a')});
  const t::CsvRows cells = t::parse_csv(tuijie::output::manifest_csv(rows));
  REQUIRE(cells.size() == rows.size() + 1);
  CHECK(cells[0] ==
        std::vector<std::string>{"file", "document_number", "record_key", "pages", "sha256"});
  CHECK(t::formula_cells(cells).empty());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i << " key [" << rows[i].record_key << "]");
    const auto& row = cells[i + 1];
    REQUIRE(row.size() == 5);
    CHECK(row[0] == (t::writer_must_neutralise(rows[i].file) ? "'" : "") + rows[i].file);
    CHECK(row[2] ==
          (t::writer_must_neutralise(rows[i].record_key) ? "'" : "") + rows[i].record_key);
    CHECK(row[3] == std::to_string(rows[i].pages));
  }
}

TEST_CASE("packet: manifest.csv of institutions with generated formula names runs nothing") {
  const t::TempDir tmp;
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR) + " --lang en ";
  REQUIRE(t::run_cli(resources + "init ws", tmp.path()).code == 0);
  const auto names = t::hostile_names(24, 5);
  t::write_file(tmp / "hostile.csv", t::hostile_institutions_csv(names));
  const t::CliRun import =
      t::run_cli(resources + "--workspace ws import --kind institution --partial " +
                     t::quote(tmp / "hostile.csv"),
                 tmp.path());
  INFO(import.err);
  REQUIRE((import.code == 0 || import.code == 65));

  const t::CliRun packet =
      t::run_cli(resources + "--workspace ws packet --include-ineligible --out out", tmp.path());
  INFO(packet.out << packet.err);
  REQUIRE(packet.code == 0);
  const t::CsvRows rows =
      t::parse_csv(t::read_file((tmp.path() / "out" / "records" / "manifest.csv").string()));
  CHECK(t::formula_cells(rows).empty());
  std::set<std::string> keys;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 5);
    keys.insert(rows[i][2]);
  }
  // Every imported name is listed, neutralised where it would run, as it is where not.
  std::size_t listed = 0;
  std::size_t neutralised = 0;
  for (const std::string& name : names) {
    const bool runs = t::writer_must_neutralise(name);
    if (keys.count(runs ? "'" + name : name)) {
      ++listed;
      neutralised += runs;
    }
  }
  CHECK(listed >= 18);
  CHECK(neutralised >= 10);
  CHECK(keys.count("-10") == 1);
  CHECK(keys.count("-3.5") == 1);
}
