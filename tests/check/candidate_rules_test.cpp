#include "check/candidate_rules.hpp"

#include <catch2/catch.hpp>

#include "check_fixtures.hpp"

namespace t = tuijie::testing;
using tuijie::check::evaluate;

TEST_CASE("a candidate from an outsourcing enterprise must be VP or above") {
  const auto rules = t::default_rules();
  CHECK(evaluate(t::candidate("服务外包企业", "是"), rules).recommendable());
  const auto e = evaluate(t::candidate("服务外包企业", "否"), rules);
  CHECK(e.complete);
  CHECK_FALSE(e.eligible);
  REQUIRE(e.ineligible.size() == 1);
  CHECK(e.ineligible[0].field == "vp_or_above");
  CHECK(e.ineligible[0].text_zh ==
        "单位类型为 服务外包企业 的候选人须为副总裁及以上，副总裁及以上为“否”");
  CHECK(e.ineligible[0].text_en ==
        "candidates whose employer type is 服务外包企业 must be VP or above; 副总裁及以上 is "
        "\"否\"");
}

TEST_CASE("other employer types need no VP title") {
  const auto rules = t::default_rules();
  CHECK(evaluate(t::candidate("服务外包协会", "否"), rules).recommendable());
  CHECK(evaluate(t::candidate("商务主管部门", "否"), rules).recommendable());
}

TEST_CASE("the employer types needing a VP come from the campaign file") {
  const auto rules = tuijie::check::rules_from_campaign(
      t::campaign_with("\"vp_required_for\": [\"服务外包企业\"]",
                       "\"vp_required_for\": [\"服务外包企业\", \"服务外包园区\"]"),
      t::some_provinces());
  CHECK_FALSE(evaluate(t::candidate("服务外包园区", "否"), rules).eligible);
  const auto none = tuijie::check::rules_from_campaign(
      t::campaign_with("\"vp_required_for\": [\"服务外包企业\"]", "\"vp_required_for\": []"),
      t::some_provinces());
  CHECK(evaluate(t::candidate("服务外包企业", "否"), none).eligible);
}
