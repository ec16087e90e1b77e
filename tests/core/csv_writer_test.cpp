// The one CSV writer: formula-like cells neutralised (OWASP), plain numbers kept, RFC 4180
// quoting that a strict reader reads back to the neutralised text.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "core/csv_writer.hpp"
#include "support/csv_cells.hpp"
#include "support/hostile_values.hpp"

using namespace tuijie;
namespace t = tuijie::testing;

TEST_CASE("formula starts get an apostrophe; plain numbers and ordinary text stay") {
  CHECK(csv::neutralised("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(csv::neutralised("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv::neutralised("@SUM(A1:A9)") == "'@SUM(A1:A9)");
  CHECK(csv::neutralised("\t=1+1") == "'\t=1+1");
  CHECK(csv::neutralised("\r=1+1") == "'\r=1+1");
  CHECK(csv::neutralised("-1+1") == "'-1+1");
  CHECK(csv::neutralised("-") == "'-");
  CHECK(csv::neutralised("-3.") == "'-3.");
  CHECK(csv::neutralised("＝1+1") == "'＝1+1");
  CHECK(csv::neutralised("－1") == "'－1");
  for (const char* kept : {"-10", "-3.5", "0", "42", "-0.25", "", "天津滨海信息职业学院",
                           "TJ-2020-E-0007", "a=b", "1+1", "'=already"}) {
    CHECK(csv::neutralised(kept) == kept);
  }
  CHECK(csv::cell("a,b") == "\"a,b\"");
  CHECK(csv::cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv::cell("=1,2") == "\"'=1,2\"");
  CHECK(csv::cell("line\nbreak") == "\"line\nbreak\"");
}

TEST_CASE("generated numbers stay numbers: negative integers and decimals are not prefixed") {
  std::mt19937 random(20200710);
  std::uniform_int_distribution<long> integer(-1000000, 1000000);
  std::uniform_int_distribution<int> fraction(0, 999);
  for (int i = 0; i < 2000; ++i) {
    const long n = integer(random);
    std::string text = std::to_string(n);
    if (i % 2)
      text += "." + std::to_string(fraction(random));
    INFO(text);
    CHECK(csv::is_plain_number(text));
    CHECK(csv::cell(text) == text);
  }
}

TEST_CASE("generated hostile cells read back neutralised, and none would run as a formula") {
  const auto values = t::hostile_values(5000, 10);
  std::ostringstream out;
  csv::Writer writer(out);
  for (const std::string& value : values)
    writer.row({value, "-10", value + value});
  const t::CsvRows rows = t::parse_csv(out.str());
  REQUIRE(rows.size() == values.size());
  std::size_t prefixed = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO("value " << i << ": [" << values[i] << "]");
    REQUIRE(rows[i].size() == 3);
    // The writer changes nothing but the leading apostrophe, and adds it exactly where the
    // reader's own rule (formula_cells) says a spreadsheet would run the cell.
    CHECK(rows[i][0] == (t::writer_must_neutralise(values[i]) ? "'" + values[i] : values[i]));
    CHECK(rows[i][1] == "-10");
    prefixed += rows[i][0] != values[i];
  }
  CHECK(t::formula_cells(rows).empty());
  CHECK(prefixed > 1000);  // the generator does produce hostile starts
}
