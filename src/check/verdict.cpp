#include "check/verdict.hpp"

#include <utility>

namespace tuijie::check {

namespace {

std::vector<store::VerdictReason> to_stored(const std::vector<Reason>& reasons) {
  std::vector<store::VerdictReason> stored;
  stored.reserve(reasons.size());
  for (const Reason& r : reasons) {
    stored.push_back({r.code, r.field, r.text_zh, r.text_en});
  }
  return stored;
}

}  // namespace

store::Verdict to_verdict(const Evaluation& evaluation) {
  return {evaluation.complete, to_stored(evaluation.incomplete), evaluation.eligible,
          to_stored(evaluation.ineligible)};
}

store::Evaluator evaluator(Rules rules) {
  return [rules = std::move(rules)](const records::Record& record) {
    return to_verdict(evaluate(record, rules));
  };
}

}  // namespace tuijie::check
