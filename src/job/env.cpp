#include "job/env.hpp"

#include "core/diagnostic.hpp"

namespace tuijie::job {

store::Workspace& Env::store() const {
  if (workspace == nullptr) {
    throw TuijieError(make_error(Category::Internal, "internal", "作业没有工作区",
                                 "the job was given no workspace"));
  }
  return *workspace;
}

const fonts::FontSet& Env::font_set() const {
  return *shared_fonts();
}

std::shared_ptr<const fonts::FontSet> Env::shared_fonts() const {
  if (!fonts && !fonts_manifest.empty())
    fonts = fonts::FontSet::load(fonts_manifest);
  if (!fonts) {
    throw TuijieError(make_error(Category::MissingInput, "fonts-missing", "没有加载字体清单",
                                 "no font manifest loaded"));
  }
  return fonts;
}

std::string Env::resource(const std::string& relative) const {
  return (resources / relative).string();
}

std::filesystem::path Env::output_folder(const std::string& given,
                                         const std::string& fallback) const {
  return given.empty() ? output_root / fallback : std::filesystem::path(given);
}

void Env::step(std::size_t done, std::size_t total, const std::string& what) const {
  if (progress)
    progress({done, total, what});
}

}  // namespace tuijie::job
