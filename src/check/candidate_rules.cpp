#include "check/candidate_rules.hpp"

#include <algorithm>

#include "check/record_fields.hpp"

namespace tuijie::check {

void check_candidate_vp_rule(const records::Record& record, const Rules& rules,
                             Evaluation& evaluation) {
  const std::string& employer_type = record.get(fields::kEmployerType);
  const bool required =
      std::ranges::find(rules.vp_required_for, employer_type) != rules.vp_required_for.end();
  const std::string& vp = record.get(fields::kVpOrAbove);
  if (!required || vp == fields::kYes) {
    return;
  }
  const std::string shown = vp.empty() ? "空" : vp;
  evaluation.eligible = false;
  evaluation.ineligible.push_back(
      {"vp-required", fields::kVpOrAbove,
       "单位类型为 " + employer_type + " 的候选人须为副总裁及以上，副总裁及以上为“" + shown + "”",
       "candidates whose employer type is " + employer_type +
           " must be VP or above; 副总裁及以上 is \"" + (vp.empty() ? "empty" : vp) + "\""});
}

}  // namespace tuijie::check
