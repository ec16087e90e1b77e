// Reading back a CSV tuijie wrote, as a spreadsheet would, and checking it for cells a
// spreadsheet would run as formulas. Independent of src/core/csv_writer: a strict RFC 4180
// reader and the OWASP rule written out again, so that the writer is checked, not restated.
#pragma once

#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tuijie::testing {

using CsvRows = std::vector<std::vector<std::string>>;

/// Strict RFC 4180 (CRLF or LF line ends; a UTF-8 BOM at the start is skipped). Throws
/// std::runtime_error on a stray quote or an unclosed quoted cell.
inline CsvRows parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  CsvRows rows;
  std::vector<std::string> row;
  std::string cell;
  size_t i = 0;
  bool row_open = false;
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    rows.push_back(std::move(row));
    row.clear();
    row_open = false;
  };
  while (i < text.size()) {
    row_open = true;
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size())
          throw std::runtime_error("unclosed quoted cell");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw std::runtime_error("text after a quoted cell");
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
      if (text[i] == '"')
        throw std::runtime_error("a quote inside an unquoted cell");
      cell += text[i++];
    }
    if (i >= text.size())
      break;
    if (text[i] == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      ++i;
      continue;
    }
    if (text[i] == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n')
        throw std::runtime_error("a bare CR outside quotes");
      ++i;
    }
    ++i;  // '\n'
    end_row();
  }
  if (row_open)
    end_row();
  return rows;
}

/// The cells a spreadsheet would read as a formula: those starting with = + @ TAB CR, and those
/// starting with - that are not plain numbers (-10, -3.5).
inline std::vector<std::string> formula_cells(const CsvRows& rows) {
  static const std::regex number("-[0-9]+(\\.[0-9]+)?");
  std::vector<std::string> found;
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      if (cell.empty())
        continue;
      const char c = cell.front();
      if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' ||
          (c == '-' && !std::regex_match(cell, number)))
        found.push_back(cell);
    }
  }
  return found;
}

/// Whether the writer must neutralise `cell`: it is a formula cell by the rule above, or it
/// starts with a full-width ＝ ＋ ＠ － (which an input method may turn into a formula).
inline bool writer_must_neutralise(const std::string& cell) {
  for (const char* full_width : {"＝", "＋", "＠", "－"}) {
    if (cell.rfind(full_width, 0) == 0)
      return true;
  }
  return !formula_cells({{cell}}).empty();
}

}  // namespace tuijie::testing
