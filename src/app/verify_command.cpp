// tuijie verify FILE.pdf...: reads each printed document's number and hash back from the PDF
// and says whether the workspace's record still matches what was printed, naming the fields
// that changed since.
#include "app/commands.hpp"

#include <ostream>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "core/message_text.hpp"
#include "job/verify_job.hpp"

namespace tuijie::app {

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts)
    out += (out.empty() ? "" : ", ") + part;
  return out;
}

// What changed, as one line: the fields of the document's record, or each listed record with
// its fields.
std::string changes_text(Context& context, const job::FileVerdict& verdict) {
  std::vector<std::string> parts;
  for (const job::FileVerdict::Change& change : verdict.changes) {
    if (change.record_name.empty()) {
      if (change.removed)
        parts.push_back(context.tr("记录已不在工作区", "the record is no longer stored"));
      else
        parts.insert(parts.end(), change.fields.begin(), change.fields.end());
    } else if (change.removed) {
      parts.push_back(change.record_name + context.tr("（已删除）", " (removed)"));
    } else {
      parts.push_back(change.record_name + "（" + joined(change.fields) + "）");
    }
  }
  return joined(parts);
}

void print_verdict(Context& context, const job::FileVerdict& verdict) {
  using State = job::FileVerdict::State;
  std::ostream& out = context.out();
  out << message_text::escape_controls(verdict.file) << ": ";
  switch (verdict.state) {
    case State::NoNumber:
      out << context.tr("未知：", "unknown: ")
          << context.tr("没有 tuijie 文档编号（不是 tuijie 打印的文档？）",
                        "no tuijie document number (not printed by tuijie?)")
          << '\n';
      return;
    case State::NeverPrinted:
      out << context.tr("未知：", "unknown: ") << verdict.number << ' '
          << context.tr("在本工作区中没有打印记录", "was never printed from this workspace")
          << '\n';
      return;
    case State::PagesChanged:
      out << context.tr("已变更：", "changed: ")
          << context.tr("页面内容与以此编号打印的文件不同（页面被替换或改动过）",
                        "its pages are not those printed under this number (pages "
                        "replaced or edited)")
          << " (" << verdict.number << ")\n";
      return;
    case State::NoPrinting:
      out << context.tr("未知：", "unknown: ") << verdict.number << ' '
          << context.tr("没有与文件中的摘要相符的打印记录",
                        "has no printing with the hash the file carries")
          << '\n';
      return;
    case State::Matches:
    case State::RecordChanged:
      break;
  }
  std::string how;
  if (verdict.check == job::FileVerdict::FileCheck::Resaved) {
    how = context.tr("；文件经过另存，页面与打印时相同",
                     "; the file was saved again, its pages are as printed");
  } else if (verdict.check == job::FileVerdict::FileCheck::DataOnly) {
    how = context.tr("；打印时尚未记录文件摘要，只核对了数据摘要",
                     "; printed before file hashes were kept: only the data hash was checked");
  }
  if (verdict.matches()) {
    out << context.tr("一致", "matches") << " (" << verdict.number << how << ")\n";
  } else {
    out << context.tr("已变更：", "changed: ") << changes_text(context, verdict) << " ("
        << verdict.number << how << ")\n";
  }
}

int run_verify(Context& context, const Command& command, const std::vector<std::string>& args) {
  if (args.empty()) {
    throw_usage("verify 需要至少一个 PDF 文件", "verify needs at least one PDF file");
  }
  job::VerifyJob job;
  job.files = args;
  bool all_match = true;
  for (const job::FileVerdict& verdict : run_job(context, command, job, false)) {
    print_verdict(context, verdict);
    all_match = all_match && verdict.matches();
  }
  return all_match ? kExitOk : kExitDataError;
}

}  // namespace

Command verify_command() {
  return Command(
      {"verify",
       "FILE.pdf...",
       "核对打印出的 PDF 与工作区记录是否一致",
       "check printed PDFs against the workspace's records",
       "从每个 PDF 读出 tuijie 打印时写入的文档编号，把文件与以该编号记录的文件比较，再把"
       "工作区中的记录与打印时的数据比较：\n"
       "  一致            文件与 tuijie 写出的完全相同，记录未改动（另存过的文件：页面内容"
       "与打印时相同）\n"
       "  已变更：页面…   页面与以该编号打印的任何文件都不同（页面被替换或改动）\n"
       "  已变更：字段…   文件如打印时，但记录此后改过，列出改动的字段\n"
       "  未知            没有 tuijie 文档编号，或本工作区从未打印过该编号\n"
       "全部一致时退出码为 0，有变更或未知时为 65。",
       "Reads the document number tuijie wrote into each PDF, compares the file with the "
       "files recorded under that number, then the workspace's record with the data "
       "printed:\n"
       "  matches            the file is byte for byte one tuijie wrote and the record is "
       "unchanged (for a file saved again by another program: its pages are as "
       "printed)\n"
       "  changed: pages...  the pages differ from every file printed under the number "
       "(pages replaced or edited)\n"
       "  changed: FIELDS    the file is as printed, but the record changed since; the "
       "fields that differ\n"
       "  unknown            no tuijie number, or one this workspace never printed\n"
       "Exits 0 when every file matches, 65 when any changed or is unknown.",
       {}},
      run_verify);
}

}  // namespace tuijie::app
