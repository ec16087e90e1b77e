#include "app/render_command.hpp"

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

}  // namespace

std::string RenderCommand::summary(Lang lang) const {
  return tr(lang, "把记录排成 PDF 文件", "render records as PDF documents");
}

std::string RenderCommand::description(Lang lang) const {
  return tr(lang,
            "从工作区取出一种记录（默认 candidate），套用活动文件为该种类指定的模板，"
            "每条记录写一个 PDF（--combined 另写一个合订本），列出写出的文件和发现的问题"
            "（如文字超出格子）。",
            "Takes the workspace's records of one kind (default: candidate), merges each into "
            "the template the campaign file names for that kind and writes one PDF per record "
            "(plus one of them all with --combined); lists the files written and every problem "
            "found (such as text that overflows its cell).");
}

void RenderCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(
      Option("kind", "k",
             tr(lang, "记录种类（默认 candidate）", "record kind (default: candidate)"))
          .argument("KIND"));
  options.addOption(Option("template", "t",
                           tr(lang, "模板文件（默认：活动文件为该种类指定的）",
                              "template file (default: the one the campaign names for the kind)"))
                        .argument("FILE"));
  add_fonts_option(options, lang);
  add_out_option(options, lang, "工作区/out/种类", "WORKSPACE/out/KIND");
  options.addOption(
      Option("combined", "",
             tr(lang, "另写一个包含全部记录的 PDF", "also write one PDF of all the records")));
  options.addOption(Option("key", "",
                           tr(lang, "只排这条记录（可重复，或用逗号分隔）",
                              "render only this record (repeatable, or comma-separated)"))
                        .argument("KEY")
                        .repeatable(true));
  options.addOption(Option("threads", "j",
                           tr(lang, "并行排版的线程数（默认：CPU 核数）",
                              "documents rendered in parallel (default: CPU "
                              "cores)"))
                        .argument("N"));
}

int RenderCommand::run(Context& context, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("render 不接受参数（只排某些记录请用 --key）",
                "render takes no arguments (use --key to choose records)");
  }
  job::RenderJob job;
  job.threads = thread_count(context, binding_for("threads"));
  job.kind = option(context, *this, "kind", job.kind);
  job.template_path = option(context, *this, "template");
  job.out_dir = option(context, *this, "out");
  job.combined = context.config().getBool(binding_for("combined"), false);
  const Poco::StringTokenizer keys(
      option(context, *this, "key"), ",",
      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  job.keys.assign(keys.begin(), keys.end());

  store::Workspace workspace = context.open_workspace();
  const job::JobResult result = job.run(job_env(context, *this, workspace));
  print_tidied(context, result.tidied);
  print_written(context, result.files);
  return report_result(context, result, "有问题的记录未写出，见上。",
                       "Records with problems were not written; see above.");
}

}  // namespace tuijie::app
