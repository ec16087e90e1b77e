// The organisation track's records as the bureau's packet prints them: each record with its
// evaluation (complete and eligible, and why not) as fields a template can show, and the
// ineligible ones left out unless asked for.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/record.hpp"
#include "store/campaign.hpp"
#include "store/workspace.hpp"

namespace tuijie::check {

/// Fields added to each record for the summary tables: evaluation.eligible (是/否: complete
/// and eligible), evaluation.reasons (why not, in Chinese, separated by ；) and, for
/// enterprises, evaluation.per_capita (服务外包业务收入 ÷ 服务外包从业人数 in 万元, to six
/// decimals, truncated; templates round it as they print it, format="money:2"; empty without
/// outsourcing staff).
inline constexpr const char* kEvaluationFields[] = {"evaluation.eligible", "evaluation.reasons",
                                                    "evaluation.per_capita"};

struct Recommendations {
  std::vector<std::string> kinds;  // the organisation track's kinds, in the campaign's order
  std::map<std::string, std::vector<records::Record>> records;  // kind -> records to print
  std::map<std::string, int> recommended;  // kind -> records that are complete and eligible
  Diagnostics problems;                    // e.g. a missing province list
};

/// The workspace's organisation records, evaluated against its campaign. With
/// `include_ineligible` the records that are not recommendable are kept (and marked 否).
Recommendations recommendations(store::Workspace& workspace, const std::string& provinces_file,
                                bool include_ineligible);

}  // namespace tuijie::check
