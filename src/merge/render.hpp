// The merge stage's entry point: a compiled template + a record (+ campaign values) -> one
// laid-out document, not yet written (jobs write: job/render_batch.hpp). It knows nothing
// about candidates or enterprises: what a form shows lives in the template.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "merge/compiled_template.hpp"
#include "merge/record_sets.hpp"
#include "records/record.hpp"

namespace tuijie::merge {

/// One document merged and laid out, not yet written.
struct ComposedDocument {
  page::PagedDocument document;
  Diagnostics diagnostics;
  std::string file_name;  // from the template's file-name, made safe for a file system, + .pdf
  bool ok() const { return !has_errors(diagnostics); }
};

/// Merges `record` (or, for a collection document, the `sets`) into the template and lays it
/// out; `creation_date` is the PDF date string ("D:20200630000000Z"; empty = none). When the
/// globals carry document.number and document.hash, the PDF's keywords end with
/// "tuijie:NUMBER:HASH", which `tuijie verify` reads back.
ComposedDocument compose(const CompiledTemplate& tpl, const records::Record& record,
                         const std::map<std::string, std::string>& globals,
                         const std::string& creation_date, const RecordSets* sets = nullptr);

/// `name` with the characters that are unsafe in file names replaced by '_', and without the
/// separators an empty field leaves at either end ("{candidate_no}-{name}" with no number
/// gives "王𠮷", not "-王𠮷"); "" when nothing is left.
std::string safe_file_name(const std::string& name);

/// Appends a document's identity to its Keywords ("… tuijie:NUMBER:HASH"), which `verify`
/// reads back.
void mark_document(page::DocumentInfo& info, const std::string& number,
                   const std::string& short_hash);

/// The file name the template's file-name asks for (default "{key}"), made safe, + ".pdf";
/// the record's key when the pattern gives nothing.
std::string document_file_name(const CompiledTemplate& tpl, const records::Record& record,
                               const std::map<std::string, std::string>& globals);

}  // namespace tuijie::merge
