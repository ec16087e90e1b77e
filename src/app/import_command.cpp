#include "app/import_command.hpp"

#include <Poco/Util/Option.h>

#include <filesystem>
#include <ostream>

#include "app/campaign_rules.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/stages.hpp"
#include "check/verdict.hpp"
#include "core/message_text.hpp"
#include "records/import.hpp"
#include "records/result_matching.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

namespace {

constexpr const char* kResultKind = "result";

// The result rows resolved against the workspace's records of the campaign's award kinds.
records::ResultMatching match_results(store::Workspace& workspace, const InputFile& input,
                                      const std::string& file) {
  std::vector<records::ResultCategory> categories;
  std::map<std::string, std::vector<records::Record>> stored;
  for (const store::AwardCategory& award : workspace.campaign().award_categories()) {
    categories.push_back({award.name, award.kind});
    if (!stored.count(award.kind))
      stored[award.kind] = workspace.records(award.kind);
  }
  return records::match_results(input.records, input.rows, file, categories, stored);
}

// Imports one file; returns its exit code. Problems are printed, never thrown, so that the
// other files of the command still get their turn.
int import_file(Context& context, store::Workspace& workspace, const std::string& file,
                const InputOptions& options, bool partial) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(file, ignored)) {
    const Diagnostics missing = {make_error("file-missing", "找不到此文件", "no such file", file)};
    context.report(missing);
    return exit_code_for(missing);
  }

  InputFile input;
  try {
    input = read_input(file, options);
  } catch (const TuijieError& e) {
    context.report(e.diagnostics());
    return exit_code_for(e.diagnostics());
  }
  context.report(input.diagnostics);
  // The file's name as the summary lines show it: escaped, as in the diagnostics above (a name
  // may hold an ESC sequence as well as any value).
  constexpr std::size_t kNameChars = 240;
  const std::string shown_file = message_text::shown(file, kNameChars, context.lang());

  const bool bad = has_errors(input.diagnostics);
  // Rows with at least one error; a problem with the whole file counts as one.
  const long errors = static_cast<long>(records::count_rows_with_errors(input.diagnostics));
  if (bad && (!partial || input.records.empty())) {
    context.err() << shown_file << context.tr("：有 ", ": ") << errors
                  << context.tr(" 行有错误，本文件未导入", " rows with errors; nothing imported")
                  << (partial ? ""
                              : context.tr("（--partial 可只导入无误的行）",
                                           " (--partial imports the good rows)"))
                  << '\n';
    return kExitDataError;
  }

  store::ImportSource source;
  source.file = file;
  source.kind = input.kind.empty() ? options.kind : input.kind;
  if (source.kind == kResultKind) {
    // Results name stored records: every row must name exactly one before any is stored,
    // and a results file is the whole decision for each category it names.
    records::ResultMatching matched = match_results(workspace, input, file);
    context.report(matched.diagnostics);
    if (has_errors(matched.diagnostics) || bad) {
      context.err() << shown_file
                    << context.tr("：有推介结果未能对应到唯一的记录，本文件未导入",
                                  ": results that do not name exactly one stored record; "
                                  "nothing imported")
                    << '\n';
      return kExitDataError;
    }
    input.records = std::move(matched.results);
    source.replaces_field = "category";
    for (const records::Record& result : input.records)
      source.replaces_values.insert(result.get("category"));
  }
  source.rows = input.rows;
  source.row_count = input.data_rows;
  source.errors = errors;
  // Each record is judged as it is stored, so that its stored evaluation always matches it.
  const store::ImportSummary s = workspace.import(
      input.records, source,
      source.kind == kResultKind  // a decision, not an application: not judged
          ? store::Evaluator{}
          : check::evaluator(rules_for(context, workspace.campaign(), input.records)));
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
  return bad ? kExitDataError : kExitOk;
}

}  // namespace

std::string ImportCommand::summary(Lang lang) const {
  return tr(lang, "把记录文件导入工作区", "import record files into the workspace");
}

std::string ImportCommand::description(Lang lang) const {
  return tr(lang,
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
            "the result is stored with it.");
}

void ImportCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(
      Option("kind", "k",
             tr(lang, "记录种类，即 data/records/ 中的一种（如 candidate；默认按表头判断）",
                "record kind, one of those described in data/records/ (e.g. candidate; default: "
                "inferred from the header)"))
          .argument("KIND"));
  options.addOption(Option("encoding", "e",
                           tr(lang, "文件编码，如 UTF-8、GB18030（默认自动识别）",
                              "file encoding, e.g. UTF-8, GB18030 (default: detected)"))
                        .argument("ENCODING"));
  options.addOption(Option("partial", "p",
                           tr(lang, "只导入无误的行，并列出有误的行（退出码仍为 65）",
                              "import the good rows and list the bad ones (exit code still 65)")));
}

int ImportCommand::run(Context& context, const std::vector<std::string>& args) {
  if (args.empty()) {
    throw_usage("import 需要至少一个文件", "import needs at least one FILE");
  }
  store::Workspace workspace = context.open_workspace();
  InputOptions options;
  options.kind = context.config().getString(binding_for("kind"), "");
  options.encoding = context.config().getString(binding_for("encoding"), "");
  options.resources = context.resources().string();
  options.campaign_date = workspace.campaign().age_date();
  const bool partial = context.config().getBool(binding_for("partial"), false);

  int exit_code = kExitOk;
  for (const std::string& file : args) {
    const int code = import_file(context, workspace, file, options, partial);
    if (exit_code == kExitOk) {
      exit_code = code;  // the first failure decides
    }
  }
  return exit_code;
}

}  // namespace tuijie::app
