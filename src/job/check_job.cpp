#include "job/check_job.hpp"

#include <algorithm>
#include <iterator>

#include "check/campaign_rules.hpp"
#include "check/rules.hpp"
#include "check/verdict.hpp"
#include "store/dates.hpp"

namespace tuijie::job {

namespace {

// The record kinds the campaign names (kinds.<kind>.track), in its file's key order.
std::vector<std::string> campaign_kinds(const store::Campaign& campaign) {
  const std::string prefix = "campaign.kinds.";
  const std::string suffix = ".track";
  std::vector<std::string> kinds;
  for (const auto& [name, value] : campaign.globals()) {
    if (name.starts_with(prefix) && name.ends_with(suffix) &&
        name.size() > prefix.size() + suffix.size()) {
      kinds.push_back(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
    }
  }
  return kinds;
}

}  // namespace

CheckResult CheckJob::run(const Env& env) const {
  if (!as_of.empty() && !store::is_iso_date(as_of)) {
    throw_usage("--as-of 应为有效日期 YYYY-MM-DD，而不是 “" + as_of + "”",
                "--as-of must be a real date written YYYY-MM-DD, not '" + as_of + "'");
  }
  store::Workspace& workspace = env.store();
  const store::Campaign& campaign = workspace.campaign();
  std::vector<std::string> kinds = campaign_kinds(campaign);
  if (!kind.empty()) {
    if (std::ranges::find(kinds, kind) == kinds.end()) {
      throw_usage("活动文件中没有记录种类 “" + kind + "”",
                  "the campaign has no record kind '" + kind + "'");
    }
    kinds = {kind};
  }

  std::vector<records::Record> stored;
  for (const std::string& one : kinds)
    std::ranges::move(workspace.records(one), std::back_inserter(stored));
  CheckResult result;
  const check::Rules rules =
      check::rules_for(campaign, stored, env.resource(check::kProvincesFile), result.diagnostics);

  result.report.as_of = as_of.empty() ? env.clock.today() : as_of;
  std::vector<store::RecordVerdict> verdicts;
  for (const records::Record& record : stored) {
    check::Evaluation evaluation = check::evaluate(record, rules);
    verdicts.push_back({record.kind, record.key, check::to_verdict(evaluation)});
    result.report.records.push_back(
        {record.kind, record.key, record.get("name"), std::move(evaluation)});
  }
  result.report.deadlines = check::campaign_deadlines(campaign, result.report.as_of);

  // The stored evaluations follow the records as they are judged now (e.g. after a workspace
  // made by an older tuijie was upgraded).
  try {
    workspace.save_evaluations(verdicts);
  } catch (const TuijieError& e) {
    for (Diagnostic d : e.diagnostics()) {
      d.severity = Severity::Warning;
      result.diagnostics.push_back(std::move(d));
    }
  }
  return result;
}

}  // namespace tuijie::job
