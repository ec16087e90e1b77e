#include "app/check_command.hpp"

#include <Poco/Util/Option.h>

#include <algorithm>
#include <iterator>
#include <ostream>

#include "app/campaign_rules.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "check/check_report.hpp"
#include "check/rules.hpp"
#include "check/verdict.hpp"
#include "store/dates.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

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

std::string as_of_date(Context& context, const std::string& key) {
  const std::string given = context.config().getString(key, "");
  if (given.empty()) {
    return check::today();
  }
  if (!store::is_iso_date(given)) {
    throw_usage("--as-of 应为有效日期 YYYY-MM-DD，而不是 “" + given + "”",
                "--as-of must be a real date written YYYY-MM-DD, not '" + given + "'");
  }
  return given;
}

}  // namespace

std::string CheckCommand::summary(Lang lang) const {
  return tr(lang, "检查每条记录是否完整、是否符合推介标准，并列出截止日期",
            "check that every record is complete and eligible, and list the deadlines");
}

std::string CheckCommand::description(Lang lang) const {
  return tr(lang,
            "按工作区的活动文件（推介标准、截止日期）检查每条已导入的记录：是否完整（必附材料"
            "标记为“是”）、是否符合条件（企业的收入、人数、人均收入及所在地；候选人的副总裁"
            "要求），并写明原因和数字；然后列出各截止日期还剩或已逾期的天数（按今天，或 "
            "--as-of 指定的日期；设置 SOURCE_DATE_EPOCH 时以其为今天）。有任何记录不完整或不符"
            "合条件时退出码为 65；截止日期只作提示。检查结果（含原因）同时存入工作区。",
            "Checks every imported record against the workspace's campaign file (thresholds and "
            "deadlines): whether it is complete (required enclosures marked 是) and eligible "
            "(an enterprise's revenue, staff, revenue per employee and regions; a candidate's "
            "VP rule), with the reasons and their figures; then lists the days left or overdue "
            "for every deadline, as of today (SOURCE_DATE_EPOCH when set) or --as-of. Exits "
            "with 65 when any record is incomplete or ineligible; deadlines only inform. The "
            "results, reasons included, are also stored in the workspace.");
}

void CheckCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(Option("as-of", "d",
                           tr(lang, "按此日期计算截止日期（YYYY-MM-DD，默认今天）",
                              "count deadlines from this day (YYYY-MM-DD; default: today)"))
                        .argument("DATE"));
  options.addOption(Option("format", "f",
                           tr(lang, "输出格式：text（默认）、csv 或 json",
                              "output format: text (default), csv or json"))
                        .argument("FORMAT"));
  options.addOption(Option("kind", "k",
                           tr(lang, "只检查这一种记录（如 enterprise；默认全部）",
                              "check only records of this kind (e.g. enterprise; default: all)"))
                        .argument("KIND"));
}

int CheckCommand::run(Context& context, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("check 不接受参数 “" + args.front() + "”",
                "check takes no arguments, not '" + args.front() + "'");
  }
  const std::string format = context.config().getString(binding_for("format"), "text");
  if (format != "text" && format != "csv" && format != "json") {
    throw_usage("--format 应为 text、csv 或 json，而不是 “" + format + "”",
                "--format must be text, csv or json, not '" + format + "'");
  }
  const std::string as_of = as_of_date(context, binding_for("as-of"));

  store::Workspace workspace = context.open_workspace();
  const store::Campaign& campaign = workspace.campaign();
  std::vector<std::string> kinds = campaign_kinds(campaign);
  const std::string only = context.config().getString(binding_for("kind"), "");
  if (!only.empty()) {
    if (std::ranges::find(kinds, only) == kinds.end()) {
      throw_usage("活动文件中没有记录种类 “" + only + "”",
                  "the campaign has no record kind '" + only + "'");
    }
    kinds = {only};
  }

  std::vector<records::Record> stored;
  for (const std::string& kind : kinds) {
    std::ranges::move(workspace.records(kind), std::back_inserter(stored));
  }
  const check::Rules rules = rules_for(context, campaign, stored);

  check::CheckReport report;
  report.as_of = as_of;
  std::vector<store::RecordVerdict> verdicts;
  for (const records::Record& record : stored) {
    check::Evaluation evaluation = check::evaluate(record, rules);
    verdicts.push_back({record.kind, record.key, check::to_verdict(evaluation)});
    report.records.push_back({record.kind, record.key, record.get("name"), std::move(evaluation)});
  }
  report.deadlines = check::campaign_deadlines(campaign, as_of);

  if (format == "json") {
    check::write_json(report, context.out());
  } else if (format == "csv") {
    check::write_csv(report, context.out());
  } else {
    check::write_text(report, context.lang(), context.out());
  }
  // The stored evaluations follow the records as they are judged now (e.g. after a workspace
  // made by an older tuijie was upgraded). The report above stands even when the workspace
  // cannot be written, say on a read-only copy: that only earns a warning.
  try {
    workspace.save_evaluations(verdicts);
  } catch (const TuijieError& e) {
    Diagnostics warnings = e.diagnostics();
    for (Diagnostic& d : warnings) {
      d.severity = Severity::Warning;
    }
    context.report(warnings);
  }
  return report.all_recommendable() ? kExitOk : kExitDataError;
}

}  // namespace tuijie::app
