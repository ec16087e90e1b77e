#include "records/xlsx_reader.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "records/date_values.hpp"
#include "records/unicode_text.hpp"
#include "records/xlsx_workbook.hpp"

namespace tuijie::records {
namespace {

using Poco::XML::Attributes;
using Poco::XML::XMLChar;
using Poco::XML::XMLString;

struct SheetRow {
  long row = 0;
  std::vector<std::string> cells;  // by column, 0-based; gaps are empty strings
};

// "AB12" -> column 28 (1-based), or 0 when the reference has no letters.
long column_of_reference(const std::string& reference) {
  long column = 0;
  for (char c : reference) {
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + (c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      column = column * 26 + (c - 'a' + 1);
    } else {
      break;
    }
    if (column > 16384) {
      return 0;  // past Excel's last column XFD: not a reference Excel writes
    }
  }
  return column;
}

long to_long(const std::string& text) {
  try {
    return text.empty() ? 0 : std::stol(text);
  } catch (const std::exception&) {
    return 0;
  }
}

// A number in a date style as an ISO date; times of day are dropped (no field holds one).
std::optional<std::string> iso_date_of_serial(const std::string& number) {
  char* end = nullptr;
  double serial = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0' || !std::isfinite(serial) || serial < 1 ||
      serial > 2958466) {
    return std::nullopt;
  }
  std::optional<CivilDate> date = date_from_excel_serial(static_cast<long>(std::floor(serial)));
  if (!date) {
    return std::nullopt;
  }
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date->year, date->month, date->day);
  return std::string(text);
}

// Streams <sheetData>: rows and cells by reference, values resolved as the header describes.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const XlsxWorkbook& workbook, std::size_t max_data_rows)
      : workbook_(workbook), max_data_rows_(max_data_rows) {}

  std::vector<SheetRow> rows;
  Diagnostics diagnostics;  // cell-level problems (row and column set, file left empty)
  bool stop = false;        // set when the data-row limit is passed: the stream then ends
  long stopped_at_row = 0;

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes& attributes) override {
    if (stop) {
      return;
    }
    if (local == "row") {
      long number = to_long(xml_attribute(attributes, "r"));
      rows.push_back({number > 0 ? number : last_row_ + 1, {}});
      last_row_ = rows.back().row;
      last_column_ = 0;
    } else if (local == "c" && !rows.empty()) {
      long column = column_of_reference(xml_attribute(attributes, "r"));
      column_ = column > 0 ? column : last_column_ + 1;
      last_column_ = column_;
      type_ = xml_attribute(attributes, "t");
      style_ = to_long(xml_attribute(attributes, "s"));
      text_.clear();
      in_cell_ = true;
    } else if (in_cell_ && local == "rPh") {
      ++phonetic_depth_;
    } else if (in_cell_ && (local == "v" || (local == "t" && phonetic_depth_ == 0))) {
      in_text_ = true;
    }
  }

  void endElement(const XMLString&, const XMLString& local, const XMLString&) override {
    if (stop) {
      return;
    }
    if (local == "v" || local == "t") {
      in_text_ = false;
    } else if (local == "rPh") {
      --phonetic_depth_;
    } else if (local == "c" && in_cell_) {
      in_cell_ = false;
      store_cell();
    } else if (local == "row") {
      count_row();
    }
  }

  void characters(const XMLChar ch[], int start, int length) override {
    if (in_text_ && !stop) {
      text_.append(ch + start, static_cast<std::size_t>(length));
    }
  }

 private:
  void store_cell() {
    std::string value = cell_value();
    if (value.empty()) {
      return;
    }
    std::vector<std::string>& cells = rows.back().cells;
    if (cells.size() < static_cast<std::size_t>(column_)) {
      cells.resize(static_cast<std::size_t>(column_));
    }
    cells[static_cast<std::size_t>(column_ - 1)] = std::move(value);
  }

  std::string cell_value() {
    if (type_ == "s") {
      long index = to_long(text_);
      if (text_.empty() || index < 0 ||
          static_cast<std::size_t>(index) >= workbook_.shared_strings.size()) {
        Diagnostic d =
            make_error("bad-xlsx", "单元格引用了不存在的共享字符串",
                       "the cell refers to a shared string that does not exist", "", text_);
        d.row = rows.back().row;
        d.column = column_;
        diagnostics.push_back(std::move(d));
        return {};
      }
      return workbook_.shared_strings[static_cast<std::size_t>(index)];
    }
    if (type_ == "b") {
      return text_ == "1" ? "TRUE" : text_ == "0" ? "FALSE" : text_;
    }
    if ((type_.empty() || type_ == "n") && style_ >= 0 &&
        static_cast<std::size_t>(style_) < workbook_.date_styles.size() &&
        workbook_.date_styles[static_cast<std::size_t>(style_)]) {
      if (std::optional<std::string> date = iso_date_of_serial(text_)) {
        return *date;
      }
    }
    return text_;  // numbers as stored, str (formula results), inlineStr, e (error values)
  }

  // Once more non-blank data rows than allowed were seen, nothing more is needed: the file
  // is refused whatever follows, so the stream is ended instead of reading up to a million rows.
  void count_row() {
    SheetRow& row = rows.back();
    if (rows.size() == 1) {
      return;  // the header
    }
    bool blank = true;
    for (const std::string& cell : row.cells) {
      blank = blank && trim(cell).empty();
    }
    if (blank) {
      rows.pop_back();  // blank rows are ignored downstream; a million of them cost no memory
      return;
    }
    ++data_rows_;
    if (max_data_rows_ > 0 && data_rows_ > max_data_rows_) {
      stop = true;
      stopped_at_row = rows.back().row;
    }
  }

  const XlsxWorkbook& workbook_;
  std::size_t max_data_rows_;
  std::size_t data_rows_ = 0;
  long last_row_ = 0;
  long last_column_ = 0;
  long column_ = 0;
  long style_ = 0;
  std::string type_;
  std::string text_;
  bool in_cell_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

SourceTable failed(SourceTable table, Diagnostic problem) {
  if (problem.file.empty()) {
    problem.file = table.file;
  }
  if (problem.sheet.empty()) {
    problem.sheet = table.sheet;
  }
  table.columns.clear();
  table.rows.clear();
  table.diagnostics.push_back(std::move(problem));
  return table;
}

// One worksheet as a table; `table` names the file (and the sheet, when not the first).
SourceTable read_sheet(XlsxArchive& archive, const XlsxWorkbook& workbook, const XlsxSheet& sheet,
                       std::size_t max_data_rows, SourceTable table) {
  table.has_header_row = true;
  SheetHandler handler(workbook, max_data_rows);
  if (std::optional<Diagnostic> problem =
          parse_xlsx_part(archive, sheet.entry, handler, &handler.stop)) {
    return failed(std::move(table), *problem);
  }
  if (handler.stop) {
    std::string limit = std::to_string(max_data_rows);
    return failed(
        std::move(table),
        make_error("too-many-rows",
                   "工作表“" + sheet.name + "”的数据超过上限 " + limit + " 行（读到第 " +
                       std::to_string(handler.stopped_at_row) + " 行时停止），请拆分后分别导入",
                   "the sheet '" + sheet.name + "' has more data rows than the limit of " + limit +
                       " (reading stopped at row " + std::to_string(handler.stopped_at_row) +
                       "); split it and import the parts",
                   table.file));
  }
  for (Diagnostic& d : handler.diagnostics) {
    d.file = table.file;
    d.sheet = table.sheet;
    table.diagnostics.push_back(std::move(d));
  }
  if (!handler.rows.empty()) {
    table.header_row = handler.rows.front().row;
  }
  fill_from_grid(table, handler.rows);
  return table;
}

bool is_wanted(const std::string& sheet_name, const std::vector<std::string>& wanted) {
  std::string form = header_form(sheet_name);
  return std::any_of(wanted.begin(), wanted.end(),
                     [&form](const std::string& name) { return header_form(name) == form; });
}

}  // namespace

XlsxTables read_xlsx_tables(const std::string& bytes, const std::string& file,
                            const XlsxOptions& options) {
  XlsxTables tables;
  tables.first.file = file;
  tables.first.has_header_row = true;
  XlsxArchive archive(bytes, file, options.unpack);
  if (archive.problem()) {
    tables.first = failed(std::move(tables.first), *archive.problem());
    return tables;
  }
  XlsxWorkbook workbook;
  if (std::optional<Diagnostic> problem = read_xlsx_workbook(archive, workbook)) {
    tables.first = failed(std::move(tables.first), *problem);
    return tables;
  }
  if (workbook.sheets.empty()) {
    tables.first = failed(
        std::move(tables.first),
        make_error("bad-xlsx", "XLSX 文件中没有工作表", "the XLSX file has no worksheet", file));
    return tables;
  }
  tables.first = read_sheet(archive, workbook, workbook.sheets.front(), options.max_data_rows,
                            std::move(tables.first));
  for (std::size_t i = 1; i < workbook.sheets.size() && !is_unreadable(tables.first); ++i) {
    const XlsxSheet& sheet = workbook.sheets[i];
    if (!is_wanted(sheet.name, options.side_sheets)) {
      continue;
    }
    SourceTable side;
    side.file = file;
    side.sheet = sheet.name;
    side = read_sheet(archive, workbook, sheet, options.max_data_rows, std::move(side));
    if (is_unreadable(side)) {
      // A sheet the file needs cannot be read: the file as a whole cannot be imported.
      tables.first = failed(std::move(tables.first), side.diagnostics.back());
      tables.side_sheets.clear();
      break;
    }
    tables.side_sheets.push_back(std::move(side));
  }
  return tables;
}

SourceTable read_xlsx_table(const std::string& bytes, const std::string& file,
                            const XlsxOptions& options) {
  XlsxOptions first_only = options;
  first_only.side_sheets.clear();
  return read_xlsx_tables(bytes, file, first_only).first;
}

bool is_unreadable(const SourceTable& table) {
  return table.columns.empty() && table.rows.empty() && has_errors(table.diagnostics);
}

}  // namespace tuijie::records
