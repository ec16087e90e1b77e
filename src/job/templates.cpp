#include "job/templates.hpp"

#include <filesystem>
#include <set>

#include "template/element.hpp"

namespace tuijie::job {

records::SchemaSet load_schemas(const Env& env) {
  return records::load_schema_set(env.resource("data/records"));
}

merge::FieldCatalog template_fields(const records::SchemaSet& schemas, const std::string& kind,
                                    const std::map<std::string, std::string>& globals) {
  const records::Schema* schema = schemas.find(kind);
  return schema == nullptr ? merge::FieldCatalog{} : merge::field_catalog(*schema, globals);
}

merge::CompiledTemplate compile_template_file(const Env& env, const std::string& path,
                                              const merge::FieldCatalog& catalog) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored)) {
    throw TuijieError(make_error(Category::MissingInput, "template-missing", "找不到模板文件",
                                 "no such template file", path));
  }
  merge::CompiledTemplate tpl =
      merge::compile_template(templates::parse_template_file(path), env.font_set(), catalog);
  tpl.terms = env.unbroken_terms();
  return tpl;
}

std::string bookmark_label(const merge::CompiledTemplate& tpl, const std::string& fallback) {
  const std::string label = tpl.root.attr("bookmark");
  return label.empty() ? fallback : label;
}

Diagnostics font_substitutes(const Env& env,
                             const std::vector<const merge::CompiledTemplate*>& templates) {
  std::set<std::string> roles;
  for (const merge::CompiledTemplate* tpl : templates)
    roles.insert(tpl->font_roles.begin(), tpl->font_roles.end());
  return env.font_set().substitutions_for(roles);
}

}  // namespace tuijie::job
