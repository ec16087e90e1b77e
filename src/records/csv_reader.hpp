// RFC 4180 CSV as Excel writes it: comma-separated, cells optionally quoted, "" inside quotes
// for a quote, line breaks (Alt+Enter) inside quoted cells, CRLF or LF line ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/source_table.hpp"

namespace tuijie::records {

struct CsvRow {
  long row = 0;  // as Excel numbers it: the first row is 1, a multi-line cell stays one row
  std::vector<std::string> cells;  // raw, untrimmed; line breaks inside cells become "\n"
};

struct CsvTable {
  std::vector<CsvRow> rows;  // every row, blank ones included (they keep the numbering right)
  Diagnostics diagnostics;   // e.g. a quoted cell still open at the end of the file
};

/// Parses UTF-8 text. Excel's leniencies are kept: a quote inside an unquoted cell is an
/// ordinary character, and text after a closing quote is appended to the cell. A final line
/// break does not start another row. Cells past Excel's last column (XFD) are dropped with a
/// "too-many-columns" error on their row.
CsvTable parse_csv(std::string_view text, const std::string& file);

/// parse_csv() and then the header rule: row 1 names the columns (numbered from 1); cells to the
/// right of the header get unnamed columns of their own, so that nothing is dropped unseen.
/// Rows are read one at a time and blank rows dropped, so memory follows the cells present.
SourceTable read_csv_table(std::string_view text, const std::string& file);

struct CsvPosition {
  long row = 1;     // Excel's numbering: a line break inside a quoted cell stays in its row
  long column = 1;  // 1-based
};

/// Where byte `offset` of a CSV file's raw bytes lies, read with parse_csv()'s quoting rules.
/// Works on undecoded bytes: in UTF-8 and GB18030 alike, no byte of a multi-byte character is
/// a comma, a quote or a line break. Used to place a byte that is not valid text.
CsvPosition csv_position_of_byte(std::string_view bytes, std::size_t offset);

}  // namespace tuijie::records
