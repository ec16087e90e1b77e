// An evaluation in the form the workspace stores it (store::Verdict). The store knows nothing
// of the rules, so the check layer translates its own results for it.
#pragma once

#include "check/evaluation.hpp"
#include "store/evaluations.hpp"

namespace tuijie::check {

/// The same judgement and reasons, as the store keeps them.
store::Verdict to_verdict(const Evaluation& evaluation);

/// An evaluator for Workspace::import: judges each record by `rules` (kept by value, so the
/// evaluator may outlive the caller's copy).
store::Evaluator evaluator(Rules rules);

}  // namespace tuijie::check
