// A file's content before validation, the same shape whatever the format (CSV, JSON, ...):
// named columns and rows of raw cell values, with positions for diagnostics.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <utility>
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

/// The cells of one row by column index, holding only the cells present: memory follows the
/// cells a file has, not their coordinates (one cell in column XFD costs one cell, not 16,384).
/// Reads like a vector of RawValue: an absent cell below size() reads as a blank value, and
/// iteration visits the present cells in column order.
class RowCells {
 public:
  using Entry = std::pair<std::size_t, RawValue>;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = RawValue;
    using difference_type = std::ptrdiff_t;
    using pointer = const RawValue*;
    using reference = const RawValue&;
    const_iterator() = default;
    explicit const_iterator(std::vector<Entry>::const_iterator at) : at_(at) {}
    reference operator*() const { return at_->second; }
    pointer operator->() const { return &at_->second; }
    const_iterator& operator++() {
      ++at_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++at_;
      return before;
    }
    bool operator==(const const_iterator&) const = default;

   private:
    std::vector<Entry>::const_iterator at_;
  };

  /// One past the last column that has a cell (or as resized).
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// The cell at `column`, or a blank value when the row has none there.
  const RawValue& operator[](std::size_t column) const;
  /// The cell at `column`, created blank when absent.
  RawValue& operator[](std::size_t column);
  /// The cell at `column`, or nullptr.
  const RawValue* find(std::size_t column) const;
  /// Appends a cell at column size(); a cell with nothing in it takes no memory.
  void push_back(RawValue value);
  /// Shrinks (dropping the cells at or past `size`) or extends with absent cells.
  void resize(std::size_t size);
  /// The present cells, by column index in increasing order.
  const std::vector<Entry>& present() const { return entries_; }
  const_iterator begin() const { return const_iterator(entries_.begin()); }
  const_iterator end() const { return const_iterator(entries_.end()); }

 private:
  std::vector<Entry> entries_;  // sorted by column
  std::size_t size_ = 0;
};

struct SourceColumn {
  std::string name;    // as written (trimmed); "" for a cell past the header or under a blank one
  long number = 0;     // 1-based spreadsheet column; 0 when the format has none (JSON)
  long first_row = 0;  // where the name first appears: the header row, or a JSON element
};

struct SourceRow {
  long row = 0;    // Excel row number; for JSON the 1-based element number
  RowCells cells;  // by column index; may be shorter than the column list
};

struct SourceTable {
  std::string file;             // as the user named it, for diagnostics
  std::string sheet;            // XLSX worksheet name when not the file's first, else ""
  bool has_header_row = false;  // CSV/XLSX: a missing column is reported once, on row 1
  long header_row = 0;
  std::vector<SourceColumn> columns;
  std::vector<SourceRow> rows;  // CSV/XLSX: blank rows dropped (each row keeps its number)
  Diagnostics diagnostics;      // problems found while reading (encoding, quoting, JSON syntax)
};

/// Excel's sheet size: rows 1..1,048,576 and columns A..XFD (16,384). A file claiming a cell
/// beyond them did not come from Excel and is refused rather than read.
inline constexpr long kExcelMaxRows = 1048576;
inline constexpr long kExcelMaxColumns = 16384;
/// Excel's limit on a cell's text is 32,767 characters, in UTF-8 at most 4 bytes each. A longer
/// cell did not come from Excel and is refused, so that one giant cell cannot hold a file's
/// worth of text several times over in memory.
inline constexpr std::size_t kMaxCellTextBytes = 32767 * 4;

/// A cell of a grid row: its 1-based column number and raw text.
using GridCell = std::pair<long, std::string>;

/// Fills a table from a grid read row by row (CSV lines, worksheet rows): the first row names
/// the columns (trimmed), every later row that is not blank becomes a SourceRow; cells beyond
/// the header get unnamed columns. Blank rows are dropped as they come, so that a million of
/// them cost nothing (their numbers are not needed: every row keeps its own).
class GridBuilder {
 public:
  explicit GridBuilder(SourceTable& table) : table_(table) {}

  /// Adds row `row`; the texts are moved out of `cells`, which may be in any column order.
  void add_row(long row, std::vector<GridCell>& cells);

 private:
  SourceTable& table_;
  bool have_header_ = false;
};

}  // namespace tuijie::records
