// XLSX workbooks whose resumes are rows of a 履历 sheet (records.md, Candidate.履历).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "records/import.hpp"
#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::fixture;

const SchemaSet& schemas() {
  static const SchemaSet set = load_schema_set(test::schema_directory());
  return set;
}

ImportResult import(const std::string& path) {
  ImportOptions options;
  options.campaign_date = "2020-06-30";
  return read_records(path, schemas(), options);
}

std::string sample(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/samples/" + name;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.format_bilingual() + "\n";
  }
  return out;
}

// Photos are found from each file's folder: the same file, spelled by different paths.
Record comparable(Record record) {
  if (record.fields.count("photo")) {
    record.fields["photo"] = std::filesystem::weakly_canonical(record.fields["photo"]).string();
  }
  return record;
}

// The first `count` records of samples/candidates.json.
std::vector<Record> json_candidates(std::size_t count) {
  ImportResult json = import(sample("candidates.json"));
  REQUIRE(json.ok());
  REQUIRE(json.records.size() >= count);
  std::vector<Record> records;
  for (std::size_t i = 0; i < count; ++i) {
    records.push_back(comparable(json.records[i]));
  }
  return records;
}

const Diagnostic* find(const Diagnostics& diagnostics, const std::string& sheet, long row,
                       const std::string& code) {
  for (const Diagnostic& d : diagnostics) {
    if (d.sheet == sheet && d.row == row && d.code == code) {
      return &d;
    }
  }
  return nullptr;
}

void check_same_records(const ImportResult& xlsx, const std::vector<Record>& expected) {
  INFO(describe(xlsx.diagnostics));
  REQUIRE(xlsx.ok());
  REQUIRE(xlsx.records.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(comparable(xlsx.records[i]) == expected[i]);
    CHECK(xlsx.record_rows[i] == static_cast<long>(i) + 2);
  }
}

TEST_CASE("xlsx: 履历 rows by 候选人编号 become each candidate's resume, in sheet order",
          "[xlsx][resume]") {
  std::vector<Record> expected = json_candidates(2);
  // The fixture interleaves the two people's rows; each keeps its own order.
  REQUIRE(expected[0].lists.at("resume").size() >= 2);
  REQUIRE(expected[1].lists.at("resume").size() >= 3);
  check_same_records(import(fixture("xlsx/resume_by_id.xlsx")), expected);
}

TEST_CASE("xlsx: 履历 rows by 参选人姓名 and 电话, columns in any order", "[xlsx][resume]") {
  check_same_records(import(fixture("xlsx/resume_by_name_phone.xlsx")), json_candidates(2));
}

TEST_CASE("xlsx: the samples' candidates.xlsx imports to the records of candidates.json",
          "[xlsx][resume]") {
  ImportResult xlsx = import(sample("candidates.xlsx"));
  ImportResult json = import(sample("candidates.json"));
  REQUIRE(json.ok());
  std::vector<Record> expected;
  for (const Record& record : json.records) {
    expected.push_back(comparable(record));
  }
  REQUIRE(expected.size() == 6);
  check_same_records(xlsx, expected);
}

TEST_CASE("xlsx: 履历 rows that belong nowhere, or twice, are errors at their cells",
          "[xlsx][resume]") {
  const std::string path = fixture("xlsx/resume_problems.xlsx");
  ImportResult result = import(path);
  INFO(describe(result.diagnostics));
  CHECK_FALSE(result.ok());

  // The first candidate gives a 履历 column and a sheet row: never merged.
  const Diagnostic* both = find(result.diagnostics, "", 2, "entries-in-two-places");
  REQUIRE(both != nullptr);
  CHECK(both->column_name == "履历");
  CHECK(both->column > 0);
  CHECK_FALSE(both->value.empty());
  CHECK(both->reason_zh.find("工作表“履历”第 2 行") != std::string::npos);
  CHECK(both->reason_en.find("row 2 of the sheet '履历'") != std::string::npos);

  // A row naming someone the first sheet lacks: sheet, row, column and value.
  const Diagnostic* unknown = find(result.diagnostics, "履历", 3, "unknown-owner");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->file == path);
  CHECK(unknown->column == 1);
  CHECK(unknown->column_name == "候选人编号");
  CHECK(unknown->value == "TJ2020-P-999");
  CHECK(unknown->format_bilingual().find(path + ":履历!3:1 列 候选人编号 值 “TJ2020-P-999”") !=
        std::string::npos);

  // A row naming no one (a name without phone, no 候选人编号).
  const Diagnostic* nobody = find(result.diagnostics, "履历", 4, "no-owner");
  REQUIRE(nobody != nullptr);
  CHECK(nobody->reason_zh.find("候选人编号") != std::string::npos);

  // The second candidate's only row lacks 时间: reported at that cell of the sheet.
  const Diagnostic* missing = find(result.diagnostics, "履历", 5, "missing-value");
  REQUIRE(missing != nullptr);
  CHECK(missing->column == 5);
  CHECK(missing->column_name == "时间");

  // Only the third candidate (matched by name and phone) is a record, with its one entry.
  REQUIRE(result.record_rows == std::vector<long>{4});
  CHECK(result.records[0].lists.at("resume").size() == 1);
  CHECK(result.records[0].lists.at("resume")[0] == json_candidates(3)[2].lists.at("resume")[0]);

  // Rows are counted per sheet: row 2 of the first sheet and rows 3-5 of 履历.
  CHECK(rows_with_errors(result.diagnostics) == std::set<long>{2});
  CHECK(rows_with_errors(result.diagnostics, "履历") == std::set<long>{3, 4, 5});
  CHECK(count_rows_with_errors(result.diagnostics) == 4);
}

}  // namespace
}  // namespace tuijie::records
