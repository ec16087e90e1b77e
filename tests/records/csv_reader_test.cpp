#include "records/csv_reader.hpp"

#include <catch2/catch.hpp>

namespace tuijie::records {
namespace {

using Cells = std::vector<std::string>;

TEST_CASE("CSV cells: quotes, doubled quotes, commas inside quotes", "[csv]") {
  CsvTable table = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n", "t.csv");
  REQUIRE(table.diagnostics.empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"a", "b,c", "say \"hi\"", ""});
}

TEST_CASE("a quoted multi-line cell is one row, numbered as Excel numbers it", "[csv]") {
  CsvTable table = parse_csv("h1,h2\r\n\"line 1\r\nline 2\nline 3\",x\r\n\r\nlast,y\r\n", "t.csv");
  REQUIRE(table.diagnostics.empty());
  REQUIRE(table.rows.size() == 4);
  CHECK(table.rows[1].row == 2);
  CHECK(table.rows[1].cells == Cells{"line 1\nline 2\nline 3", "x"});
  CHECK(table.rows[2].row == 3);  // the blank row still counts
  CHECK(table.rows[2].cells == Cells{""});
  CHECK(table.rows[3].row == 4);
  CHECK(table.rows[3].cells == Cells{"last", "y"});
}

TEST_CASE("LF, CRLF and a missing final line break read alike", "[csv]") {
  CsvTable lf = parse_csv("a,b\nc,d\n", "t.csv");
  CsvTable crlf = parse_csv("a,b\r\nc,d\r\n", "t.csv");
  CsvTable no_end = parse_csv("a,b\r\nc,d", "t.csv");
  REQUIRE(lf.rows.size() == 2);
  for (const CsvTable* table : {&crlf, &no_end}) {
    REQUIRE(table->rows.size() == 2);
    CHECK(table->rows[1].cells == lf.rows[1].cells);
  }
}

TEST_CASE("Excel's leniencies: stray quotes stay part of the cell", "[csv]") {
  CsvTable table = parse_csv("5\"3 screen,\"ab\"c\n", "t.csv");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"5\"3 screen", "abc"});
}

TEST_CASE("an unclosed quote is reported where the cell starts", "[csv]") {
  CsvTable table = parse_csv("h1,h2\nx,\"never closed\nmore\n", "t.csv");
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.diagnostics[0].code == "unclosed-quote");
  CHECK(table.diagnostics[0].row == 2);
  CHECK(table.diagnostics[0].column == 2);
}

TEST_CASE("the header names columns; cells beyond it get unnamed columns", "[csv]") {
  SourceTable table = read_csv_table(" 姓名 ,\u3000电话\u3000\n张三,138,extra\n", "t.csv");
  REQUIRE(table.columns.size() == 3);
  CHECK(table.columns[0].name == "姓名");
  CHECK(table.columns[1].name == "电话");
  CHECK(table.columns[1].number == 2);
  CHECK(table.columns[2].name.empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].row == 2);
  CHECK(table.rows[0].cells[2].text == "extra");
}

}  // namespace
}  // namespace tuijie::records
