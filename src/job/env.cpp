#include "job/env.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>

#include "core/diagnostic.hpp"
#include "core/read_file.hpp"

namespace tuijie::job {

namespace {
const char* const kUnbrokenTermsFile = "data/reference/terms.json";
}  // namespace

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

std::shared_ptr<const text::UnbrokenTerms> Env::unbroken_terms() const {
  if (terms)
    return terms;
  const std::string path = resource(kUnbrokenTermsFile);
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored))
    return nullptr;
  std::vector<std::string> list;
  try {
    Poco::JSON::Parser parser;
    const auto root = parser.parse(read_whole_file(path)).extract<Poco::JSON::Object::Ptr>();
    const Poco::JSON::Array::Ptr array = root->getArray("terms");
    if (!array)
      throw Poco::Exception("no terms");
    for (std::size_t i = 0; i < array->size(); ++i)
      list.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
  } catch (const std::exception&) {  // Poco's exceptions are std::exceptions too
    throw TuijieError(
        make_error("terms-file", "词语表应为 {\"terms\": [\"服务外包\", …]}，每项为文字",
                   "the term list must be {\"terms\": [\"服务外包\", …]}, texts only", path));
  }
  terms = std::make_shared<const text::UnbrokenTerms>(list);
  return terms;
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
