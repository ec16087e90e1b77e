// What a record is checked against: the campaign's thresholds (never written in code) and
// the list of province-level divisions.
#pragma once

#include <string>
#include <vector>

#include "check/decimal.hpp"
#include "check/provinces.hpp"
#include "store/campaign.hpp"

namespace tuijie::check {

/// organisation.eligibility of the campaign file.
struct OrganisationThresholds {
  bool hq_in_china = false;
  bool delivery_in_china = false;
  Decimal revenue_min;
  Decimal staff_min;
  Decimal revenue_per_staff_min;
  std::string money_unit;  // "万元"
};

struct Rules {
  OrganisationThresholds organisation;
  /// person.eligibility.vp_required_for: 单位类型 values whose candidates must be VP or above.
  std::vector<std::string> vp_required_for;
  Provinces provinces;
};

/// The rules of a campaign. Throws TuijieError "campaign-invalid" naming the key when a
/// threshold is not a non-negative decimal (Campaign::parse already refuses most such files).
Rules rules_from_campaign(const store::Campaign& campaign, Provinces provinces);

}  // namespace tuijie::check
