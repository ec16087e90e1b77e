#include "check/completeness.hpp"

#include <catch2/catch.hpp>

#include "check_fixtures.hpp"

namespace t = tuijie::testing;
using tuijie::check::evaluate;

TEST_CASE("an enterprise without its audit report is incomplete") {
  auto record = t::enterprise();
  record.fields["audit_report"] = "否";
  const auto e = evaluate(record, t::default_rules());
  CHECK_FALSE(e.complete);
  CHECK(e.eligible);  // completeness and eligibility are reported separately
  REQUIRE(e.incomplete.size() == 1);
  CHECK(e.incomplete[0].field == "audit_report");
  CHECK(e.incomplete[0].text_zh == "审计报告 未附（标记为“否”，应为“是”）");
  CHECK(e.incomplete[0].text_en == "the audit report is not enclosed (marked \"否\", must be 是)");
  CHECK_FALSE(e.recommendable());
}

TEST_CASE("consolidated statements are required only when applying as the parent") {
  const auto rules = t::default_rules();
  auto record = t::enterprise();
  record.fields["consolidated"] = "否";
  CHECK(evaluate(record, rules).complete);
  record.fields["as_parent"] = "是";
  const auto e = evaluate(record, rules);
  CHECK_FALSE(e.complete);
  REQUIRE(e.incomplete.size() == 1);
  CHECK(e.incomplete[0].field == "consolidated");
  record.fields.erase("consolidated");  // an optional field left empty
  CHECK_FALSE(evaluate(record, rules).complete);
  record.fields["consolidated"] = "是";
  CHECK(evaluate(record, rules).complete);
}

TEST_CASE("parks and institutions are recommendable when their legal-person proof is enclosed") {
  const auto rules = t::default_rules();
  for (const std::string kind : {"park", "institution"}) {
    INFO(kind);
    tuijie::records::Record record;
    record.kind = kind;
    record.key = "天津滨海高新区";
    record.fields = {{"name", "天津滨海高新区"}, {"legal_person_proof", "是"}, {"revenue", "1"}};
    CHECK(evaluate(record, rules).recommendable());  // no numeric criteria, even at 1 万元
    record.fields["legal_person_proof"] = "否";
    const auto e = evaluate(record, rules);
    CHECK_FALSE(e.complete);
    CHECK(e.eligible);
    REQUIRE(e.incomplete.size() == 1);
    CHECK(e.incomplete[0].field == "legal_person_proof");
  }
}
