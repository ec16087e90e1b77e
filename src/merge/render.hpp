// The merge stage's entry point: template + records (+ campaign values) -> PDF files.
//
// render() parses the template once, merges each record into it, lays every document out
// and writes one PDF per record (and optionally one combined PDF). It knows nothing about
// candidates or enterprises: what a form shows lives in the template.
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

struct RenderJob {
  std::string template_path;                    // e.g. templates/candidate-form.xml
  std::shared_ptr<const fonts::FontSet> fonts;  // from fonts/fonts.xml
  std::vector<records::Record> records;         // in output order
  /// Values every document may print besides the record's own: "campaign.name",
  /// "campaign.year", "issuer", ... (flattened from the campaign file).
  std::map<std::string, std::string> globals;
  /// Per-record values over `globals` (same index as `records`; may be empty): the document
  /// number and hash of each record's document.
  std::vector<std::map<std::string, std::string>> record_globals;
  /// Field names the template may use (the kind's schema plus the globals); empty = any.
  FieldCatalog catalog;
  std::string out_dir;     // created when missing
  bool per_record = true;  // one PDF per record
  bool combined = false;   // plus one PDF of all records
  std::string combined_name = "combined.pdf";
  /// PDF date string for CreationDate ("D:20200630000000Z"); empty = none.
  std::string creation_date;
  int threads = 1;  // documents rendered in parallel
  /// Decides the files' names, before any is written, from those the template asks for (one
  /// per record, in order; see output::unique_file_names). Empty: as asked.
  std::function<std::vector<std::string>(const std::vector<std::string>& asked)> name_files;
  /// Takes each finished PDF (called from the worker threads; `record` is kCombined for the
  /// combined file) instead of its being written to `path` at once.
  std::function<void(std::size_t record, const std::string& path, std::string pdf)> write_file;
};

/// RenderJob::write_file's record index of the combined file.
inline constexpr std::size_t kCombined = static_cast<std::size_t>(-1);

struct RenderedFile {
  std::string path;
  std::string record_key;  // empty for the combined file
  int pages = 0;
};

struct RenderReport {
  std::vector<RenderedFile> files;
  Diagnostics diagnostics;  // overflowing fields, characters no font has, bad template
};

/// One document merged and laid out, not yet written.
struct ComposedDocument {
  page::PagedDocument document;
  Diagnostics diagnostics;
  std::string file_name;  // from the template's file-name, made safe for a file system, + .pdf
  bool ok() const { return !has_errors(diagnostics); }
};

/// Merges `record` (or, for a collection document, the `sets`) into the template and lays it
/// out; `creation_date` is the PDF date string (see RenderJob::creation_date). When the
/// globals carry document.number and document.hash, the PDF's keywords end with
/// "tuijie:NUMBER:HASH", which `tuijie verify` reads back.
ComposedDocument compose(const CompiledTemplate& tpl, const records::Record& record,
                         const std::map<std::string, std::string>& globals,
                         const std::string& creation_date, const RecordSets* sets = nullptr);

/// `name` with the characters that are unsafe in file names replaced by '_', and without the
/// separators an empty field leaves at either end ("{candidate_no}-{name}" with no number
/// gives "王𠮷", not "-王𠮷"); "" when nothing is left.
std::string safe_file_name(const std::string& name);

/// The file name the template's file-name asks for (default "{key}"), made safe, + ".pdf";
/// the record's key when the pattern gives nothing.
std::string document_file_name(const CompiledTemplate& tpl, const records::Record& record,
                               const std::map<std::string, std::string>& globals);

/// Throws TuijieError for problems that stop the whole job (template errors, unwritable
/// folder); per-record problems are returned in the report and that record is not written.
RenderReport render(const RenderJob& job);

}  // namespace tuijie::merge
