// The person track's rule (附件1, 申报条件 2): candidates whose 单位类型 the campaign names in
// person.eligibility.vp_required_for must be VP or above.
#pragma once

#include "check/evaluation.hpp"

namespace tuijie::check {

void check_candidate_vp_rule(const records::Record& record, const Rules& rules,
                             Evaluation& evaluation);

}  // namespace tuijie::check
