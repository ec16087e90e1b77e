// Many records through one template: each merged, laid out and written as its own PDF (and
// optionally one combined PDF), on several threads. The workspace's render job and the
// benchmark use it; it knows nothing of numbering or publication (the callbacks do that).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "merge/field_catalog.hpp"
#include "merge/render.hpp"
#include "records/record.hpp"

namespace tuijie::job {

struct RenderBatch {
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
  merge::FieldCatalog catalog;
  std::string out_dir;     // created when missing
  bool per_record = true;  // one PDF per record
  bool combined = false;   // plus one PDF of all records
  std::string combined_name = "combined.pdf";
  /// The combined file's own document number and short hash (document.number,
  /// document.hash), so that `verify` knows it too; empty = unmarked.
  std::map<std::string, std::string> combined_globals;
  /// PDF date string for CreationDate ("D:20200630000000Z"); empty = none.
  std::string creation_date;
  int threads = 1;  // documents rendered in parallel
  /// Decides the files' names, before any is written, from those the template asks for (one
  /// per record, in order; see output::unique_file_names). Empty: as asked.
  std::function<std::vector<std::string>(const std::vector<std::string>& asked)> name_files;
  /// Takes each finished PDF (called from the worker threads; `record` is kCombined for the
  /// combined file) instead of its being written to `path` at once.
  std::function<void(std::size_t record, const std::string& path, std::string pdf)> write_file;
  /// Told after each document (one call at a time, from any worker): how many are done and
  /// the last one's record key. May be empty.
  std::function<void(std::size_t done, const std::string& what)> progress;
};

/// RenderBatch::write_file's record index of the combined file.
inline constexpr std::size_t kCombined = static_cast<std::size_t>(-1);

struct RenderedFile {
  std::string path;
  std::string record_key;  // empty for the combined file
  int pages = 0;
  std::size_t record = kCombined;  // index into RenderBatch::records
};

struct RenderReport {
  std::vector<RenderedFile> files;
  Diagnostics diagnostics;  // overflowing fields, characters no font has, bad template
};

/// Throws TuijieError for problems that stop the whole batch (template errors, unwritable
/// folder); per-record problems are returned in the report and that record is not written.
RenderReport render_batch(const RenderBatch& batch);

}  // namespace tuijie::job
