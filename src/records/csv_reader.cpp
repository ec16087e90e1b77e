#include "records/csv_reader.hpp"

#include <utility>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

// Scans `text` row by row, handing each finished row to `on_row` so that no more than one row
// is held at a time. Cells past Excel's last column (XFD) are not kept: the row gets one error.
template <class OnRow>
void scan_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics,
              OnRow on_row) {
  CsvRow row{1, {}};
  std::string cell;
  bool in_quotes = false;
  bool cell_started_quoted = false;
  bool row_too_wide = false;
  bool cell_too_long = false;
  long quote_row = 0;
  long quote_column = 0;

  auto end_cell = [&] {
    if (static_cast<long>(row.cells.size()) < kExcelMaxColumns) {
      row.cells.push_back(std::move(cell));
    } else if (!row_too_wide) {
      row_too_wide = true;
      std::string limit = std::to_string(kExcelMaxColumns);
      Diagnostic d =
          make_error("too-many-columns",
                     "此行超过 " + limit + " 列（Excel 的上限 XFD 列），多出的单元格未读取",
                     "the row has more than " + limit +
                         " columns (Excel's last column, XFD); the cells "
                         "past it were not read",
                     file);
      d.row = row.row;
      d.column = kExcelMaxColumns + 1;
      diagnostics.push_back(std::move(d));
    }
    cell.clear();
    cell_started_quoted = false;
    cell_too_long = false;
  };
  // Appends to the cell up to Excel's length limit; the rest of a longer cell is dropped with
  // one error at its row and column.
  auto add = [&](char c) {
    if (cell.size() < kMaxCellTextBytes) {
      cell += c;
      return;
    }
    if (!cell_too_long) {
      cell_too_long = true;
      Diagnostic d = make_error(
          "cell-too-long", "单元格的文字超过 Excel 的上限 32767 个字符，多出的部分未读取",
          "the cell's text is longer than Excel's limit of 32,767 characters; the rest was not "
          "read",
          file);
      d.row = row.row;
      d.column = static_cast<long>(row.cells.size()) + 1;
      diagnostics.push_back(std::move(d));
    }
  };
  auto end_row = [&] {
    end_cell();
    long next = row.row + 1;
    on_row(std::move(row));
    row = CsvRow{next, {}};
    row_too_wide = false;
  };

  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          add('"');
          i += 2;
          continue;
        }
        in_quotes = false;
      } else if (c == '\r') {
        add('\n');
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
      } else {
        add(c);
      }
      ++i;
      continue;
    }
    if (c == ',') {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      end_row();
    } else if (c == '"' && cell.empty() && !cell_started_quoted) {
      in_quotes = true;
      cell_started_quoted = true;
      quote_row = row.row;
      quote_column = static_cast<long>(row.cells.size()) + 1;
    } else {
      add(c);
    }
    ++i;
  }
  if (in_quotes) {
    Diagnostic d =
        make_error("unclosed-quote", "引号内的单元格直到文件末尾都没有结束（缺少右引号 \"）",
                   "a quoted cell is still open at the end of the file (missing \")", file);
    d.row = quote_row;
    d.column = quote_column;
    diagnostics.push_back(std::move(d));
  }
  // The last row, unless the file ended with a line break.
  if (!cell.empty() || !row.cells.empty() || cell_started_quoted) {
    end_row();
  }
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file) {
  CsvTable table;
  scan_csv(text, file, table.diagnostics,
           [&table](CsvRow&& row) { table.rows.push_back(std::move(row)); });
  return table;
}

SourceTable read_csv_table(std::string_view text, const std::string& file) {
  SourceTable table;
  table.file = file;
  table.has_header_row = true;
  table.header_row = 1;
  GridBuilder grid(table);
  std::vector<GridCell> cells;
  scan_csv(text, file, table.diagnostics, [&](CsvRow&& row) {
    cells.clear();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (!row.cells[c].empty()) {
        cells.emplace_back(static_cast<long>(c) + 1, std::move(row.cells[c]));
      }
    }
    grid.add_row(row.row, cells);
  });
  return table;
}

CsvPosition csv_position_of_byte(std::string_view bytes, std::size_t offset) {
  CsvPosition at;
  bool in_quotes = false;
  bool cell_empty = true;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    char c = bytes[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"' && i + 1 < offset) {
          ++i;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == ',') {
      ++at.column;
      cell_empty = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
        ++i;
      }
      ++at.row;
      at.column = 1;
      cell_empty = true;
    } else if (c == '"' && cell_empty) {
      in_quotes = true;
      cell_empty = false;
    } else {
      cell_empty = false;
    }
  }
  return at;
}

}  // namespace tuijie::records
