#include "check/enterprise_rules.hpp"

#include <catch2/catch.hpp>

#include "check_fixtures.hpp"

namespace t = tuijie::testing;
using tuijie::check::evaluate;
using tuijie::check::Evaluation;

namespace {

std::vector<std::string> codes(const Evaluation& e) {
  std::vector<std::string> list;
  for (const auto& reason : e.ineligible) {
    list.push_back(reason.code);
  }
  return list;
}

}  // namespace

TEST_CASE("an enterprise meeting every criterion is eligible and complete") {
  const Evaluation e = evaluate(t::enterprise(), t::default_rules());
  CHECK(e.eligible);
  CHECK(e.ineligible.empty());
  CHECK(e.complete);
  CHECK(e.recommendable());
}

TEST_CASE("revenue boundary: exactly the minimum is eligible, just below is not") {
  const auto rules = t::default_rules();
  CHECK(evaluate(t::enterprise("3000"), rules).eligible);
  CHECK(evaluate(t::enterprise("3000.0001"), rules).eligible);
  const Evaluation below = evaluate(t::enterprise("2999.99"), rules);
  CHECK_FALSE(below.eligible);
  CHECK(codes(below) == std::vector<std::string>{"revenue-below-minimum"});
}

TEST_CASE("the revenue reason names both figures in both languages") {
  const Evaluation e = evaluate(t::enterprise("2800"), t::default_rules());
  REQUIRE(e.ineligible.size() == 1);
  CHECK(e.ineligible[0].field == "revenue");
  CHECK(e.ineligible[0].text_zh == "服务外包业务收入 2800 万元，低于 3000 万元");
  CHECK(e.ineligible[0].text_en == "outsourcing revenue 2,800 万元 is below 3,000 万元");
}

TEST_CASE("staff boundary: exactly the minimum is eligible whatever the per-capita revenue") {
  const auto rules = t::default_rules();
  // 3000 / 300 = 10 万元 per head, far below 35: the staff criterion alone suffices.
  CHECK(evaluate(t::enterprise("3000", "300"), rules).eligible);
  // 3000 / 299 ≈ 10.03: under the staff minimum the per-capita rule applies and fails.
  const Evaluation under = evaluate(t::enterprise("3000", "299"), rules);
  CHECK_FALSE(under.eligible);
  CHECK(codes(under) == std::vector<std::string>{"per-capita-below-minimum"});
}

TEST_CASE("per-capita boundary is computed exactly: revenue ≥ 35 × staff") {
  const auto rules = t::default_rules();
  CHECK(evaluate(t::enterprise("3500", "100"), rules).eligible);   // exactly 35
  CHECK(evaluate(t::enterprise("10395", "297"), rules).eligible);  // exactly 35
  CHECK_FALSE(evaluate(t::enterprise("10394.99", "297"), rules).eligible);
  // 3499.999999 / 100 would round to 35.00 at two places; it is still below.
  CHECK_FALSE(evaluate(t::enterprise("3499.999999", "100"), rules).eligible);
}

TEST_CASE("no outsourcing staff means no per-capita revenue, not 0 × 35 万元 passed") {
  const Evaluation e = evaluate(t::enterprise("3000", "0"), t::default_rules());
  CHECK_FALSE(e.eligible);
  REQUIRE(codes(e) == std::vector<std::string>{"per-capita-undefined"});
  CHECK(e.ineligible[0].text_zh ==
        "服务外包从业人数 0 人，少于 300 人，且无从计算人均服务外包业务收入");
}

TEST_CASE("the per-capita reason names staff, per-capita revenue and both minimums") {
  const Evaluation e = evaluate(t::enterprise("4190", "120"), t::default_rules());
  REQUIRE(e.ineligible.size() == 1);
  CHECK(e.ineligible[0].text_zh ==
        "服务外包从业人数 120 人，少于 300 人，且人均服务外包业务收入 34.91 万元，低于 35 万元");
  CHECK(e.ineligible[0].text_en ==
        "outsourcing staff 120 is below 300 and revenue per outsourcing employee 34.91 万元 "
        "is below 35 万元");
}

TEST_CASE("revenue and per-capita failures are both reported") {
  const Evaluation e = evaluate(t::enterprise("2000", "100"), t::default_rules());
  CHECK(codes(e) == std::vector<std::string>{"revenue-below-minimum", "per-capita-below-minimum"});
}

TEST_CASE("headquarters and delivery centre must be in China") {
  auto abroad = t::enterprise();
  abroad.fields["hq_region"] = "新加坡";
  abroad.fields["delivery_region"] = "香港特别行政区九龙";
  const Evaluation e = evaluate(abroad, t::default_rules());
  CHECK_FALSE(e.eligible);
  REQUIRE(codes(e) == std::vector<std::string>{"region-outside-china"});
  CHECK(e.ineligible[0].field == "hq_region");
  CHECK(e.ineligible[0].text_zh == "总部所在地 新加坡 不在中国境内");
  CHECK(e.ineligible[0].text_en == "headquarters 新加坡 is not in China");

  auto delivery_abroad = t::enterprise();
  delivery_abroad.fields["delivery_region"] = "新加坡";
  const Evaluation d = evaluate(delivery_abroad, t::default_rules());
  REQUIRE(d.ineligible.size() == 1);
  CHECK(d.ineligible[0].field == "delivery_region");
}

TEST_CASE("without a province list the regions are reported as unconfirmed") {
  const auto rules = tuijie::check::rules_from_campaign(t::campaign_with(), {});
  const Evaluation e = evaluate(t::enterprise(), rules);
  CHECK_FALSE(e.eligible);
  CHECK(codes(e) == std::vector<std::string>{"region-unconfirmed", "region-unconfirmed"});
}

TEST_CASE("thresholds come from the campaign file") {
  const auto provinces = t::some_provinces();
  using tuijie::check::rules_from_campaign;
  // Lower revenue minimum: 2800 becomes eligible.
  const auto lower = rules_from_campaign(
      t::campaign_with("\"revenue_min\": 3000", "\"revenue_min\": 2500"), provinces);
  CHECK(evaluate(t::enterprise("2800"), lower).eligible);
  CHECK(evaluate(t::enterprise("2800"), lower).ineligible.empty());
  // Higher staff minimum: 600 staff no longer suffice on their own; 5000/600 ≈ 8.3 per head.
  const auto more_staff =
      rules_from_campaign(t::campaign_with("\"staff_min\": 300", "\"staff_min\": 1000"), provinces);
  const Evaluation e = evaluate(t::enterprise("5000", "600"), more_staff);
  REQUIRE(e.ineligible.size() == 1);
  CHECK(e.ineligible[0].text_en.find("below 1,000") != std::string::npos);
  // Lower per-capita minimum: 4190 / 120 ≈ 34.9 passes 30.
  const auto per_capita = rules_from_campaign(
      t::campaign_with("\"revenue_per_staff_min\": 35", "\"revenue_per_staff_min\": 30"),
      provinces);
  CHECK(evaluate(t::enterprise("4190", "120"), per_capita).eligible);
  // A campaign that does not require headquarters in China accepts 新加坡.
  const auto anywhere = rules_from_campaign(
      t::campaign_with("\"hq_in_china\": true", "\"hq_in_china\": false"), provinces);
  auto abroad = t::enterprise();
  abroad.fields["hq_region"] = "新加坡";
  CHECK(evaluate(abroad, anywhere).eligible);
}

TEST_CASE("an unreadable figure makes the record incomplete, not silently eligible") {
  auto record = t::enterprise();
  record.fields.erase("revenue");
  const Evaluation e = evaluate(record, t::default_rules());
  CHECK_FALSE(e.complete);
  REQUIRE(e.incomplete.size() == 1);
  CHECK(e.incomplete[0].field == "revenue");
  CHECK_FALSE(e.recommendable());
}
