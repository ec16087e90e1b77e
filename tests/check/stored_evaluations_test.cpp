// Import stores each record's evaluation with it; check refreshes it. Read back through
// Workspace::evaluations, as the summary tables will.
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "check_cli_support.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace t = tuijie::testing;
using tuijie::store::StoredEvaluation;
using tuijie::store::Workspace;

namespace {

constexpr const char* kZhonghuan = "91120103MA05TPLR8N";  // 中环云联: 2800 万元, 86 staff
constexpr const char* kEpoch2020 = "SOURCE_DATE_EPOCH=1593475200";  // 2020-06-30T00:00:00Z
constexpr const char* kEpoch2021 = "SOURCE_DATE_EPOCH=1625011200";  // 2021-06-30T00:00:00Z

StoredEvaluation evaluation_of(const std::string& ws, const std::string& key) {
  Workspace workspace = Workspace::open(ws);
  const auto stored = workspace.evaluations("enterprise");
  const auto at = std::ranges::find(stored, key, &StoredEvaluation::record_key);
  REQUIRE(at != stored.end());
  return *at;
}

std::string init_workspace(const t::TempDir& tmp) {
  REQUIRE(t::run_tuijie("init ws", tmp.path()).code == 0);
  return tmp / "ws";
}

}  // namespace

TEST_CASE("importing the sample enterprises stores 中环云联's reasons with the campaign") {
  t::TempDir tmp;
  const std::string ws = init_workspace(tmp);
  const auto import = t::run_cli("--resources " + t::quote(TUIJIE_SOURCE_DIR) + " import " +
                                     t::source_file("samples/enterprises.csv"),
                                 ws, kEpoch2020);
  INFO(import.err);
  REQUIRE(import.code == 0);

  const StoredEvaluation stored = evaluation_of(ws, kZhonghuan);
  CHECK(stored.verdict.complete);
  CHECK_FALSE(stored.verdict.eligible);
  REQUIRE_FALSE(stored.verdict.ineligible.empty());
  CHECK(stored.verdict.ineligible[0].zh == "服务外包业务收入 2800 万元，低于 3000 万元");
  CHECK(stored.verdict.ineligible[0].en == "outsourcing revenue 2,800 万元 is below 3,000 万元");
  CHECK(stored.verdict.ineligible[0].field == "revenue");
  CHECK(stored.campaign_sha256 == Workspace::open(ws).campaign().sha256());
  CHECK(stored.evaluated_at == "2020-06-30T00:00:00Z");
}

TEST_CASE("re-importing a corrected revenue updates the stored evaluation") {
  t::TempDir tmp;
  const std::string ws = init_workspace(tmp);
  REQUIRE(t::run_tuijie("import " + t::source_file("samples/enterprises.csv"), ws).code == 0);
  REQUIRE_FALSE(evaluation_of(ws, kZhonghuan).verdict.eligible);

  // The same GBK file with 中环云联's revenue raised to 3500 万元 (40.7 万元 per capita).
  std::string csv = t::read_file(std::string(TUIJIE_SOURCE_DIR) + "/samples/enterprises.csv");
  const std::string before = ",86,\"2,800\",";
  const auto at = csv.find(before);
  REQUIRE(at != std::string::npos);
  csv.replace(at, before.size(), ",86,\"3,500\",");
  t::write_file(tmp / "enterprises-fixed.csv", csv);

  const auto again = t::run_tuijie("import " + t::quote(tmp / "enterprises-fixed.csv"), ws);
  INFO(again.out << again.err);
  REQUIRE(again.code == 0);
  CHECK(again.out.find("1 updated, 12 unchanged") != std::string::npos);
  const StoredEvaluation fixed = evaluation_of(ws, kZhonghuan);
  CHECK(fixed.verdict.eligible);
  CHECK(fixed.verdict.ineligible.empty());
  CHECK(Workspace::open(ws).evaluations("enterprise").size() == 13);
}

TEST_CASE("check stores fresh evaluations, also for records that had none") {
  t::TempDir tmp;
  const std::string ws = init_workspace(tmp);
  {
    // Stored without an evaluator, as by a tuijie from before evaluations were kept.
    Workspace workspace = Workspace::open(ws);
    tuijie::records::Record small;
    small.kind = "enterprise";
    small.key = kZhonghuan;
    small.fields = {{"name", "天津中环云联通信技术有限公司"},
                    {"hq_region", "天津市"},
                    {"delivery_region", "天津市河西区"},
                    {"as_parent", "否"},
                    {"staff_outsourcing", "86"},
                    {"revenue", "2800"},
                    {"audit_report", "否"}};
    workspace.import({small}, {"hand-made", "enterprise", {}, -1, 0, {}, {}});
    REQUIRE(workspace.evaluations("enterprise").empty());
  }
  const auto check = t::run_cli(
      "--resources " + t::quote(TUIJIE_SOURCE_DIR) + " check --as-of 2021-06-30 --format json", ws,
      kEpoch2021);
  INFO(check.out << check.err);
  CHECK(check.code == 65);
  const StoredEvaluation stored = evaluation_of(ws, kZhonghuan);
  CHECK_FALSE(stored.verdict.complete);
  REQUIRE(stored.verdict.incomplete.size() == 1);
  CHECK(stored.verdict.incomplete[0].field == "audit_report");
  CHECK_FALSE(stored.verdict.eligible);
  CHECK(stored.evaluated_at == "2021-06-30T00:00:00Z");
  // The stored reasons are the ones check printed.
  const auto printed = t::report_records(check.out).at(kZhonghuan);
  const auto printed_zh = t::reason_texts_zh(printed, "ineligible");
  REQUIRE(printed_zh.size() == stored.verdict.ineligible.size());
  for (std::size_t i = 0; i < printed_zh.size(); ++i) {
    CHECK(printed_zh[i] == stored.verdict.ineligible[i].zh);
  }
}

TEST_CASE("check still reports when the workspace cannot take its evaluations") {
  t::TempDir tmp;
  const std::string ws = init_workspace(tmp);
  REQUIRE(t::run_tuijie("import " + t::source_file("samples/parks.csv"), ws).code == 0);
  {
    // The database refuses new evaluations, as a full disk or a read-only copy would.
    Workspace workspace = Workspace::open(ws);
    workspace.session() << "CREATE TRIGGER refuse BEFORE INSERT ON evaluations "
                           "BEGIN SELECT RAISE(ABORT, 'refused'); END",
        Poco::Data::Keywords::now;
  }
  const auto check = t::run_tuijie("check --as-of 2020-07-01 --kind park", ws);
  INFO(check.out << check.err);
  CHECK(check.code == 0);  // every park is recommendable; the failed refresh only warns
  CHECK(check.out.find("complete, eligible") != std::string::npos);
  CHECK(check.err.find("the evaluations could not be stored") != std::string::npos);
}
