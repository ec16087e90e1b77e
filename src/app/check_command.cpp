// tuijie check [--as-of DATE] [--format text|csv|json] [--kind KIND]: whether every stored
// record is complete and eligible and why not, then the campaign's deadlines.
#include "app/commands.hpp"

#include <Poco/Util/Option.h>

#include <ostream>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "job/check_job.hpp"

namespace tuijie::app {

namespace {

int run_check(Context& context, const Command& command, const std::vector<std::string>& args) {
  command.require_no_arguments(args);
  const std::string format = option(context, command, "format", "text");
  if (format != "text" && format != "csv" && format != "json") {
    throw_usage("--format 应为 text、csv 或 json，而不是 “" + format + "”",
                "--format must be text, csv or json, not '" + format + "'");
  }
  job::CheckJob job;
  job.as_of = option(context, command, "as-of");
  job.kind = option(context, command, "kind");
  const job::CheckResult result = run_job(context, command, job, false);
  if (format == "json") {
    check::write_json(result.report, context.out());
  } else if (format == "csv") {
    check::write_csv(result.report, context.out());
  } else {
    check::write_text(result.report, context.lang(), context.out());
  }
  // The report stands even when the workspace could not store it (a read-only copy), or a
  // reference list was unreadable: what the records are judged by decides the exit code.
  context.report(result.diagnostics);
  return result.report.all_recommendable() ? kExitOk : kExitDataError;
}

}  // namespace

Command check_command() {
  return Command(
      {"check",
       "[--as-of DATE] [--format text|csv|json] [--kind KIND]",
       "检查每条记录是否完整、是否符合推介标准，并列出截止日期",
       "check that every record is complete and eligible, and list the deadlines",
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
       "results, reasons included, are also stored in the workspace.",
       {{"as-of", "d", "按此日期计算截止日期（YYYY-MM-DD，默认今天）",
         "count deadlines from this day (YYYY-MM-DD; default: today)", "DATE"},
        {"format", "f", "输出格式：text（默认）、csv 或 json",
         "output format: text (default), csv or json", "FORMAT"},
        {"kind", "k", "只检查这一种记录（如 enterprise；默认全部）",
         "check only records of this kind (e.g. enterprise; default: all)", "KIND"}}},
      run_check);
}

}  // namespace tuijie::app
