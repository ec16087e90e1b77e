// Merges one record into a compiled template, giving the layout stage's DocumentModel.
// A value is only ever text: nothing in it is read as template syntax.
#pragma once

#include <map>
#include <string>

#include "merge/compiled_template.hpp"
#include "merge/record_sets.hpp"
#include "records/record.hpp"

namespace tuijie::merge {

using Globals = std::map<std::string, std::string>;

/// Photos that cannot be prepared are reported in `diagnostics` and drawn as empty frames.
/// `sets` holds the records `<repeat records="kind">` runs over (summary tables); a document
/// about no single record (a cover letter) passes an empty `record`. Throws TuijieError
/// (template-too-large, at the template's outermost repeat being expanded) when the document
/// would exceed templates::kMaxExpansion parts or kMaxTextBytes of text: a template error
/// that stops the job, found before anything is laid out.
layout::DocumentModel build_document(const CompiledTemplate& tpl, const records::Record& record,
                                     const Globals& globals, Diagnostics& diagnostics,
                                     const RecordSets* sets = nullptr);

/// Replaces the {field} placeholders of an attribute's text (title, file-name).
std::string substitute(const templates::TextPattern& pattern, const records::Record& record,
                       const Globals& globals);

}  // namespace tuijie::merge
