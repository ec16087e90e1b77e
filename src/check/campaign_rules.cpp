#include "check/campaign_rules.hpp"

#include <algorithm>
#include <utility>

namespace tuijie::check {

Rules rules_for(const store::Campaign& campaign, const std::vector<records::Record>& records,
                const std::string& provinces_file, Diagnostics& problems) {
  Provinces provinces;
  if (std::ranges::any_of(records,
                          [](const records::Record& r) { return r.kind == "enterprise"; })) {
    provinces = Provinces::load(provinces_file, problems);
  }
  return rules_from_campaign(campaign, std::move(provinces));
}

}  // namespace tuijie::check
