// The field names a template for one record kind may use, taken from that kind's schema in
// data/records/ and the campaign values: a misspelt field is a template error, not a blank.
#pragma once

#include <map>
#include <string>

#include "merge/compiled_template.hpp"
#include "records/schema.hpp"

namespace tuijie::merge {

/// Every field key of the schema, every entry field as "list.field" (e.g. "resume.title"),
/// "key", every global name and the choice.* names of `<repeat choices>`; the options of every
/// choice field (reference files are read here: throws TuijieError when one cannot be).
FieldCatalog field_catalog(const records::Schema& schema,
                           const std::map<std::string, std::string>& globals);

/// For documents over several kinds of record (a summary, a cover letter): every kind's
/// fields and choices (inside `<repeat records>`), row.number, total.*, and the globals.
FieldCatalog collection_catalog(const records::SchemaSet& schemas,
                                const std::map<std::string, std::string>& globals);

}  // namespace tuijie::merge
