// The enterprise, park and institution schemas of data/records/ with the reference data of
// data/reference/, exercised through real rows and the sample files of samples/.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "records/import.hpp"
#include "records/reference_choices.hpp"
#include "records/schema.hpp"
#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::find_diagnostic;
using test::scratch_directory;
using test::write_file;

const SchemaSet& schemas() {
  static const SchemaSet set = load_schema_set(test::schema_directory());
  return set;
}

ImportOptions options_2020() {
  ImportOptions options;
  options.campaign_date = "2020-07-10";
  return options;
}

std::string sample(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/samples/" + name;
}

std::string reference(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/data/reference/" + name;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.format_bilingual() + "\n";
  }
  return out;
}

// One valid enterprise row; tests replace single cells.
using Row = std::vector<std::pair<std::string, std::string>>;

Row good_enterprise() {
  return {{"企业名称", "天津测试软件有限公司"},
          {"统一社会信用代码", "91350100M000100Y43"},
          {"总部所在地", "天津市南开区"},
          {"交付中心所在地", "天津市南开区"},
          {"法定代表人", "张三"},
          {"成立日期", "2010-01-01"},
          {"企业性质", "民营企业"},
          {"以总公司或母公司名义申报", "否"},
          {"员工总数", "500"},
          {"服务外包从业人数", "400"},
          {"服务外包业务收入（万元）", "5000"},
          {"服务行业", "金融和保险"},
          {"服务外包业务领域", "ITO.SW.01"},
          {"审计报告", "是"},
          {"联系人", "李四"},
          {"联系电话", "022-58665632"},
          {"电子邮箱", "lisi@example.com"},
          {"通讯地址", "天津市南开区某路1号"},
          {"邮编", "300071"}};
}

ImportResult import_enterprise(const std::string& column, const std::string& value) {
  Row row = good_enterprise();
  for (auto& [name, cell] : row) {
    if (name == column) {
      cell = value;
    }
  }
  std::string header;
  std::string line;
  for (const auto& [name, cell] : row) {
    header += (header.empty() ? "" : ",") + name;
    line += (line.empty() ? "" : ",") + ("\"" + cell + "\"");
  }
  auto dir = scratch_directory("organisation-row");
  write_file(dir / "enterprise.csv", header + "\n" + line + "\n");
  return read_records((dir / "enterprise.csv").string(), schemas(), options_2020());
}

TEST_CASE("the organisation schemas load with their reference choices", "[organisations]") {
  const Schema* enterprise = schemas().find("enterprise");
  REQUIRE(enterprise != nullptr);
  REQUIRE(schemas().find("park") != nullptr);
  REQUIRE(schemas().find("institution") != nullptr);
  CHECK(enterprise->key_alternatives == std::vector<std::vector<std::string>>{{"credit_code"}});
  CHECK(schemas().find("park")->key_alternatives ==
        std::vector<std::vector<std::string>>{{"name", "region"}});

  const FieldSpec& industries =
      enterprise->fields[static_cast<std::size_t>(enterprise->field_index("industries"))];
  CHECK(industries.values.size() == 8);
  const FieldSpec& areas =
      enterprise->fields[static_cast<std::size_t>(enterprise->field_index("function_areas"))];
  CHECK(areas.values.size() == 50);
  CHECK(areas.values.front() == "ITO.SW.01");
}

TEST_CASE("reference tables: 8 industries, 50 leaves in 9 categories, 34 provinces",
          "[organisations]") {
  ChoiceTable industries = load_choice_table(reference("industries.json"));
  REQUIRE(industries.choices.size() == 8);
  CHECK(industries.choices[0].name == "金融和保险");
  ChoiceTable areas = load_choice_table(reference("function-areas.json"));
  REQUIRE(areas.choices.size() == 50);
  CHECK(areas.choices[5].name == "电力、热力、燃气及水生产和供应业");
  CHECK(areas.choices[5].parent_name == "软件研发外包");
  CHECK(areas.choices.back().code == "KPO.RD.99");
  std::set<std::string> categories;
  for (const ReferenceChoice& choice : areas.choices) {
    categories.insert(choice.parent_name);
  }
  CHECK(categories.size() == 9);
  ChoiceTable provinces = load_choice_table(reference("provinces.json"));
  CHECK(provinces.choices.size() == 34);
}

TEST_CASE("a spelling shared by two choices is left to their codes", "[organisations]") {
  auto dir = scratch_directory("reference-ambiguous");
  write_file(dir / "t.json",
             R"({"a": [{"code": "A", "name": "甲", "items": [{"code": "A1", "name": "其他"}]},
                      {"code": "B", "name": "乙", "items": [{"code": "B1", "name": "其他"}]}]})");
  ChoiceTable table = load_choice_table((dir / "t.json").string());
  REQUIRE(table.choices.size() == 2);
  std::vector<std::string> spellings;
  for (const ChoiceSpelling& spelling : table.spellings()) {
    spellings.push_back(spelling.spelling);
  }
  CHECK(spellings == std::vector<std::string>{"A1", "甲（其他）", "B1", "乙（其他）"});
}

TEST_CASE("function areas by code, unique name or 类别（叶）, stored as codes", "[organisations]") {
  ImportResult result = import_enterprise("服务外包业务领域",
                                          "ITO.IT.03、软件研发外包（金融业）；客户服务、"
                                          "电力、热力、燃气及水生产和供应业,软件研发外包(制造业)");
  INFO(describe(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.records.at(0).get("function_areas") ==
        "ITO.IT.03、ITO.SW.01、BPO.OP.04、ITO.SW.06、ITO.SW.02");
}

TEST_CASE("industries by name or code", "[organisations]") {
  ImportResult result = import_enterprise("服务行业", "金融和保险、MFG、信息服务业");
  INFO(describe(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.records.at(0).get("industries") == "FIN、MFG、INF");
}

TEST_CASE("an unknown industry or leaf is an error naming row and column", "[organisations]") {
  ImportResult industry = import_enterprise("服务行业", "金融和保险、航天");
  const Diagnostic* d = find_diagnostic(industry.diagnostics, 2, "unknown-choice");
  REQUIRE(d != nullptr);
  CHECK(d->column_name == "服务行业");
  CHECK(d->value == "航天");

  ImportResult leaf = import_enterprise("服务外包业务领域", "ITO.SW.13");
  d = find_diagnostic(leaf.diagnostics, 2, "unknown-choice");
  REQUIRE(d != nullptr);
  CHECK(d->column_name == "服务外包业务领域");
  CHECK(d->reason_zh.find("function-areas.json") != std::string::npos);
  // A category is not a leaf.
  CHECK_FALSE(import_enterprise("服务外包业务领域", "软件研发外包").ok());
}

TEST_CASE("credit codes through an enterprise row", "[organisations]") {
  CHECK(import_enterprise("统一社会信用代码", "91350100M000100Y43").diagnostics.empty());
  ImportResult lower = import_enterprise("统一社会信用代码", "91350100m000100y43");
  REQUIRE(lower.ok());
  CHECK(lower.records.at(0).key == "91350100M000100Y43");
  for (const char* warned : {"91350100M000100Y44", "91350100M0001TGQXM"}) {
    ImportResult result = import_enterprise("统一社会信用代码", warned);
    INFO(warned);
    CHECK(result.ok());
    CHECK(find_diagnostic(result.diagnostics, 2, "credit-code-check") != nullptr);
  }
  for (const char* wrong :
       {"91350100M000100Y4", "91350100M000100Y433", "91350100M00010OY43", "I1350100M000100Y43",
        "91350100M0001Z0Y43", "91350100S000100Y43", "91350100M00V100Y43"}) {
    INFO(wrong);
    ImportResult result = import_enterprise("统一社会信用代码", wrong);
    CHECK(find_diagnostic(result.diagnostics, 2, "bad-credit-code") != nullptr);
  }
}

TEST_CASE("organisation cross-field rules", "[organisations]") {
  CHECK_FALSE(import_enterprise("服务外包从业人数", "501").ok());
  CHECK(import_enterprise("服务外包从业人数", "500").ok());
  CHECK_FALSE(import_enterprise("服务外包业务收入（万元）", "5000").records.empty());
  // 离岸 ≤ 总收入: the good row's revenue is 5000 万元.
  auto offshore = [](const std::string& value) {
    auto dir = scratch_directory("organisation-offshore");
    Row row = good_enterprise();
    row.emplace_back("离岸服务外包收入（万元）", value);
    std::string header;
    std::string line;
    for (const auto& [name, cell] : row) {
      header += (header.empty() ? "" : ",") + name;
      line += (line.empty() ? "" : ",") + ("\"" + cell + "\"");
    }
    write_file(dir / "e.csv", header + "\n" + line + "\n");
    return read_records((dir / "e.csv").string(), schemas(), options_2020());
  };
  CHECK(offshore("5000").ok());
  CHECK_FALSE(offshore("5000.5").ok());
  // 以母公司名义申报 = 是 needs 合并报表, which the good row leaves out.
  CHECK_FALSE(import_enterprise("以总公司或母公司名义申报", "是").ok());
}

TEST_CASE("the organisation samples import without errors", "[organisations][samples]") {
  for (const auto& [file, kind, count] :
       std::vector<std::tuple<std::string, std::string, std::size_t>>{
           {"enterprises.csv", "enterprise", 13},
           {"enterprises.json", "enterprise", 13},
           {"parks.csv", "park", 3},
           {"institutions.csv", "institution", 3}}) {
    INFO(file);
    ImportResult result = read_records(sample(file), schemas(), options_2020());
    INFO(describe(result.diagnostics));
    CHECK(result.diagnostics.empty());
    CHECK(result.kind == kind);
    CHECK(result.records.size() == count);
  }
  ImportResult parks = read_records(sample("parks.csv"), schemas(), options_2020());
  CHECK(parks.encoding == "GB18030");
  REQUIRE(parks.records.size() == 3);
  CHECK(parks.records[1].get("region") == "天津市");  // written 天津
}

// Every field of every record, one CHECK each, so that a difference names its field.
void check_same_records(const ImportResult& expected, const ImportResult& actual) {
  REQUIRE(actual.ok());
  REQUIRE(actual.records.size() == expected.records.size());
  for (std::size_t i = 0; i < expected.records.size(); ++i) {
    const Record& want = expected.records[i];
    const Record& got = actual.records[i];
    INFO(want.key);
    CHECK(got.kind == want.kind);
    CHECK(got.key == want.key);
    std::set<std::string> keys;
    for (const Record* record : {&want, &got}) {
      for (const auto& [key, value] : record->fields) {
        keys.insert(key);
      }
    }
    for (const std::string& key : keys) {
      INFO("field " << key);
      CHECK(got.get(key) == want.get(key));
    }
    CHECK(got.lists == want.lists);
    CHECK(got == want);  // nothing else differs either
  }
}

TEST_CASE("the same enterprises from CP936 CSV, XLSX and JSON give identical records",
          "[organisations][samples]") {
  ImportResult csv = read_records(sample("enterprises.csv"), schemas(), options_2020());
  ImportResult xlsx = read_records(sample("enterprises.xlsx"), schemas(), options_2020());
  ImportResult json = read_records(sample("enterprises.json"), schemas(), options_2020());
  CHECK(csv.encoding == "GB18030");
  REQUIRE(csv.ok());
  REQUIRE(csv.records.size() == 13);
  SECTION("XLSX") {
    check_same_records(csv, xlsx);
  }
  SECTION("JSON") {
    check_same_records(csv, json);
  }
}

}  // namespace
}  // namespace tuijie::records
