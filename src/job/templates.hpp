// What jobs share about templates: the record schemas the fields come from, and a template
// file read and compiled against the fields it may use.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "job/env.hpp"
#include "merge/compiled_template.hpp"
#include "merge/field_catalog.hpp"
#include "records/schema.hpp"

namespace tuijie::job {

/// The record schemas of data/records/. Throws TuijieError for a broken one.
records::SchemaSet load_schemas(const Env& env);

/// The field names a template for `kind` may use: the kind's schema plus the globals; without
/// a schema for the kind, every name is accepted.
merge::FieldCatalog template_fields(const records::SchemaSet& schemas, const std::string& kind,
                                    const std::map<std::string, std::string>& globals);

/// Reads and compiles the template at `path` with the env's fonts. Throws TuijieError
/// "template-missing" when there is no such file, or the template's own errors.
merge::CompiledTemplate compile_template_file(const Env& env, const std::string& path,
                                              const merge::FieldCatalog& catalog);

/// The substitutes among the fonts the templates use (fonts::FontSet::substitutions_for), as
/// warnings, each once: a job says which stand-in faces its documents print in.
Diagnostics font_substitutes(const Env& env,
                             const std::vector<const merge::CompiledTemplate*>& templates);

/// The template's label for its documents in a packet's bookmarks (<document bookmark>), else
/// `fallback`.
std::string bookmark_label(const merge::CompiledTemplate& tpl, const std::string& fallback);

}  // namespace tuijie::job
