#include "records/csv_reader.hpp"

#include <utility>

#include "records/unicode_text.hpp"

namespace tuijie::records {

CsvTable parse_csv(std::string_view text, const std::string& file) {
  CsvTable table;
  CsvRow row{1, {}};
  std::string cell;
  bool in_quotes = false;
  bool cell_started_quoted = false;
  long quote_row = 0;
  long quote_column = 0;

  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    cell_started_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    long next = row.row + 1;
    table.rows.push_back(std::move(row));
    row = CsvRow{next, {}};
  };

  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
      } else if (c == '\r') {
        cell += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
      } else {
        cell += c;
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
      cell += c;
    }
    ++i;
  }
  if (in_quotes) {
    Diagnostic d =
        make_error("unclosed-quote", "引号内的单元格直到文件末尾都没有结束（缺少右引号 \"）",
                   "a quoted cell is still open at the end of the file (missing \")", file);
    d.row = quote_row;
    d.column = quote_column;
    table.diagnostics.push_back(std::move(d));
  }
  // The last row, unless the file ended with a line break.
  if (!cell.empty() || !row.cells.empty() || cell_started_quoted) {
    end_row();
  }
  return table;
}

SourceTable read_csv_table(std::string_view text, const std::string& file) {
  CsvTable csv = parse_csv(text, file);
  SourceTable table;
  table.file = file;
  table.has_header_row = true;
  table.header_row = 1;
  table.diagnostics = std::move(csv.diagnostics);
  fill_from_grid(table, csv.rows);
  return table;
}

}  // namespace tuijie::records
