// The campaign's deadlines and how far each is from a given day.
//
// The days are counted on the calendar: a deadline is met through the whole of its day, so on
// the deadline itself 0 days are left and the next day it is 1 day overdue.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/campaign.hpp"

namespace tuijie::check {

struct Deadline {
  std::string key;       // its dotted path in the campaign file, e.g. "person.deadline"
  std::string label_zh;  // what is due, e.g. "申报单位向市商务局报送材料"
  std::string label_en;
  std::string date;    // "YYYY-MM-DD"
  long days_left = 0;  // negative when overdue
};

/// Days from `from` to `to` (both "YYYY-MM-DD"): 2020-07-11 → 2020-07-15 is 4, → 2020-07-10
/// is -1. nullopt when either is not a real date.
std::optional<long> days_between(const std::string& from, const std::string& to);

/// Every deadline of both tracks (organisation.deadlines.to_bureau, .to_committee,
/// person.deadline), in that order, counted from `as_of`. A deadline the campaign does not
/// give is left out. Throws TuijieError "bad-date" when `as_of` is not a real date.
std::vector<Deadline> campaign_deadlines(const store::Campaign& campaign, const std::string& as_of);

}  // namespace tuijie::check
