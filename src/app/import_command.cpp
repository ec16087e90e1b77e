// tuijie import FILE... [--kind K] [--encoding E] [--partial]: reads record files into the
// workspace, one transaction per file.
#include "app/commands.hpp"

#include <Poco/Util/Option.h>

#include <ostream>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "core/message_text.hpp"
#include "job/import_job.hpp"

namespace tuijie::app {

namespace {

// Prints one file's problems and what was stored; returns the file's exit code.
int print_file(Context& context, const job::FileImport& file, bool partial) {
  context.report(file.diagnostics);
  // The file's name as the summary lines show it: escaped, as in the diagnostics above (a name
  // may hold an ESC sequence as well as any value).
  constexpr std::size_t kNameChars = 240;
  const std::string shown_file = message_text::shown(file.file, kNameChars, context.lang());
  using Refusal = job::FileImport::Refusal;
  switch (file.refusal) {
    case Refusal::Unreadable:
      return exit_code_for(file.diagnostics);
    case Refusal::RowErrors:
      context.err() << shown_file << context.tr("：有 ", ": ") << file.rows_with_errors
                    << context.tr(" 行有错误，本文件未导入", " rows with errors; nothing imported")
                    << (partial ? ""
                                : context.tr("（--partial 可只导入无误的行）",
                                             " (--partial imports the good rows)"))
                    << '\n';
      return kExitDataError;
    case Refusal::UnmatchedResults:
      context.err() << shown_file
                    << context.tr("：有推介结果未能对应到唯一的记录，本文件未导入",
                                  ": results that do not name exactly one stored record; "
                                  "nothing imported")
                    << '\n';
      return kExitDataError;
    case Refusal::None:
      break;
  }
  const store::ImportSummary& s = *file.stored;
  if (s.removed > 0) {
    context.out() << shown_file
                  << context.tr("：移除本文件未再列出的推介结果 ",
                                ": results no longer listed, removed: ")
                  << s.removed << '\n';
  }
  context.out() << shown_file << context.tr("：读取 ", ": ") << s.rows
                << context.tr(" 行；新增 ", " rows; ") << s.inserted
                << context.tr("，更新 ", " new, ") << s.updated
                << context.tr("，未变 ", " updated, ") << s.unchanged
                << context.tr("，错误 ", " unchanged, ") << s.errors
                << context.tr(" 行", " rows with errors") << '\n';
  return file.rows_with_errors > 0 ? kExitDataError : kExitOk;
}

int run_import(Context& context, const Command& command, const std::vector<std::string>& args) {
  if (args.empty()) {
    throw_usage("import 需要至少一个文件", "import needs at least one FILE");
  }
  job::ImportJob job;
  job.files = args;
  job.kind = option(context, command, "kind");
  job.encoding = option(context, command, "encoding");
  job.partial = context.config().getBool(command.binding_for("partial"), false);
  const job::ImportResult result = run_job(context, command, job, false);
  int exit_code = kExitOk;
  for (const job::FileImport& file : result.files) {
    const int code = print_file(context, file, job.partial);
    if (exit_code == kExitOk)
      exit_code = code;  // the first failure decides
  }
  return exit_code;
}

}  // namespace

Command import_command() {
  return Command(
      {"import",
       "FILE... [--kind KIND] [--encoding ENCODING] [--partial]",
       "把记录文件导入工作区",
       "import record files into the workspace",
       "读取 CSV、XLSX 或 JSON 记录文件（XLSX 读第一个工作表，以及名为“履历”的工作表），"
       "逐一校验后存入工作区，每个文件一个事务："
       "文件中有任何错误时整个文件都不导入，并列出每处问题（文件、行、列、值、原因）。"
       "再次导入改正后的文件会更新同一记录，不会重复。每条记录同时按工作区的活动文件"
       "评估（是否完整、是否符合条件及原因），结果与记录一并保存。",
       "Reads CSV, XLSX or JSON record files (of a workbook, the first sheet and a sheet "
       "named 履历), checks every row and stores them in the "
       "workspace, one transaction per file: a file with any error is not imported at all "
       "and every problem is listed (file, row, column, value, reason). Re-importing a "
       "corrected file updates the same records, never duplicates them. Each record is "
       "also evaluated against the workspace's campaign (complete, eligible, and why) and "
       "the result is stored with it.",
       {{"kind", "k", "记录种类，即 data/records/ 中的一种（如 candidate；默认按表头判断）",
         "record kind, one of those described in data/records/ (e.g. candidate; default: "
         "inferred from the header)",
         "KIND"},
        {"encoding", "e", "文件编码，如 UTF-8、GB18030（默认自动识别）",
         "file encoding, e.g. UTF-8, GB18030 (default: detected)", "ENCODING"},
        {"partial", "p", "只导入无误的行，并列出有误的行（退出码仍为 65）",
         "import the good rows and list the bad ones (exit code still 65)"}}},
      run_import);
}

}  // namespace tuijie::app
