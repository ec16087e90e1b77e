// The sample organisations are judged as samples/README.md says they should be, including
// the boundary values, through the real program: init, import, check.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check_cli_support.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace t = tuijie::testing;

namespace {

struct ExpectedEnterprise {
  std::string name;  // the short name the README uses
  bool eligible;
  std::vector<std::string> ineligible;  // reason codes, in the order check gives them
};

// The table of samples/README.md, "Organisation samples", keyed by credit code.
const std::map<std::string, ExpectedEnterprise>& expected_enterprises() {
  static const std::map<std::string, ExpectedEnterprise> expected = {
      {"91120116MA05K3RT2M", {"津云数科", true, {}}},
      {"91120104MA06A2BN7T", {"海河软件", true, {}}},  // exactly 3000 万元, exactly 300 staff
      {"91120111MA07C9DW3Q", {"渤海数据", true, {}}},  // 299 staff, exactly 35 万元 per capita
      {"91120116MA0723QH15", {"卓识智能", true, {}}},
      {"91120103MA05TPLR8N",
       {"中环云联", false, {"revenue-below-minimum", "per-capita-below-minimum"}}},
      {"91120113MA06DNRK5R", {"北辰精工", false, {"per-capita-below-minimum"}}},
      {"91120116MA05N8XB6L", {"泰达供应链", true, {}}},
      {"91120101MA06G4UX0Q", {"和平金融", true, {}}},
      {"91120110MA05WQ8E2F", {"东丽医药", true, {}}},
      {"91120102MA07F1YJ9X", {"河东动漫", false, {"revenue-below-minimum"}}},  // 2999.5
      {"91120116MA05PB4G30", {"星岛数码", false, {"region-outside-china"}}},
      {"91120114MA06KX2C4C", {"武清电商", true, {}}},
      {"91120106MA07H6MN0G", {"红桥检验检测", true, {}}},
  };
  return expected;
}

// Keys of the sample parks (name|region) and institutions (name); all recommendable.
const std::vector<std::string> kParks = {"天津经济技术开发区服务外包产业园|天津市",
                                         "天津南开科技服务外包园|天津市",
                                         "天津西青学府服务外包基地|天津市"};
const std::vector<std::string> kInstitutions = {"天津滨海信息职业学院", "天津津门软件人才培训中心",
                                                "天津海河理工大学"};

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  const auto last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::vector<std::string> table_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line.substr(1));  // past the leading '|'
  std::string cell;
  while (std::getline(in, cell, '|')) {
    cells.push_back(trimmed(cell));
  }
  return cells;
}

// The enterprise table of samples/README.md: credit code -> 符合条件 (是/否).
std::map<std::string, std::string> readme_table() {
  std::ifstream in(std::string(TUIJIE_SOURCE_DIR) + "/samples/README.md");
  std::string line;
  while (std::getline(in, line) && !line.starts_with("| 企业 | 统一社会信用代码 |")) {
  }
  const std::vector<std::string> header = table_cells(line);
  const auto column = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    REQUIRE(at != header.end());
    return static_cast<std::size_t>(at - header.begin());
  };
  const std::size_t code = column("统一社会信用代码");
  const std::size_t verdict = column("符合条件");
  std::map<std::string, std::string> table;
  std::getline(in, line);  // | --- | --- | ...
  while (std::getline(in, line) && line.starts_with("|")) {
    const std::vector<std::string> cells = table_cells(line);
    REQUIRE(cells.size() > std::max(code, verdict));
    table.emplace(cells[code], cells[verdict]);
  }
  return table;
}

std::string sample_workspace(const t::TempDir& tmp, const std::string& files) {
  REQUIRE(t::run_tuijie("init ws", tmp.path()).code == 0);
  const std::string ws = tmp / "ws";
  const t::CliRun import = t::run_tuijie("import " + files, ws);
  INFO(import.err);
  REQUIRE(import.code == 0);
  return ws;
}

}  // namespace

TEST_CASE("the samples README table and this test expect the same eligibility") {
  const std::map<std::string, std::string> table = readme_table();
  REQUIRE(table.size() == expected_enterprises().size());
  for (const auto& [credit_code, expected] : expected_enterprises()) {
    INFO(credit_code << " " << expected.name);
    REQUIRE(table.count(credit_code) == 1);
    CHECK(table.at(credit_code) == (expected.eligible ? "是" : "否"));
  }
}

TEST_CASE("every sample enterprise is judged as the README table says, boundaries included") {
  t::TempDir tmp;
  const std::string ws = sample_workspace(tmp, t::source_file("samples/enterprises.csv"));
  const t::CliRun run =
      t::run_tuijie("check --kind enterprise --format json --as-of 2020-07-01", ws);
  INFO(run.out << run.err);
  CHECK(run.code == 65);  // some samples are ineligible on purpose
  const auto records = t::report_records(run.out);
  REQUIRE(records.size() == expected_enterprises().size());

  for (const auto& [credit_code, expected] : expected_enterprises()) {
    INFO(credit_code << " " << expected.name);
    REQUIRE(records.count(credit_code) == 1);
    const auto& record = records.at(credit_code);
    CHECK(record->getValue<bool>("complete"));
    CHECK(record->getValue<bool>("eligible") == expected.eligible);
    CHECK(t::reason_codes(record, "ineligible") == expected.ineligible);
  }
  // The figures in the reasons are the record's own, not rounded.
  CHECK(t::reason_texts_zh(records.at("91120102MA07F1YJ9X"), "ineligible") ==
        std::vector<std::string>{"服务外包业务收入 2999.5 万元，低于 3000 万元"});

  // What import stored agrees with what check reports.
  tuijie::store::Workspace workspace = tuijie::store::Workspace::open(ws);
  const auto stored = workspace.evaluations("enterprise");
  REQUIRE(stored.size() == expected_enterprises().size());
  for (const auto& evaluation : stored) {
    INFO(evaluation.record_key);
    CHECK(evaluation.verdict.eligible == expected_enterprises().at(evaluation.record_key).eligible);
  }
}

TEST_CASE("every sample park and institution is complete and so recommendable") {
  t::TempDir tmp;
  const std::string ws = sample_workspace(
      tmp, t::source_file("samples/parks.csv") + " " + t::source_file("samples/institutions.csv"));
  for (const auto& [kind, keys] : std::map<std::string, std::vector<std::string>>{
           {"park", kParks}, {"institution", kInstitutions}}) {
    const t::CliRun run = t::run_tuijie("check --format json --kind " + kind, ws);
    INFO(kind << "\n" << run.out << run.err);
    CHECK(run.code == 0);
    const auto records = t::report_records(run.out);
    REQUIRE(records.size() == keys.size());
    for (const std::string& key : keys) {
      INFO(key);
      REQUIRE(records.count(key) == 1);
      CHECK(records.at(key)->getValue<bool>("complete"));
      CHECK(records.at(key)->getValue<bool>("eligible"));
    }
  }
}
