// `tuijie packet` as a job: the bureau's recommendation packet. The workspace's organisations
// are evaluated against the campaign; the parts the campaign file lists (packet.parts: the
// cover letter, the summary tables, each kind's sheets) are composed and bound into one
// bookmarked PDF, and beside it a records folder holds every document and manifest.csv.
#pragma once

#include <map>
#include <string>

#include "job/env.hpp"
#include "job/job_result.hpp"
#include "job/letter_fields.hpp"

namespace tuijie::job {

struct PacketResult : JobResult {
  std::string packet_path;  // "" when nothing was written
  int packet_pages = 0;
  std::string records_dir;
  /// Kinds in the campaign's order, with the records that are complete and eligible.
  std::vector<std::pair<std::string, int>> recommended;
};

struct PacketJob {
  /// "" = Env::output_root / "packet".
  std::string out_dir;
  /// Keep records that are not recommendable (the summary marks them 否).
  bool include_ineligible = false;
  Letterhead letterhead = Letterhead::Red;
  /// The letter's 发文字号, or its serial number; "" = the campaign file's, else a blank.
  std::string letter_number;

  /// Any error in any document: nothing is written, the diagnostics say why.
  PacketResult run(const Env& env) const;
};

}  // namespace tuijie::job
