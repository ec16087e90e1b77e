// `tuijie check` as a job: every stored record judged against the campaign (complete,
// eligible, and why not), the judgements stored back in the workspace, and the campaign's
// deadlines counted from a day.
#pragma once

#include <string>

#include "check/check_report.hpp"
#include "job/env.hpp"
#include "job/job_result.hpp"

namespace tuijie::job {

struct CheckResult : JobResult {
  check::CheckReport report;
};

struct CheckJob {
  /// "YYYY-MM-DD"; "" = the env clock's today.
  std::string as_of;
  /// Only records of this kind; "" = every kind the campaign names.
  std::string kind;

  /// A workspace that cannot store the judgements (a read-only copy) only earns warnings: the
  /// report stands.
  CheckResult run(const Env& env) const;
};

}  // namespace tuijie::job
