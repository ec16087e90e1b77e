#include "records/xlsx_reader.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "hostile_xlsx.hpp"
#include "records/import.hpp"
#include "records/xlsx_workbook.hpp"
#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::find_diagnostic;
using test::fixture;
using test::read_bytes;

const SchemaSet& real_schemas() {
  static const SchemaSet set = load_schema_set(test::schema_directory());
  return set;
}

XlsxOptions real_limits() {
  XlsxOptions options;
  options.unpack = {real_schemas().max_unpacked_entry_bytes,
                    real_schemas().max_unpacked_total_bytes};
  options.max_data_rows = real_schemas().max_data_rows;
  return options;
}

SourceTable read_fixture(const std::string& name, const XlsxOptions& options = real_limits()) {
  std::string path = fixture("xlsx/" + name);
  return read_xlsx_table(read_bytes(path), path, options);
}

const SourceRow* row_numbered(const SourceTable& table, long number) {
  for (const SourceRow& row : table.rows) {
    if (row.row == number) {
      return &row;
    }
  }
  return nullptr;
}

std::string cell(const SourceRow& row, std::size_t column) {
  return column < row.cells.size() ? row.cells[column].text : "";
}

TEST_CASE("xlsx: the first sheet in tab order, cells by reference, typed values", "[xlsx]") {
  SourceTable table = read_fixture("basic.xlsx");
  INFO((table.diagnostics.empty() ? "" : table.diagnostics.front().format_bilingual()));
  REQUIRE(table.diagnostics.empty());
  REQUIRE(table.has_header_row);
  CHECK(table.header_row == 1);
  // Shared, rich-text (runs joined, phonetic guide dropped) and inline header cells.
  REQUIRE(table.columns.size() >= 6);
  CHECK(table.columns[0].name == "名称");
  CHECK(table.columns[1].name == "金额");
  CHECK(table.columns[2].name == "日期");
  CHECK(table.columns[3].name == "备注");
  CHECK(table.columns[5].name == "比例");

  const SourceRow* two = row_numbered(table, 2);
  REQUIRE(two != nullptr);
  CHECK(cell(*two, 0) == "甲");
  CHECK(cell(*two, 1) == "3500.5");      // the number as Excel stored it
  CHECK(cell(*two, 2) == "2020-06-12");  // serial 43994 in a built-in date style
  CHECK(cell(*two, 3).empty());          // a missing cell
  CHECK(cell(*two, 4) == "TRUE");
  CHECK(cell(*two, 5) == "1.5");  // a number style that is not a date

  CHECK(row_numbered(table, 3) == nullptr);  // absent row: numbering keeps Excel's
  const SourceRow* four = row_numbered(table, 4);
  REQUIRE(four != nullptr);
  CHECK(cell(*four, 0) == "乙");
  CHECK(cell(*four, 1).empty());
  CHECK(cell(*four, 2) == "2020-06-18");  // custom 年月日 format; the time of day is dropped
  CHECK(cell(*four, 3) == "xy");          // a formula's cached string

  const SourceRow* five = row_numbered(table, 5);  // a row and cells without references
  REQUIRE(five != nullptr);
  CHECK(cell(*five, 0) == "丙");
  CHECK(cell(*five, 1) == "12");

  const SourceRow* seven = row_numbered(table, 7);
  REQUIRE(seven != nullptr);
  CHECK(cell(*seven, 7) == "多余");  // past the header: an unnamed column, not dropped
  REQUIRE(table.columns.size() == 8);
  CHECK(table.columns[7].name.empty());

  for (const SourceRow& row : table.rows) {
    for (const RawValue& value : row.cells) {
      CHECK(value.text != "不应读取");  // the second tab, though its file is sheet1.xml
    }
  }
}

TEST_CASE("xlsx: date formats are told from number formats", "[xlsx]") {
  CHECK(is_date_format(14, ""));
  CHECK(is_date_format(31, ""));  // yyyy"年"m"月"d"日" in Chinese Excel
  CHECK_FALSE(is_date_format(2, ""));
  CHECK_FALSE(is_date_format(20, ""));  // h:mm, a time
  CHECK(is_date_format(164, "yyyy/m/d"));
  CHECK(is_date_format(165, "[$-804]yyyy\"年\"m\"月\""));
  CHECK_FALSE(is_date_format(166, "0.00\"day\""));  // quoted text is not a format part
  CHECK_FALSE(is_date_format(167, "[Red]0.00"));
}

TEST_CASE("xlsx: the same candidates as the JSON sample", "[xlsx]") {
  ImportOptions options;
  options.campaign_date = "2020-06-30";
  ImportResult from_json = read_records(std::string(TUIJIE_SOURCE_DIR) + "/samples/candidates.json",
                                        real_schemas(), options);
  ImportResult from_xlsx = read_records(fixture("xlsx/candidates.xlsx"), real_schemas(), options);
  INFO((from_xlsx.diagnostics.empty() ? "" : from_xlsx.diagnostics.front().format_bilingual()));
  REQUIRE(from_json.ok());
  REQUIRE(from_xlsx.ok());
  CHECK(from_xlsx.kind == "candidate");
  REQUIRE(from_xlsx.records.size() == from_json.records.size());
  REQUIRE_FALSE(from_xlsx.records.empty());
  for (std::size_t i = 0; i < from_json.records.size(); ++i) {
    Record json = from_json.records[i];
    Record xlsx = from_xlsx.records[i];
    // Photos are found from each file's folder: the same file, spelled by different paths.
    for (Record* record : {&json, &xlsx}) {
      if (record->fields.count("photo")) {
        record->fields["photo"] =
            std::filesystem::weakly_canonical(record->fields["photo"]).string();
      }
    }
    CHECK(xlsx == json);
    CHECK(from_xlsx.record_rows[i] == static_cast<long>(i) + 2);  // Excel rows, header = 1
  }
}

TEST_CASE("xlsx: a ZIP bomb that lies about its size is stopped while inflating", "[xlsx]") {
  auto start = std::chrono::steady_clock::now();
  std::string path = test::hostile_xlsx_path(test::kZipBomb);
  ImportResult result = read_records(path, real_schemas(), {});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "xlsx-too-large");
  REQUIRE(d != nullptr);
  CHECK(d->file == path);
  CHECK(d->reason_zh.find("压缩炸弹") != std::string::npos);
  CHECK(d->reason_en.find(test::kZipBomb.reason_en) != std::string::npos);
  CHECK(result.records.empty());
}

TEST_CASE("xlsx: a part whose declared size passes the limit is refused unread", "[xlsx]") {
  XlsxOptions tiny = real_limits();
  tiny.unpack.max_entry_bytes = 100;  // every part of basic.xlsx declares more
  SourceTable table = read_fixture("basic.xlsx", tiny);
  CHECK(table.rows.empty());
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.diagnostics[0].code == "xlsx-too-large");
  CHECK(table.diagnostics[0].value == "xl/workbook.xml");

  XlsxOptions small_total = real_limits();
  small_total.unpack.max_total_bytes = 1000;  // the parts together are larger
  table = read_fixture("basic.xlsx", small_total);
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.diagnostics[0].code == "xlsx-too-large");
}

TEST_CASE("xlsx: a truncated or foreign file is a clear error", "[xlsx]") {
  std::string path = test::hostile_xlsx_path(test::kTruncated);
  ImportResult result = read_records(path, real_schemas(), {});
  const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "bad-xlsx");
  REQUIRE(d != nullptr);
  CHECK(d->file == path);
  CHECK(d->reason_en.find(test::kTruncated.reason_en) != std::string::npos);
  CHECK(result.records.empty());

  SourceTable csv_named_xlsx = read_xlsx_table("名称,金额\n甲,1\n", "a.xlsx", real_limits());
  REQUIRE(csv_named_xlsx.diagnostics.size() == 1);
  CHECK(csv_named_xlsx.diagnostics[0].code == "bad-xlsx");
}

TEST_CASE("xlsx: a sheet of 1,048,576 rows stops at the data-row limit", "[xlsx]") {
  auto start = std::chrono::steady_clock::now();
  std::string path = test::hostile_xlsx_path(test::kMillionRows);
  ImportResult result = read_records(path, real_schemas(), {});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "too-many-rows");
  REQUIRE(d != nullptr);
  // Reading stopped at the first row past the limit: header + 100,000 data rows + 1.
  CHECK(d->reason_en.find("stopped at row " + std::to_string(real_schemas().max_data_rows + 2)) !=
        std::string::npos);
  CHECK(result.records.empty());
}

}  // namespace
}  // namespace tuijie::records
