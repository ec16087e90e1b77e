// tuijie packet: the city bureau's recommendation packet for the organisation track — the
// cover letter, the summary tables and every recommended organisation's sheet in one
// bookmarked PDF, and beside it a folder of the same documents with manifest.csv.
#include "app/commands.hpp"

#include <Poco/Util/Option.h>

#include <ostream>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "core/diagnostic.hpp"
#include "job/packet_job.hpp"

namespace tuijie::app {

namespace {

job::Letterhead letterhead_option(const std::string& value) {
  if (value.empty() || value == "red")
    return job::Letterhead::Red;
  if (value == "preprinted")
    return job::Letterhead::Preprinted;
  if (value == "black")
    return job::Letterhead::Black;
  throw_usage("--letterhead 只能是 red、preprinted 或 black：" + value,
              "--letterhead must be red, preprinted or black: " + value);
}

int run_packet(Context& context, const Command& command, const std::vector<std::string>& args) {
  command.require_no_arguments(args);
  job::PacketJob job;
  job.out_dir = option(context, command, "out");
  job.include_ineligible =
      context.config().getBool(command.binding_for("include-ineligible"), false);
  job.letterhead = letterhead_option(option(context, command, "letterhead"));
  job.letter_number = option(context, command, "letter-number");
  const job::PacketResult result = run_job(context, command, job);
  if (const int code = report_result(context, result, "有问题，未写出材料包，见上。",
                                     "Problems found; the packet was not written, see above.");
      code != kExitOk) {
    return code;
  }
  context.out() << context.tr("已写入 ", "wrote ") << result.packet_path << context.tr("（", " (")
                << result.packet_pages << context.tr(" 页）", " pages)") << '\n'
                << context.tr("各文件及 manifest.csv 在 ", "the documents and manifest.csv are in ")
                << result.records_dir << '\n';
  for (const auto& [kind, count] : result.recommended)
    context.out() << "  " << kind << ": " << count << context.tr(" 条推荐", " recommended") << '\n';
  return kExitOk;
}

}  // namespace

Command packet_command() {
  return Command(
      {"packet",
       "[--out DIR] [--include-ineligible] [--letterhead red|preprinted|black] "
       "[--letter-number N] [--fonts MANIFEST]",
       "写出推荐材料包（推荐函、汇总表、各单位信息表）",
       "write the recommendation packet (cover letter, summary tables, sheets)",
       "按活动文件评估工作区中的企业、园区和培训机构，把推荐函、推荐汇总表和每个符合条件的"
       "单位的信息表合成一个带书签的 PDF，并在旁边的 records 文件夹中写出各文件和 "
       "manifest.csv（文件、文档编号、记录、页数、SHA-256）。不符合条件的记录不收入，除非"
       "给出 --include-ineligible（此时在汇总表中标明）。推荐函按 GB/T 9704 信函格式排版："
       "红色发文机关标志和双线（--letterhead preprinted：用已印红头的信纸，不印标志和双线，"
       "其余位置不变；black：以黑色印出），发文字号取自 --letter-number 或活动文件。",
       "Evaluates the workspace's enterprises, parks and institutions against the campaign "
       "and binds the cover letter, the summary tables and the sheet of every recommended "
       "organisation into one bookmarked PDF; beside it, a records folder holds each "
       "document and manifest.csv (file, document number, record, pages, SHA-256). "
       "Records that are not recommendable are left out unless --include-ineligible is "
       "given (the summary then marks them). The cover letter is set in GB/T 9704's letter "
       "format: the bureau's name and double rules in red (--letterhead preprinted for paper "
       "that has them printed: left out, every other position kept; black: printed in "
       "black), its number from --letter-number or the campaign file.",
       {out_option("工作区/out/packet", "WORKSPACE/out/packet"),
        {"include-ineligible", "", "也收入不符合条件的记录（在汇总表中标明）",
         "include records that are not recommendable (marked)"},
        {"letterhead", "", "推荐函的红头：red（默认）、preprinted（信纸已印）或 black",
         "the letter's letterhead: red (default), preprinted (on printed paper) or black", "MODE"},
        {"letter-number", "", "推荐函的发文字号或其序号（如 56）",
         "the letter's 发文字号 or its serial number (e.g. 56)", "N"},
        fonts_option()}},
      run_packet);
}

}  // namespace tuijie::app
