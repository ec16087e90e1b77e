#include "app/context.hpp"

#include <ostream>
#include <system_error>

#include "app/lang.hpp"
#include "app/locations.hpp"
#include "app/run_clock_from_environment.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

Context::Context(Lang lang, Poco::Util::AbstractConfiguration& config, std::ostream& out,
                 std::ostream& err, std::optional<fs::path> workspace_dir)
    : lang_(lang),
      config_(config),
      out_(out),
      err_(err),
      workspace_dir_(std::move(workspace_dir)) {}

std::string Context::tr(std::string_view zh, std::string_view en) const {
  return app::tr(lang_, zh, en);
}

void Context::report(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    err_ << d.format(lang_) << '\n';
  }
}

fs::path Context::resources() const {
  if (config_.has("resources")) {
    const fs::path dir = config_.getString("resources");
    std::error_code ignored;
    if (!fs::is_directory(dir / "data", ignored)) {
      throw TuijieError(make_error(Category::MissingInput, "resources-missing",
                                   "资源文件夹中没有 data/", "the resources folder has no data/",
                                   dir.string()));
    }
    return dir;
  }
  if (auto found = find_resources(executable_path())) {
    return *found;
  }
  throw TuijieError(make_error(
      Category::MissingInput, "resources-missing",
      "找不到资源文件夹（含 data/campaigns/），请用 --resources 指定",
      "cannot find the resources folder (with data/campaigns/); give it with --resources",
      executable_path().string()));
}

std::string Context::resource(const std::string& relative) const {
  return (resources() / relative).string();
}

store::Workspace Context::open_workspace() {
  if (!workspace_dir_) {
    std::error_code ignored;
    throw TuijieError(make_error(
        Category::MissingInput, "workspace-missing",
        "此文件夹及其上级都不是工作区（没有 tuijie.db）；请用 --workspace 指定，或先运行 tuijie "
        "init",
        "no workspace (tuijie.db) in this folder or above it; give one with --workspace or "
        "run tuijie init first",
        fs::current_path(ignored).string()));
  }
  store::Workspace workspace = store::Workspace::open(workspace_dir_->string());
  workspace.set_clock(run_clock_from_environment());
  return workspace;
}

}  // namespace tuijie::app
