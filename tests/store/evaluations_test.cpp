// The workspace keeps each record's last evaluation next to the record itself.
#include "store/evaluations.hpp"

#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

using namespace Poco::Data::Keywords;
using tuijie::TuijieError;
using tuijie::records::Record;
using tuijie::store::ImportSource;
using tuijie::store::RecordVerdict;
using tuijie::store::StoredEvaluation;
using tuijie::store::Verdict;
using tuijie::store::Workspace;
namespace t = tuijie::testing;

namespace {

Record enterprise(const std::string& key, const std::string& revenue) {
  Record r;
  r.kind = "enterprise";
  r.key = key;
  r.fields = {{"name", "天津某公司 " + key}, {"revenue", revenue}};
  return r;
}

ImportSource enterprise_file(const std::string& file) {
  ImportSource s;
  s.file = file;
  s.kind = "enterprise";
  return s;
}

// Stands in for the check layer: revenue under 3000 is ineligible, no audit report means
// incomplete. Counts its calls.
struct FakeRules {
  int calls = 0;
  Verdict operator()(const Record& r) {
    ++calls;
    Verdict v;
    if (std::stod(r.get("revenue")) < 3000) {
      v.eligible = false;
      v.ineligible.push_back({"revenue-below-minimum", "revenue",
                              "服务外包业务收入 " + r.get("revenue") + " 万元，低于 3000 万元",
                              "outsourcing revenue " + r.get("revenue") + " is below 3,000"});
    }
    if (r.get("audit_report") != "是") {
      v.complete = false;
      v.incomplete.push_back({"enclosure-missing", "audit_report", "审计报告 未附",
                              "the audit report is not enclosed"});
    }
    return v;
  }
};

long evaluation_rows(Workspace& ws) {
  Poco::Int64 n = 0;
  ws.session() << "SELECT count(*) FROM evaluations", into(n), now;
  return static_cast<long>(n);
}

}  // namespace

TEST_CASE("reasons survive the trip through their JSON column, in both lists and languages") {
  Verdict verdict;
  verdict.complete = false;
  verdict.incomplete = {{"enclosure-missing", "audit_report", "审计报告 未附（标记为“否”）",
                         "the audit report is not enclosed (marked \"否\")"}};
  verdict.eligible = false;
  verdict.ineligible = {
      {"revenue-below-minimum", "revenue", "服务外包业务收入 2800 万元，低于 3000 万元",
       "outsourcing revenue 2,800 万元 is below 3,000 万元"},
      {"region-outside-china", "hq_region", "总部所在地 新加坡 不在中国境内",
       "headquarters 新加坡 is not in China"}};
  Verdict back;
  back.complete = false;  // flags are columns of their own; only the lists come from the JSON
  back.eligible = false;
  tuijie::store::reasons_from_json(tuijie::store::reasons_to_json(verdict), back);
  CHECK(back == verdict);
}

TEST_CASE("a damaged reasons column is reported, not misread") {
  Verdict v;
  for (const char* bad : {"{}", "[1]", R"([{"code":"x"}])",
                          R"([{"concerns":"maybe","code":"x","field":"f","zh":"z","en":"e"}])"}) {
    INFO(bad);
    try {
      tuijie::store::reasons_from_json(bad, v);
      FAIL("no exception");
    } catch (const TuijieError& e) {
      CHECK(e.diagnostics().at(0).code == "workspace-unreadable");
    }
  }
}

TEST_CASE("an import with an evaluator stores every record's verdict with the campaign") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  ws.set_clock(tuijie::RunClock{1593475200});  // 2020-06-30T00:00:00Z
  FakeRules rules;
  auto small = enterprise("91120103MA05TPLR8N", "2800");
  auto big = enterprise("91120116MA05K3RT2M", "28600");
  big.fields["audit_report"] = "是";
  ws.import({small, big}, enterprise_file("e.csv"), std::ref(rules));
  CHECK(rules.calls == 2);

  const std::vector<StoredEvaluation> stored = ws.evaluations("enterprise");
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].record_key == small.key);  // in import order
  CHECK_FALSE(stored[0].verdict.eligible);
  CHECK_FALSE(stored[0].verdict.complete);
  REQUIRE(stored[0].verdict.ineligible.size() == 1);
  CHECK(stored[0].verdict.ineligible[0].zh == "服务外包业务收入 2800 万元，低于 3000 万元");
  CHECK(stored[0].campaign_sha256 == ws.campaign().sha256());
  CHECK(stored[0].evaluated_at == "2020-06-30T00:00:00Z");
  CHECK(stored[1].record_key == big.key);
  CHECK(stored[1].verdict == Verdict{});
  CHECK(ws.evaluations("candidate").empty());
}

TEST_CASE("re-importing a changed record replaces its verdict; an unchanged one is re-judged") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  FakeRules rules;
  ws.import({enterprise("A", "2800"), enterprise("B", "5000")}, enterprise_file("e.csv"),
            std::ref(rules));
  REQUIRE_FALSE(ws.evaluations("enterprise").at(0).verdict.eligible);

  const auto summary = ws.import({enterprise("A", "3200"), enterprise("B", "5000")},
                                 enterprise_file("e-fixed.csv"), std::ref(rules));
  CHECK(summary.updated == 1);
  CHECK(summary.unchanged == 1);
  CHECK(rules.calls == 4);
  const auto stored = ws.evaluations("enterprise");
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].verdict.eligible);
  CHECK(stored[0].verdict.ineligible.empty());
  CHECK(evaluation_rows(ws) == 2);  // replaced, not added
}

TEST_CASE("an import without an evaluator stores no verdicts; saving adds and replaces them") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  ws.import({enterprise("A", "2800"), enterprise("B", "5000")}, enterprise_file("e.csv"));
  CHECK(ws.evaluations("enterprise").empty());

  Verdict ineligible;
  ineligible.eligible = false;
  ineligible.ineligible = {{"revenue-below-minimum", "revenue", "低", "low"}};
  ws.save_evaluations({{"enterprise", "B", ineligible}});
  auto stored = ws.evaluations("enterprise");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].record_key == "B");
  CHECK(stored[0].verdict == ineligible);

  ws.save_evaluations({{"enterprise", "A", Verdict{}}, {"enterprise", "B", Verdict{}}});
  stored = ws.evaluations("enterprise");
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].record_key == "A");
  CHECK(stored[1].verdict == Verdict{});
}

TEST_CASE("a verdict about a record that is not stored is refused and changes nothing") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  ws.import({enterprise("A", "5000")}, enterprise_file("e.csv"));
  try {
    ws.save_evaluations({{"enterprise", "A", Verdict{}}, {"enterprise", "nobody", Verdict{}}});
    FAIL("no exception");
  } catch (const TuijieError& e) {
    CHECK(e.diagnostics().at(0).code == "store-failed");
  }
  CHECK(evaluation_rows(ws) == 0);
}

TEST_CASE("a failing evaluator leaves the workspace as it was") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  const auto failing = [](const Record&) -> Verdict { throw std::runtime_error("rules broke"); };
  CHECK_THROWS_AS(ws.import({enterprise("A", "5000")}, enterprise_file("e.csv"), failing),
                  std::runtime_error);
  CHECK(ws.records("enterprise").empty());
  CHECK(ws.import_log().empty());
}

TEST_CASE("evaluations go with their record when it is deleted") {
  t::TempDir tmp;
  Workspace ws = Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  FakeRules rules;
  ws.import({enterprise("A", "5000"), enterprise("B", "5000")}, enterprise_file("e.csv"),
            std::ref(rules));
  ws.session() << "DELETE FROM records WHERE record_key = 'A'", now;
  CHECK(evaluation_rows(ws) == 1);
}
