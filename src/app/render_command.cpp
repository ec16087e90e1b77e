#include "app/render_command.hpp"

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/Option.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <set>
#include <thread>

#include "app/context.hpp"
#include "app/document_identity.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/publishing.hpp"
#include "app/stages.hpp"
#include "merge/render.hpp"
#include "output/file_names.hpp"
#include "store/dates.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultKind = "candidate";
constexpr const char* kDefaultFonts = "fonts/fonts.xml";

std::string existing_file(const std::string& path, const char* code, std::string zh,
                          std::string en) {
  std::error_code ignored;
  if (!fs::is_regular_file(path, ignored)) {
    throw TuijieError(make_error(code, std::move(zh), std::move(en), path));
  }
  return path;
}

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

// The records to render: all of the kind, or those the --key options name (in that order).
std::vector<records::Record> select(std::vector<records::Record> all, const std::string& kind,
                                    const std::string& key_list) {
  if (all.empty()) {
    throw TuijieError(make_error("no-records", "工作区中没有 " + kind + " 记录；请先导入",
                                 "the workspace holds no " + kind + " records; import some first"));
  }
  if (key_list.empty()) {
    return all;
  }
  std::vector<records::Record> chosen;
  Diagnostics unknown;
  std::set<std::string> seen;
  const Poco::StringTokenizer keys(
      key_list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const std::string& key : keys) {
    if (!seen.insert(key).second) {
      continue;
    }
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const records::Record& r) { return r.key == key; });
    if (it == all.end()) {
      Diagnostic d = make_error("unknown-record-key", "工作区中没有此记录",
                                "the workspace has no such record");
      d.record = kind + " " + key;
      unknown.push_back(std::move(d));
    } else {
      chosen.push_back(*it);
    }
  }
  if (!unknown.empty()) {
    throw TuijieError(std::move(unknown));
  }
  return chosen;
}

}  // namespace

std::string pdf_creation_date(const std::string& document_date) {
  const char* fixed = std::getenv("SOURCE_DATE_EPOCH");
  std::string iso = (fixed != nullptr && *fixed != '\0')
                        ? store::iso8601_utc(store::run_epoch_seconds())
                        : document_date + "T00:00:00Z";
  std::string digits;
  for (char c : iso) {
    if (c >= '0' && c <= '9') {
      digits += c;
    }
  }
  return "D:" + digits + "Z";
}

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
  options.addOption(Option("fonts", "f",
                           tr(lang, "字体清单（默认 fonts/fonts.xml）",
                              "font manifest (default: fonts/fonts.xml)"))
                        .argument("MANIFEST"));
  options.addOption(Option("out", "o",
                           tr(lang, "输出文件夹（默认：工作区/out/种类）",
                              "output folder (default: WORKSPACE/out/KIND)"))
                        .argument("DIR"));
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
  auto& config = context.config();
  const int threads = thread_count(context, binding_for("threads"));
  store::Workspace workspace = context.open_workspace();
  const store::Campaign& campaign = workspace.campaign();
  const std::string kind = config.getString(binding_for("kind"), kDefaultKind);

  std::string template_path = config.getString(binding_for("template"), "");
  if (template_path.empty()) {
    const std::string named = campaign.template_for(kind);
    if (named.empty()) {
      throw_usage("活动文件没有为 " + kind + " 指定模板；请用 --template 指定",
                  "the campaign names no template for " + kind + "; give one with --template");
    }
    template_path = context.resource(named);
  }
  existing_file(template_path, "template-missing", "找不到模板文件", "no such template file");
  const std::string fonts_path =
      existing_file(config.has(binding_for("fonts")) ? config.getString(binding_for("fonts"))
                                                     : context.resource(kDefaultFonts),
                    "fonts-missing", "找不到字体清单", "no such font manifest");

  merge::RenderJob job;
  job.records = select(workspace.records(kind), kind, config.getString(binding_for("key"), ""));
  job.template_path = template_path;
  job.out_dir =
      config.getString(binding_for("out"), (fs::path(workspace.dir()) / "out" / kind).string());
  job.combined = config.getBool(binding_for("combined"), false);
  job.threads = threads;
  job.globals = campaign.globals();
  job.catalog = template_fields(context.resources().string(), kind, job.globals);
  job.creation_date = pdf_creation_date(campaign.document_date());
  // The folder is made (or found unmakeable) before the slower font and template loading.
  std::error_code error;
  fs::create_directories(job.out_dir, error);
  if (error) {
    throw TuijieError(make_error("cannot-create-output", "无法创建输出文件夹：" + error.message(),
                                 "cannot create the output folder: " + error.message(),
                                 job.out_dir));
  }
  tidy_output(context, workspace, job.out_dir);
  job.fonts = load_fonts(fonts_path);

  const merge::RenderReport report = with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    // Each document's number (assigned when its file is recorded, kept for good) and the hash
    // of what it prints.
    std::vector<DocumentStamp> stamps;
    job.record_globals.clear();
    for (const records::Record& record : job.records) {
      stamps.push_back(stamp_record(campaign, publication.numbers(), record));
      std::map<std::string, std::string> identity;
      stamps.back().add_to(identity);
      job.record_globals.push_back(std::move(identity));
    }
    job.name_files = [&](const std::vector<std::string>& asked) {
      std::vector<output::NameRequest> requests;
      for (size_t i = 0; i < asked.size(); ++i)
        requests.push_back({asked[i], stamps[i].number});
      std::vector<std::string> reserved;
      if (job.combined)
        reserved.push_back(job.combined_name);
      return output::unique_file_names(requests, job.out_dir, reserved);
    };
    job.write_file = [&](size_t index, const std::string& path, std::string pdf) {
      if (index == merge::kCombined) {
        publication.add_plain_file(path, pdf);
      } else {
        publication.add_document(path, pdf, stamps[index].printed());
      }
    };
    merge::RenderReport rendered = merge::render(job);
    publication.commit();
    return rendered;
  });
  for (const merge::RenderedFile& file : report.files) {
    context.out() << context.tr("已写入 ", "wrote ") << file.path << context.tr("（", " (")
                  << file.pages << context.tr(" 页）", file.pages == 1 ? " page)" : " pages)")
                  << '\n';
  }
  context.report(report.diagnostics);
  if (has_errors(report.diagnostics)) {
    context.err() << context.tr("有问题的记录未写出，见上。",
                                "Records with problems were not "
                                "written; see above.")
                  << '\n';
    return kExitDataError;
  }
  return kExitOk;
}

}  // namespace tuijie::app
