#include "app/campaign_rules.hpp"

#include <algorithm>
#include <utility>

#include "app/context.hpp"

namespace tuijie::app {

namespace {

constexpr const char* kProvinces = "data/reference/provinces.json";

}  // namespace

check::Rules rules_for(Context& context, const store::Campaign& campaign,
                       const std::vector<records::Record>& records) {
  check::Provinces provinces;
  if (std::ranges::any_of(records,
                          [](const records::Record& r) { return r.kind == "enterprise"; })) {
    Diagnostics problems;
    provinces = check::Provinces::load(context.resource(kProvinces), problems);
    context.report(problems);
  }
  return check::rules_from_campaign(campaign, std::move(provinces));
}

}  // namespace tuijie::app
