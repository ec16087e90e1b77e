#include "check/evaluation.hpp"

#include "check/candidate_rules.hpp"
#include "check/completeness.hpp"
#include "check/enterprise_rules.hpp"

namespace tuijie::check {

Evaluation evaluate(const records::Record& record, const Rules& rules) {
  Evaluation evaluation;
  if (record.kind == "enterprise") {
    check_enterprise_enclosures(record, evaluation);
    check_enterprise_eligibility(record, rules, evaluation);
  } else if (record.kind == "park" || record.kind == "institution") {
    check_legal_person_proof(record, evaluation);
  } else if (record.kind == "candidate") {
    check_candidate_vp_rule(record, rules, evaluation);
  }
  return evaluation;
}

}  // namespace tuijie::check
