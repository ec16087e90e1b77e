// The rules the later tables (enterprise, park, institution) need, on a made-up schema in
// tests/records/data/schemas: the stage must need only new data files for them.
#include <catch2/catch.hpp>

#include "records/credit_code.hpp"
#include "records/import.hpp"
#include "records/table_validation.hpp"
#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::find_diagnostic;
using test::scratch_directory;
using test::write_file;

const SchemaSet& test_schemas() {
  static const SchemaSet set = load_schema_set(test::fixture("schemas"));
  return set;
}

ImportResult import_csv(const std::string& name, const std::string& text,
                        const std::string& kind = "organisation") {
  auto dir = scratch_directory(name);
  write_file(dir / "in.csv", text);
  ImportOptions options;
  options.kind = kind;
  options.campaign_date = "2020-06-30";
  return read_records((dir / "in.csv").string(), test_schemas(), options);
}

TEST_CASE("unified social credit codes (GB 32100-2015)", "[rules]") {
  CHECK(check_credit_code("91350100M000100Y43").value == "91350100M000100Y43");
  CHECK(check_credit_code("91350100M000100Y43").problems.empty());
  CHECK(check_credit_code(" 91350100m000100y43 ").value == "91350100M000100Y43");

  ParsedValue pilot = check_credit_code("91350100M0001TGQXM");  // legal, fails the check
  CHECK(pilot.ok());
  REQUIRE(pilot.problems.size() == 1);
  CHECK(pilot.problems[0].code == "credit-code-check");
  CHECK(pilot.problems[0].reason_en.find("gives 1") != std::string::npos);

  CHECK_FALSE(check_credit_code("91350100M000100Y4").ok());   // 17 characters
  CHECK_FALSE(check_credit_code("91350100M000100I43").ok());  // I is not used
  CHECK_FALSE(check_credit_code("91350100M000100中4").ok());  // 18 characters, not 18 bytes
  ParsedValue wide = check_credit_code("91350100M000100中43");
  REQUIRE_FALSE(wide.ok());
  CHECK(wide.problems[0].reason_en.find("digits and capital") != std::string::npos);
}

TEST_CASE("money columns in 元 are converted to the field's 万元", "[rules]") {
  CHECK(
      match_column(*test_schemas().find("organisation"), "服务外包业务收入（元）").decimal_shift ==
      -4);
  CHECK(
      match_column(*test_schemas().find("organisation"), "服务外包业务收入(亿元)").decimal_shift ==
      4);
  CHECK(match_column(*test_schemas().find("organisation"), "服务外包业务收入（万元）").field >= 0);
  CHECK(match_column(*test_schemas().find("organisation"), "服务外包业务收入（美元）").field < 0);

  ImportResult result = import_csv("yuan",
                                   "企业名称,统一社会信用代码,以总公司或母公司名义申报,"
                                   "服务外包业务收入（元）\n"
                                   "甲,91350100M000100Y43,否,\"35,000,000\"\n");
  REQUIRE(result.ok());
  CHECK(result.records.at(0).get("revenue") == "3500");
}

TEST_CASE("cross-field and range rules", "[rules]") {
  ImportResult result = import_csv("cross",
                                   "企业名称,统一社会信用代码,以总公司或母公司名义申报,合并报表,"
                                   "员工总数,服务外包从业人数,规划面积（平方公里）,就业率（%）,"
                                   "成立日期\n"
                                   "甲,91350100M000100Y43,是,,100,200,0,85%,2021-01-01\n"
                                   "乙,91350100M0001TGQXM,否,,300,200,1.5,100.5,2019-01-01\n");
  const Diagnostic* consolidated = find_diagnostic(result.diagnostics, 2, "missing-value");
  REQUIRE(consolidated != nullptr);
  CHECK(consolidated->column == 4);
  CHECK(consolidated->reason_en.find("required when as_parent is 是") != std::string::npos);
  const Diagnostic* staff = find_diagnostic(result.diagnostics, 2, "above-other-field");
  REQUIRE(staff != nullptr);
  CHECK(staff->column == 6);
  CHECK(staff->value == "200");
  CHECK(find_diagnostic(result.diagnostics, 2, "out-of-range")->column == 7);  // area must be > 0
  CHECK(find_diagnostic(result.diagnostics, 2, "date-too-late")->column == 9);
  CHECK(find_diagnostic(result.diagnostics, 3, "out-of-range")->column == 8);  // rate <= 100
  CHECK(find_diagnostic(result.diagnostics, 3, "credit-code-check")->severity == Severity::Warning);
  CHECK(result.records.empty());
}

TEST_CASE("list-of-choice cells: CSV separators and JSON arrays", "[rules]") {
  ImportResult csv = import_csv("lists",
                                "企业名称,统一社会信用代码,以总公司或母公司名义申报,服务行业\n"
                                "甲,91350100M000100Y43,否,电力、热力、燃气及水生产和供应业、金融\n"
                                "乙,91350100M0001TGQXM,否,电力设备；保险\n");
  REQUIRE(csv.records.size() == 1);
  CHECK(csv.records[0].get("industries") == "电力、热力、燃气及水生产和供应业、金融");
  const Diagnostic* unknown = find_diagnostic(csv.diagnostics, 3, "unknown-choice");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->value == "保险");

  auto dir = scratch_directory("lists-json");
  write_file(dir / "in.json",
             R"([{"name": "甲", "credit_code": "91350100M000100Y43", "as_parent": false,
                  "industries": ["金融", "电力设备"]},
                 {"name": "乙", "credit_code": "91350100M0001TGQXM", "as_parent": "N",
                  "industries": "金融"}])");
  ImportResult json = read_records((dir / "in.json").string(), test_schemas(), {});
  REQUIRE(json.ok());
  CHECK(json.kind == "organisation");  // more of its columns than of person's
  CHECK(json.records[0].get("industries") == "金融、电力设备");
  CHECK(json.records[0].get("as_parent") == "否");
  CHECK(json.records[1].get("industries") == "金融");
}

TEST_CASE("a header that fits two kinds equally needs --kind", "[rules]") {
  auto dir = scratch_directory("ambiguous");
  write_file(dir / "in.csv", "企业名称\n甲\n");
  ImportResult result = read_records((dir / "in.csv").string(), test_schemas(), {});
  REQUIRE(find_diagnostic(result.diagnostics, 0, "unknown-kind") != nullptr);
  CHECK(result.kind.empty());
  ImportOptions person;
  person.kind = "person";
  ImportResult given = read_records((dir / "in.csv").string(), test_schemas(), person);
  REQUIRE(given.ok());
  CHECK(given.records.at(0).key == "甲");
}

TEST_CASE("the row limit comes from limits.json; blank rows do not count", "[rules]") {
  std::string header = "企业名称\n";
  std::string five = header + "a\nb\n\n,\n \nc\nd\ne\n\n\n";
  ImportResult ok = import_csv("limit-ok", five, "person");
  CHECK(ok.ok());
  CHECK(ok.data_rows == 5);
  CHECK(ok.record_rows == std::vector<long>{2, 3, 7, 8, 9});
  ImportResult over = import_csv("limit-over", five + "f\n", "person");
  REQUIRE(find_diagnostic(over.diagnostics, 0, "too-many-rows") != nullptr);
  CHECK(over.records.empty());
}

}  // namespace
}  // namespace tuijie::records
