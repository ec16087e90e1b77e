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
// Everything Excel itself cannot write is refused with its row and column rather than guessed
// at: a row past 1,048,576, a cell past XFD or with a malformed reference, a cell or shared
// string over 32,767 characters, a shared-string or style index that is not one, a member of
// the archive present twice. Memory follows the cells present: a row keeps only its cells
// (RowCells), blank rows are dropped as they end.
// Worksheets after the first are read only when named in XlsxOptions::side_sheets (a `履历`
// sheet of resume rows), with the same rules; any other sheet is never opened.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "records/source_table.hpp"
#include "records/xlsx_archive.hpp"

namespace tuijie::records {

struct XlsxOptions {
  UnpackLimits unpack;
  std::size_t max_data_rows = 0;  // stop once more non-blank data rows are seen; 0 = no limit
  std::vector<std::string> side_sheets = {};  // names (compared by header_form) to read too
};

struct XlsxTables {
  SourceTable first;                     // the first worksheet
  std::vector<SourceTable> side_sheets;  // the wanted sheets found, in tab order, `sheet` set
};

/// Never throws for bad input. A file-level problem (corrupt archive, limit passed, bad XML,
/// too many rows) leaves the table without columns and rows, with the diagnostic (row 0).
SourceTable read_xlsx_table(const std::string& bytes, const std::string& file,
                            const XlsxOptions& options);

/// The first worksheet and the side sheets, from one pass over the archive. When any of them
/// cannot be read, `first` is unreadable (see is_unreadable) with the diagnostic, naming the
/// sheet when not the first, and there are no side sheets.
XlsxTables read_xlsx_tables(const std::string& bytes, const std::string& file,
                            const XlsxOptions& options);

/// True for a table that holds only the diagnostic of why its file could not be read.
bool is_unreadable(const SourceTable& table);

}  // namespace tuijie::records
