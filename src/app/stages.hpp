// The app's calls into the pipeline stages it drives, each behind one small function so that
// commands do not depend on how a stage spells its API.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "merge/compiled_template.hpp"
#include "records/record.hpp"
#include "records/schema.hpp"

namespace tuijie::app {

struct InputOptions {
  std::string kind;           // "" = infer from the header
  std::string encoding;       // "" = detect
  std::string resources;      // the resources folder (record schemas are in data/records/)
  std::string campaign_date;  // "YYYY-MM-DD": ages are counted to this day
};

/// One input file read and validated.
struct InputFile {
  std::string kind;                      // the kind the file holds (given or inferred)
  std::vector<records::Record> records;  // the valid records, in file order
  std::vector<long> rows;                // the source row of each record
  long data_rows = 0;                    // data rows in the file (blank rows not counted)
  Diagnostics diagnostics;               // every problem found, errors and warnings
};

/// Reads and validates one CSV/XLSX/JSON file of records (the records stage). Problems with
/// the data are returned, not thrown; a broken schema in data/records throws TuijieError.
InputFile read_input(const std::string& path, const InputOptions& options);

/// The field names a template for `kind` may use: the kind's schema in data/records/ plus the
/// globals (the merge stage then reports a misspelt field as a template error). Without a
/// schema for the kind, every name is accepted. Throws TuijieError for a broken schema.
merge::FieldCatalog template_fields(const std::string& resources, const std::string& kind,
                                    const std::map<std::string, std::string>& globals);

/// The record schemas of data/records/ under `resources`. Throws TuijieError for a broken one.
records::SchemaSet load_schemas(const std::string& resources);

/// Loads the font manifest (the fonts stage). Throws TuijieError when it is unusable.
std::shared_ptr<const fonts::FontSet> load_fonts(const std::string& manifest_path);

}  // namespace tuijie::app
