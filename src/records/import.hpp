// The records stage's entry point: one input file -> validated records and diagnostics.
//
//   SchemaSet schemas = load_schema_set("data/records");
//   ImportResult result = read_records("candidates.csv", schemas, {.campaign_date = "2020-06-30"});
//   if (!has_errors(result.diagnostics)) store(result.records);      // whole file
//   else if (partial) store(result.records);  // only rows without errors are in `records`
//
// Every problem of the file is reported, each with its file, row (Excel's numbering, header =
// row 1; for JSON the 1-based element number), column number and name as written, value and
// reason in Chinese and English. Nothing is stored here.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/field_validation.hpp"
#include "records/record.hpp"
#include "records/schema.hpp"

namespace tuijie::records {

struct ImportOptions {
  std::string kind = {};           // --kind; "" = infer from the columns
  std::string encoding = {};       // --encoding utf-8|gb18030|gbk; "" = detect
  std::string campaign_date = {};  // e.g. "2020-06-30": ages are counted to it; "" = no check
  PhotoProbe probe_photo = {};     // empty = tuijie::image::probe
};

struct ImportResult {
  std::string kind;               // the kind read ("" when it could not be told)
  std::string encoding;           // "UTF-8" or "GB18030" once decoded
  std::vector<Record> records;    // one per data row without errors, in file order
  std::vector<long> record_rows;  // the row of each record (same index)
  Diagnostics diagnostics;        // every problem found, warnings included
  std::size_t data_rows = 0;      // non-blank data rows in the file

  bool ok() const { return !has_errors(diagnostics); }
};

/// Reads, decodes and validates one file. The format is told from the content (file_format.hpp):
/// a ZIP workbook is XLSX, text starting with [ or { is JSON, other text is CSV, anything else
/// is refused saying what it is; a name promising another format gives a "format-mismatch"
/// warning. An XLSX file's sheet
/// named after an entries field (履历) gives those entries (entry_sheets.hpp). Photo paths are
/// relative to the file's folder. Never throws for bad input: problems are diagnostics. File-level
/// problems (unreadable file, bad encoding, unknown kind, too many rows) have row 0; a missing
/// column has the header row.
ImportResult read_records(const std::string& path, const SchemaSet& schemas,
                          const ImportOptions& options);

/// The rows of one sheet ("" = the first sheet, or a CSV/JSON file) with at least one error.
/// Contains 0 or the header row when the whole file is at fault.
std::set<long> rows_with_errors(const Diagnostics& diagnostics, const std::string& sheet = "");

/// How many rows of the file, on any sheet, have at least one error (what --partial leaves out,
/// and why; a problem with the whole file counts as one).
std::size_t count_rows_with_errors(const Diagnostics& diagnostics);

}  // namespace tuijie::records
