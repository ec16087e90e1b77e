#include "check/rules.hpp"

#include "core/diagnostic.hpp"

namespace tuijie::check {

namespace {

Decimal threshold(const store::Campaign& campaign, const std::string& key) {
  const std::string text = campaign.get(key);
  const std::optional<Decimal> value = Decimal::parse(text);
  if (!value) {
    Diagnostic d = make_error("campaign-invalid", key + " 应为非负数",
                              key + " must be a non-negative number", campaign.file_name(), text);
    d.column_name = key;
    throw TuijieError(d);
  }
  return *value;
}

}  // namespace

Rules rules_from_campaign(const store::Campaign& campaign, Provinces provinces) {
  Rules rules;
  OrganisationThresholds& o = rules.organisation;
  o.hq_in_china = campaign.get("organisation.eligibility.hq_in_china") == "true";
  o.delivery_in_china = campaign.get("organisation.eligibility.delivery_in_china") == "true";
  o.revenue_min = threshold(campaign, "organisation.eligibility.revenue_min");
  o.staff_min = threshold(campaign, "organisation.eligibility.staff_min");
  o.revenue_per_staff_min = threshold(campaign, "organisation.eligibility.revenue_per_staff_min");
  o.money_unit = campaign.get("organisation.eligibility.money_unit");
  if (o.money_unit.empty()) {
    o.money_unit = "万元";  // the unit data/README.md fixes for every money figure
  }
  const std::string count = campaign.get("person.eligibility.vp_required_for.count");
  const int n = count.empty() ? 0 : std::stoi(count);
  for (int i = 1; i <= n; ++i) {
    rules.vp_required_for.push_back(
        campaign.get("person.eligibility.vp_required_for." + std::to_string(i)));
  }
  rules.provinces = std::move(provinces);
  return rules;
}

}  // namespace tuijie::check
