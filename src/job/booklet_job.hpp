// `tuijie booklet` as a job: the committee's award booklet (cover, contents, one section per
// award category) from the imported results, and on request the same pages imposed for saddle
// stitching.
#pragma once

#include <string>

#include "job/env.hpp"
#include "job/job_result.hpp"

namespace tuijie::job {

struct BookletResult : JobResult {
  std::string booklet_path;  // "" when nothing was written
  int pages = 0;
  std::string imposed_path;  // "" without `impose`
  int imposed_sides = 0;
  int categories = 0;
  int winners = 0;
};

struct BookletJob {
  /// "" = templates/booklet.xml.
  std::string template_path;
  /// A <page name> the template offers ("A5", "A4"); "" = its first.
  std::string paper;
  /// "" = none; "saddle" = saddle stitch (anything else is a usage error).
  std::string impose;
  /// "" = Env::output_root.
  std::string out_dir;
  /// The booklet's number and QR code on its last page; false (`--no-mark`) prints neither:
  /// the number stays in the PDF's metadata, where `verify` reads it.
  bool mark = true;

  /// Throws the usage error for an imposition scheme tuijie does not know; run() calls it too,
  /// and a command may call it before it opens the workspace.
  void check_options() const;

  BookletResult run(const Env& env) const;
};

}  // namespace tuijie::job
