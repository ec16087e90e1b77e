#include "app/job_env.hpp"

#include <filesystem>
#include <memory>
#include <ostream>

#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/progress_bar.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultFonts = "fonts/fonts.xml";

}  // namespace

OptionSpec fonts_option() {
  return {"fonts", "f", "字体清单（默认 fonts/fonts.xml）",
          "font manifest (default: fonts/fonts.xml)", "MANIFEST"};
}

OptionSpec out_option(std::string_view default_zh, std::string_view default_en) {
  return {"out", "o", "输出文件夹（默认：" + std::string(default_zh) + "）",
          "output folder (default: " + std::string(default_en) + ")", "DIR"};
}

std::string option(Context& context, const Command& command, std::string_view name,
                   const std::string& fallback) {
  return context.config().getString(command.binding_for(name), fallback);
}

job::Env job_env(Context& context, const Command& command, store::Workspace& workspace,
                 bool with_fonts) {
  job::Env env;
  env.workspace = &workspace;
  env.resources = context.resources();
  env.output_root = fs::path(workspace.dir()) / "out";
  env.clock = workspace.clock();
  if (with_fonts) {
    const std::string manifest = option(context, command, "fonts", context.resource(kDefaultFonts));
    std::error_code ignored;
    if (!fs::is_regular_file(manifest, ignored)) {
      throw TuijieError(make_error(Category::MissingInput, "fonts-missing", "找不到字体清单",
                                   "no such font manifest", manifest));
    }
    env.fonts_manifest = manifest;
  }
  // Shared by the env's copies; the bar clears its line when the last copy goes.
  auto bar = std::make_shared<ProgressBar>(context.err());
  env.progress = [bar](const job::Progress& progress) { bar->show(progress); };
  return env;
}

void print_tidied(Context& context, const output::Tidied& tidied) {
  if (tidied.published > 0) {
    context.out() << context.tr("上次中断的运行已记录但未移入位置的文件，现已移入：",
                                "files an interrupted run had recorded but not moved into place, "
                                "now moved: ")
                  << tidied.published << '\n';
  }
  if (tidied.removed > 0) {
    context.out() << context.tr("已删除上次中断的运行留下的临时文件：",
                                "temporary files left by an interrupted run, removed: ")
                  << tidied.removed << '\n';
  }
}

void print_written(Context& context, const std::vector<job::WrittenFile>& files) {
  for (const job::WrittenFile& file : files) {
    context.out() << context.tr("已写入 ", "wrote ") << file.path;
    if (file.pages > 0) {
      context.out() << context.tr("（", " (") << file.pages
                    << context.tr(" 页）", file.pages == 1 ? " page)" : " pages)");
    }
    context.out() << '\n';
  }
}

int report_result(Context& context, const job::JobResult& result, std::string_view refused_zh,
                  std::string_view refused_en) {
  context.report(result.diagnostics);
  if (!has_errors(result.diagnostics))
    return kExitOk;
  context.err() << context.tr(refused_zh, refused_en) << '\n';
  return exit_code_for(result.diagnostics);
}

}  // namespace tuijie::app
