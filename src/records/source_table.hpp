// A file's content before validation, the same shape whatever the format (CSV, JSON, ...):
// named columns and rows of raw cell values, with positions for diagnostics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {

/// A cell other than the one being checked, for diagnostics: where an entry read from a row of
/// a 履历 sheet came from.
struct CellPlace {
  std::string sheet;  // "" = the file's first (or only) table
  long row = 0;
  long column = 0;  // 1-based; 0 = the whole row
  std::string column_name;
};

/// One element of a list value: text (a list item, a resume line) or an object of sub-fields,
/// from JSON ({"title": ..., "period": ...}) or from a row of a 履历 sheet.
struct RawItem {
  std::string text;
  bool is_object = false;
  std::map<std::string, std::string> fields;  // when is_object: key as written -> text
  // Set for an entry read from a row of its own: that row, and the column of each of `fields`.
  std::optional<CellPlace> origin = {};
  std::map<std::string, long> field_columns = {};  // key as written -> 1-based column

  /// Where `key` (one of `fields`, or "" for the whole item) was read, when `origin` is set.
  std::optional<CellPlace> place_of(const std::string& key) const;
};

/// A cell as read. CSV cells are always text; JSON arrays become lists.
struct RawValue {
  std::string text;  // the cell text, or a JSON scalar written as text
  bool is_list = false;
  std::vector<RawItem> items;
  std::string shown;  // how diagnostics show a list value (its JSON text); "" = `text`

  bool blank() const;
  const std::string& display() const { return shown.empty() ? text : shown; }
};

struct SourceColumn {
  std::string name;    // as written (trimmed); "" for a cell past the header or under a blank one
  long number = 0;     // 1-based spreadsheet column; 0 when the format has none (JSON)
  long first_row = 0;  // where the name first appears: the header row, or a JSON element
};

struct SourceRow {
  long row = 0;                 // Excel row number; for JSON the 1-based element number
  std::vector<RawValue> cells;  // by column index; may be shorter than the column list
};

struct SourceTable {
  std::string file;             // as the user named it, for diagnostics
  std::string sheet;            // XLSX worksheet name when not the file's first, else ""
  bool has_header_row = false;  // CSV/XLSX: a missing column is reported once, on row 1
  long header_row = 0;
  std::vector<SourceColumn> columns;
  std::vector<SourceRow> rows;  // blank rows included
  Diagnostics diagnostics;      // problems found while reading (encoding, quoting, JSON syntax)
};

/// Fills `table` from a grid of rows (CSV lines or worksheet rows, each with its row number and
/// raw cells): the first row names the columns (trimmed), every later row becomes a SourceRow;
/// cells beyond the header get unnamed columns. The cells are moved out of `rows`.
template <class GridRow>
void fill_from_grid(SourceTable& table, std::vector<GridRow>& rows) {
  if (rows.empty()) {
    return;
  }
  for (const std::string& name : rows.front().cells) {
    long number = static_cast<long>(table.columns.size()) + 1;
    table.columns.push_back({std::string(trim(name)), number, table.header_row});
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    GridRow& row = rows[r];
    while (table.columns.size() < row.cells.size()) {
      table.columns.push_back({"", static_cast<long>(table.columns.size()) + 1, table.header_row});
    }
    SourceRow source{row.row, {}};
    source.cells.reserve(row.cells.size());
    for (std::string& cell : row.cells) {
      source.cells.push_back(RawValue{std::move(cell), false, {}, {}});
    }
    table.rows.push_back(std::move(source));
  }
}

}  // namespace tuijie::records
