#include "records/import.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <tuple>
#include <utility>

#include "records/csv_reader.hpp"
#include "records/entry_sheets.hpp"
#include "records/file_format.hpp"
#include "records/json_reader.hpp"
#include "records/table_validation.hpp"
#include "records/text_decoding.hpp"
#include "records/unicode_text.hpp"
#include "records/xlsx_reader.hpp"

namespace tuijie::records {
namespace {

// The schema named by --kind, or the one whose fields the columns name most.
const Schema* resolve_kind(const SchemaSet& schemas, const SourceTable& table,
                           const std::string& kind, Diagnostics& out) {
  std::string kinds;
  for (const Schema& schema : schemas.schemas) {
    kinds += (kinds.empty() ? "" : ", ") + schema.kind;
  }
  if (!kind.empty()) {
    if (const Schema* schema = schemas.find(kind)) {
      return schema;
    }
    out.push_back(make_error("unknown-kind", "未知的记录种类（可用：" + kinds + "）",
                             "unknown kind of record (known: " + kinds + ")", table.file, kind));
    return nullptr;
  }
  const Schema* best = nullptr;
  std::size_t best_score = 0;
  bool tie = false;
  for (const Schema& schema : schemas.schemas) {
    if (!schema.inferred_from_header)
      continue;
    std::size_t score = count_matching_columns(schema, table);
    if (score > best_score) {
      best = &schema;
      best_score = score;
      tie = false;
    } else if (score == best_score && score > 0) {
      tie = true;
    }
  }
  if (best == nullptr || tie) {
    out.push_back(
        make_error("unknown-kind", "无法从列名判断记录种类，请用 --kind 指定（" + kinds + "）",
                   "cannot tell the kind of record from the columns; give --kind (" + kinds + ")",
                   table.file));
    return nullptr;
  }
  return best;
}

XlsxOptions xlsx_options(const SchemaSet& schemas) {
  XlsxOptions options;
  options.unpack.max_entry_bytes = schemas.max_unpacked_entry_bytes;
  options.unpack.max_total_bytes = schemas.max_unpacked_total_bytes;
  options.max_data_rows = schemas.max_data_rows;
  options.side_sheets = entry_sheet_names(schemas);
  return options;
}

bool needs_campaign_date(const Schema& schema) {
  for (const FieldSpec& field : schema.fields) {
    if (field.age) {
      return true;
    }
  }
  return false;
}

}  // namespace

ImportResult read_records(const std::string& path, const SchemaSet& schemas,
                          const ImportOptions& options) {
  ImportResult result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.diagnostics.push_back(make_error(Category::MissingInput, "cannot-read", "无法打开文件",
                                            "cannot open the file", path));
    return result;
  }
  // Read at the file's size: growing a string by doubling would hold up to twice the file.
  std::string bytes;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }

  // The content decides the reader; a name that promises another format gets a warning.
  SniffedFile content = sniff_file(bytes);
  std::optional<FileFormat> named = format_of_name(path);
  if (named == FileFormat::Xlsx && bytes.starts_with("PK")) {
    // A ZIP named .xlsx is read as the workbook it claims to be, even when cut short before
    // it names its parts: the XLSX reader then says what is missing or broken.
    content = {FileFormat::Xlsx, "XLSX 工作簿", "an XLSX workbook"};
  }
  if (content.format == FileFormat::Unsupported) {
    result.diagnostics.push_back(
        make_error("unsupported-format",
                   "文件是" + content.what_zh +
                       "，不是 CSV、JSON 或 XLSX 记录文件；请在 Excel 中另存为 XLSX 或 CSV",
                   "the file is " + content.what_en +
                       ", not a CSV, JSON or XLSX record file; save it from Excel as XLSX or CSV",
                   path));
    return result;
  }
  FileFormat format = content.format;
  if (named && *named != format) {
    std::string name = *named == FileFormat::Unsupported ? "XLS/ODS" : format_name(*named);
    Diagnostic d =
        make_error("format-mismatch",
                   "这是" + content.what_zh + "，不是文件名所示的 " + name + " 文件；已按内容读取",
                   "this is " + content.what_en + ", not the " + name +
                       " file its name says; it was read as what it is",
                   path);
    d.severity = Severity::Warning;
    result.diagnostics.push_back(std::move(d));
  }
  SourceTable table;
  std::vector<SourceTable>
      entry_sheets;  // XLSX sheets of entries (履历), checked once the kind is known
  if (format == FileFormat::Xlsx) {
    XlsxTables tables = read_xlsx_tables(bytes, path, xlsx_options(schemas));
    table = std::move(tables.first);
    entry_sheets = std::move(tables.side_sheets);
    result.encoding = "UTF-8";  // XLSX text is always Unicode
    if (is_unreadable(table)) {
      // The file could not be read at all.
      result.diagnostics.insert(result.diagnostics.end(), table.diagnostics.begin(),
                                table.diagnostics.end());
      return result;
    }
    for (const SourceTable& sheet : entry_sheets) {
      result.diagnostics.insert(result.diagnostics.end(), sheet.diagnostics.begin(),
                                sheet.diagnostics.end());
    }
  } else {
    DecodedText text = decode_owned_text(std::move(bytes), options.encoding, path);
    result.diagnostics.insert(result.diagnostics.end(), text.diagnostics.begin(),
                              text.diagnostics.end());
    if (has_errors(result.diagnostics)) {
      // `bytes` is still whole when decoding failed: place a bad byte at its row and column.
      for (Diagnostic& d : result.diagnostics) {
        if (format == FileFormat::Csv && d.code == "bad-encoding" && d.byte_offset >= 0) {
          CsvPosition at = csv_position_of_byte(bytes, static_cast<std::size_t>(d.byte_offset));
          d.row = at.row;
          d.column = at.column;
        }
      }
      return result;
    }
    result.encoding = encoding_display_name(text.encoding);
    table = format == FileFormat::Json ? read_json_table(text.utf8, path)
                                       : read_csv_table(text.utf8, path);
  }
  result.diagnostics.insert(result.diagnostics.end(), table.diagnostics.begin(),
                            table.diagnostics.end());
  if (table.columns.empty() && table.rows.empty() && !has_errors(result.diagnostics)) {
    result.diagnostics.push_back(make_error("empty-file", "文件是空的", "the file is empty", path));
    return result;
  }
  const Schema* schema = resolve_kind(schemas, table, options.kind, result.diagnostics);
  if (schema == nullptr) {
    return result;
  }
  result.kind = schema->kind;
  Diagnostics sheet_problems = attach_entry_sheets(table, entry_sheets, *schema);
  result.diagnostics.insert(result.diagnostics.end(), sheet_problems.begin(), sheet_problems.end());

  FieldContext context;
  context.base_directory = std::filesystem::path(path).parent_path().string();
  context.probe_photo = options.probe_photo;
  context.max_photo_pixels = schemas.max_photo_pixels;
  if (!options.campaign_date.empty()) {
    ParsedValue date = parse_date(options.campaign_date);
    if (date.ok()) {
      context.campaign_date = read_canonical_date(date.value);
    } else {
      result.diagnostics.push_back(make_error("bad-campaign-date", "活动日期无效，年龄无法核对",
                                              "the campaign date is not valid; ages cannot be "
                                              "checked",
                                              path, options.campaign_date));
    }
  } else if (needs_campaign_date(*schema)) {
    Diagnostic d = make_error("no-campaign-date", "未给出活动日期，未核对年龄",
                              "no campaign date was given; ages were not checked", path);
    d.severity = Severity::Warning;
    result.diagnostics.push_back(std::move(d));
  }

  TableResult checked = validate_table(table, *schema, schemas.max_data_rows, context);
  result.diagnostics.insert(result.diagnostics.end(),
                            std::make_move_iterator(checked.diagnostics.begin()),
                            std::make_move_iterator(checked.diagnostics.end()));
  result.records = std::move(checked.records);
  result.record_rows = std::move(checked.record_rows);
  result.data_rows = checked.data_rows;
  if (result.data_rows == 0 && !has_errors(result.diagnostics)) {
    Diagnostic d =
        make_error("no-data", "文件只有表头，没有数据行", "the file has no data rows", path);
    d.severity = Severity::Warning;
    result.diagnostics.push_back(std::move(d));
  }
  // File-level problems first, then row by row as the user reads the file, sheet after sheet.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.sheet, a.row) < std::tie(b.sheet, b.row);
                   });
  return result;
}

std::set<long> rows_with_errors(const Diagnostics& diagnostics, const std::string& sheet) {
  std::set<long> rows;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error && d.sheet == sheet) {
      rows.insert(d.row);
    }
  }
  return rows;
}

std::size_t count_rows_with_errors(const Diagnostics& diagnostics) {
  std::set<std::pair<std::string, long>> rows;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error) {
      rows.emplace(d.sheet, d.row);
    }
  }
  return rows.size();
}

}  // namespace tuijie::records
