// `tuijie nominations` as a job: the candidates grouped by the body that nominates them, one
// bookmarked PDF per body (the list of its candidates, then each candidate's form), the
// candidates' photo files beside it, and manifest.csv listing every file.
#pragma once

#include <string>
#include <vector>

#include "job/env.hpp"
#include "job/job_result.hpp"

namespace tuijie::job {

struct BundleWritten {
  std::string path;  // the bundle's PDF
  int pages = 0;
  int candidates = 0;
};

struct NominationsResult : JobResult {
  std::vector<BundleWritten> bundles;  // in the order written
  std::string manifest_path;           // "" when nothing was written
};

struct NominationsJob {
  /// "" = Env::output_root / "nominations".
  std::string out_dir;

  /// Any error in any bundle (a form that overflows, a photo gone): nothing is written.
  NominationsResult run(const Env& env) const;
};

}  // namespace tuijie::job
