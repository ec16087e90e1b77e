// tuijie render: the workspace's records of one kind, merged into their template, as PDFs.
#include "app/commands.hpp"

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/Option.h>

#include <algorithm>
#include <ostream>
#include <thread>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "job/render_job.hpp"

namespace tuijie::app {

namespace {

int thread_count(Context& context, const std::string& key) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::string text = context.config().getString(key, std::to_string(cores));
  int threads = 0;
  if (!Poco::NumberParser::tryParse(text, threads) || threads < 1 || threads > 256) {
    throw_usage("--threads 应为 1 到 256 的整数，而不是 “" + text + "”",
                "--threads must be a whole number from 1 to 256, not '" + text + "'");
  }
  return threads;
}

int run_render(Context& context, const Command& command, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("render 不接受参数（只排某些记录请用 --key）",
                "render takes no arguments (use --key to choose records)");
  }
  job::RenderJob job;
  job.threads = thread_count(context, command.binding_for("threads"));
  job.kind = option(context, command, "kind", job.kind);
  job.template_path = option(context, command, "template");
  job.out_dir = option(context, command, "out");
  job.combined = context.config().getBool(command.binding_for("combined"), false);
  const Poco::StringTokenizer keys(
      option(context, command, "key"), ",",
      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  job.keys.assign(keys.begin(), keys.end());

  const job::JobResult result = run_job(context, command, job);
  print_written(context, result.files);
  return report_result(context, result, "有问题的记录未写出，见上。",
                       "Records with problems were not written; see above.");
}

}  // namespace

Command render_command() {
  return Command(
      {"render",
       "[--kind KIND] [--template FILE] [--fonts MANIFEST] [--out DIR] [--combined] "
       "[--key KEY]... [--threads N]",
       "把记录排成 PDF 文件",
       "render records as PDF documents",
       "从工作区取出一种记录（默认 candidate），套用活动文件为该种类指定的模板，"
       "每条记录写一个 PDF（--combined 另写一个合订本），列出写出的文件和发现的问题"
       "（如文字超出格子）。",
       "Takes the workspace's records of one kind (default: candidate), merges each into "
       "the template the campaign file names for that kind and writes one PDF per record "
       "(plus one of them all with --combined); lists the files written and every problem "
       "found (such as text that overflows its cell).",
       {{"kind", "k", "记录种类（默认 candidate）", "record kind (default: candidate)", "KIND"},
        {"template", "t", "模板文件（默认：活动文件为该种类指定的）",
         "template file (default: the one the campaign names for the kind)", "FILE"},
        fonts_option(),
        out_option("工作区/out/种类", "WORKSPACE/out/KIND"),
        {"combined", "", "另写一个包含全部记录的 PDF", "also write one PDF of all the records"},
        {"key", "", "只排这条记录（可重复，或用逗号分隔）",
         "render only this record (repeatable, or comma-separated)", "KEY", true},
        {"threads", "j", "并行排版的线程数（默认：CPU 核数）",
         "documents rendered in parallel (default: CPU "
         "cores)",
         "N"}}},
      run_render);
}

}  // namespace tuijie::app
