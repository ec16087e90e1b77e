// `tuijie render` as a job: the workspace's records of one kind, each merged into its template
// and written as its own numbered PDF (plus, on request, one PDF of them all).
#pragma once

#include <string>
#include <vector>

#include "job/env.hpp"
#include "job/job_result.hpp"

namespace tuijie::job {

struct RenderJob {
  std::string kind = "candidate";
  /// "" = the template the campaign names for the kind.
  std::string template_path;
  /// Only these records, in this order (unknown keys are a usage error); empty = all.
  std::vector<std::string> keys;
  /// "" = Env::output_root / kind.
  std::string out_dir;
  bool combined = false;
  int threads = 1;

  /// Records with problems are reported and not written; the others are.
  JobResult run(const Env& env) const;
};

}  // namespace tuijie::job
