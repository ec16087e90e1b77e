// XLSX input: the first worksheet in workbook order, read with the same header rule as CSV
// (its first row names the columns). Cells are read by their reference (A1, AA10), so empty
// cells, skipped cells and skipped rows keep every value in its column and row; row numbers
// are those Excel shows. Cell values become text:
//   shared / inline strings -> the text (rich-text runs joined, phonetic guides dropped)
//   numbers                 -> the digits Excel stored ("3500.5", "12")
//   numbers in a date style -> an ISO date "2020-06-12" (the serial's day; times are dropped)
//   booleans                -> "TRUE" / "FALSE"
// The archive is read through unpack limits and the sheet is parsed as a stream (SAX), stopping
// as soon as the data-row limit is passed, so hostile files fail fast with a diagnostic.
#pragma once

#include <cstddef>
#include <string>

#include "records/source_table.hpp"
#include "records/xlsx_archive.hpp"

namespace tuijie::records {

struct XlsxOptions {
  UnpackLimits unpack;
  std::size_t max_data_rows = 0;  // stop once more non-blank data rows are seen; 0 = no limit
};

/// Never throws for bad input. A file-level problem (corrupt archive, limit passed, bad XML,
/// too many rows) leaves the table without columns and rows, with the diagnostic (row 0).
SourceTable read_xlsx_table(const std::string& bytes, const std::string& file,
                            const XlsxOptions& options);

}  // namespace tuijie::records
