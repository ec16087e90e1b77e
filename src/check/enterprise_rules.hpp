// The enterprise criteria of the organisation track (records.md, "Eligibility (推介标准)").
#pragma once

#include "check/evaluation.hpp"

namespace tuijie::check {

/// Headquarters and delivery centre in China; revenue ≥ revenue_min; and staff ≥ staff_min, or
/// (under staff_min) revenue ≥ revenue_per_staff_min × staff, compared exactly.
void check_enterprise_eligibility(const records::Record& record, const Rules& rules,
                                  Evaluation& evaluation);

}  // namespace tuijie::check
