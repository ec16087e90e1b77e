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
  std::vector<GridCell> cells;  // the cells present, with their column numbers
};

// A whole decimal number as XLSX writes indexes and row numbers ("0", "17"): digits only, at
// most `max`. Anything else ("abc", "-1", "1e3", 20 digits) is nullopt, never a stand-in 0.
std::optional<long> parse_index(const std::string& text, long max) {
  if (text.empty() || text.size() > 12) {
    return std::nullopt;
  }
  long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  if (value > max) {
    return std::nullopt;
  }
  return value;
}

// A cell reference split into column letters and row digits ("AB12" -> 28, 12).
struct CellReference {
  long column = 0;  // 1-based; may exceed kExcelMaxColumns
  long row = 0;     // may exceed kExcelMaxRows
};

// nullopt unless `reference` is letters then digits, as Excel writes it; the numbers saturate
// just past Excel's limits so that the caller can name what is out of range.
std::optional<CellReference> parse_reference(const std::string& reference) {
  CellReference parsed;
  std::size_t i = 0;
  for (; i < reference.size(); ++i) {
    char c = reference[i];
    int letter = c >= 'A' && c <= 'Z' ? c - 'A' + 1 : c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
    if (letter == 0) {
      break;
    }
    parsed.column = std::min(parsed.column * 26 + letter, kExcelMaxColumns + 1);
  }
  std::size_t digits = i;
  for (; i < reference.size(); ++i) {
    char c = reference[i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    parsed.row = std::min(parsed.row * 10 + (c - '0'), kExcelMaxRows + 1);
  }
  if (digits == 0 || digits == reference.size() || parsed.row == 0) {
    return std::nullopt;
  }
  return parsed;
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
// Each row goes into `table` as soon as it ends, so no more than one row is held twice.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const XlsxWorkbook& workbook, std::size_t max_data_rows, SourceTable& table)
      : workbook_(workbook), max_data_rows_(max_data_rows), grid_(table) {}

  Diagnostics diagnostics;  // cell-level problems (row and column set, file left empty)
  bool stop = false;        // set when the data-row limit is passed: the stream then ends
  long stopped_at_row = 0;
  std::optional<Diagnostic> refusal;  // a row or cell no Excel sheet has: the stream then ends

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes& attributes) override {
    if (stop) {
      return;
    }
    if (local == "row") {
      start_row(xml_attribute(attributes, "r"));
    } else if (local == "c" && in_row_) {
      start_cell(xml_attribute(attributes, "r"), xml_attribute(attributes, "s"));
      type_ = xml_attribute(attributes, "t");
      text_.clear();
      in_cell_ = !stop;
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
    } else if (local == "row" && in_row_) {
      end_row();
    }
  }

  void characters(const XMLChar ch[], int start, int length) override {
    if (!in_text_ || stop) {
      return;
    }
    if (text_.size() + static_cast<std::size_t>(length) > kMaxCellTextBytes) {
      refuse(row_.row, column_, "",
             "单元格的文字超过 Excel 的上限 32767 个字符，不是 Excel 写出的工作表",
             "the cell's text is longer than Excel's limit of 32,767 characters");
      return;
    }
    text_.append(ch + start, static_cast<std::size_t>(length));
  }

 private:
  // Ends the stream: the sheet is not one Excel wrote, and nothing after this point is trusted.
  void refuse(long row, long column, const std::string& value, const std::string& zh,
              const std::string& en) {
    Diagnostic d = make_error("bad-xlsx", zh, en, "", value);
    d.row = row;
    d.column = column;
    refusal = std::move(d);
    stop = true;
  }

  // <row r="...">: r is optional (the next row), but when given must be a row Excel has.
  void start_row(const std::string& r) {
    long number = last_row_ + 1;
    if (!r.empty()) {
      std::optional<long> parsed = parse_index(r, kExcelMaxRows);
      if (!parsed || *parsed == 0) {
        bool digits = r.find_first_not_of("0123456789") == std::string::npos;
        if (digits) {
          refuse(
              kExcelMaxRows + 1, 0, r,
              "工作表的行号 " + r + " 超过 Excel 的上限 " + std::to_string(kExcelMaxRows) + " 行",
              "the sheet's row number " + r + " is past Excel's last row, " +
                  std::to_string(kExcelMaxRows));
        } else {
          refuse(last_row_ + 1, 0, r, "工作表的行号“" + r + "”不是正整数",
                 "the sheet's row number '" + r + "' is not a positive whole number");
        }
        return;
      }
      number = *parsed;
    } else if (number > kExcelMaxRows) {
      refuse(number, 0, "", "工作表超过 Excel 的上限 " + std::to_string(kExcelMaxRows) + " 行",
             "the sheet has more rows than Excel's " + std::to_string(kExcelMaxRows));
      return;
    }
    row_ = {number, {}};
    in_row_ = true;
    last_row_ = number;
    last_column_ = 0;
  }

  // <c r="..." s="...">: r is optional (the next column); s is the style, 0 when absent.
  void start_cell(const std::string& r, const std::string& s) {
    long row = row_.row;
    column_ = last_column_ + 1;
    if (!r.empty()) {
      std::optional<CellReference> reference = parse_reference(r);
      if (!reference) {
        refuse(row, last_column_ + 1, r, "单元格引用“" + r + "”无效（应为列字母加行号，如 B7）",
               "the cell reference '" + r + "' is not valid (column letters and a row, e.g. B7)");
        return;
      }
      column_ = reference->column;
    }
    if (column_ > kExcelMaxColumns) {
      refuse(row, column_, r,
             "单元格 " + r + " 超过 Excel 的最后一列 XFD（第 " + std::to_string(kExcelMaxColumns) +
                 " 列）",
             "the cell " + r + " is past Excel's last column, XFD (column " +
                 std::to_string(kExcelMaxColumns) + ")");
      return;
    }
    last_column_ = column_;
    style_ = 0;
    bad_style_.clear();
    if (!s.empty()) {
      std::optional<long> style = parse_index(s, 1L << 30);
      if (style) {
        style_ = *style;
      } else {
        bad_style_ = s;
      }
    }
  }

  void cell_problem(const std::string& value, const std::string& zh, const std::string& en) {
    Diagnostic d = make_error("bad-xlsx", zh, en, "", value);
    d.row = row_.row;
    d.column = column_;
    diagnostics.push_back(std::move(d));
  }

  void store_cell() {
    std::string value = cell_value();
    if (!value.empty()) {
      row_.cells.emplace_back(column_, std::move(value));
    }
  }

  std::string cell_value() {
    if (!bad_style_.empty()) {
      cell_problem(bad_style_, "单元格的样式编号“" + bad_style_ + "”不是非负整数，无法判断其格式",
                   "the cell's style index '" + bad_style_ +
                       "' is not a whole number, so its format is unknown");
      return {};
    }
    if (type_ == "s") {
      std::optional<long> index = parse_index(text_, 1L << 40);
      if (!index || static_cast<std::size_t>(*index) >= workbook_.shared_strings.size()) {
        std::string count = std::to_string(workbook_.shared_strings.size());
        cell_problem(text_,
                     "单元格引用了不存在的共享字符串“" + text_ + "”（共享字符串表有 " + count +
                         " 项，编号从 0 起）",
                     "the cell refers to a shared string '" + text_ +
                         "' that does not exist (the table has " + count +
                         " strings, numbered from 0)");
        return {};
      }
      return std::string(workbook_.shared_strings[static_cast<std::size_t>(*index)]);
    }
    if (type_ == "b") {
      return text_ == "1" ? "TRUE" : text_ == "0" ? "FALSE" : text_;
    }
    if ((type_.empty() || type_ == "n") &&
        static_cast<std::size_t>(style_) < workbook_.date_styles.size() &&
        workbook_.date_styles[static_cast<std::size_t>(style_)]) {
      if (std::optional<std::string> date = iso_date_of_serial(text_)) {
        return *date;
      }
    }
    return text_;  // numbers as stored, str (formula results), inlineStr, e (error values)
  }

  // Hands the finished row to the table, which drops blank rows. Once more non-blank data rows
  // than allowed were seen, nothing more is needed: the file is refused whatever follows, so
  // the stream is ended instead of reading up to a million rows.
  void end_row() {
    in_row_ = false;
    if (seen_header_) {
      bool blank = std::all_of(row_.cells.begin(), row_.cells.end(),
                               [](const GridCell& cell) { return trim(cell.second).empty(); });
      if (blank) {
        return;
      }
      ++data_rows_;
      if (max_data_rows_ > 0 && data_rows_ > max_data_rows_) {
        stop = true;
        stopped_at_row = row_.row;
        return;
      }
    }
    seen_header_ = true;
    grid_.add_row(row_.row, row_.cells);
  }

  const XlsxWorkbook& workbook_;
  std::size_t max_data_rows_;
  GridBuilder grid_;
  SheetRow row_;
  bool in_row_ = false;
  bool seen_header_ = false;
  std::size_t data_rows_ = 0;
  long last_row_ = 0;
  long last_column_ = 0;
  long column_ = 0;
  long style_ = 0;
  std::string bad_style_;  // the s attribute when it is not an index
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
  SheetHandler handler(workbook, max_data_rows, table);
  if (std::optional<Diagnostic> problem =
          parse_xlsx_part(archive, sheet.entry, handler, &handler.stop)) {
    return failed(std::move(table), *problem);
  }
  if (handler.refusal) {
    return failed(std::move(table), *handler.refusal);
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
