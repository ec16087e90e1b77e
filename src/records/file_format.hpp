// Which reader a record file needs, told from its content rather than its name: a CSV saved
// under .xlsx, a workbook renamed .csv, or a PDF picked by mistake are each recognised, so the
// user reads what the file is instead of a parser's complaint about bytes it never expected.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tuijie::records {

enum class FileFormat { Csv, Json, Xlsx, Unsupported };

struct SniffedFile {
  FileFormat format = FileFormat::Csv;
  std::string what_zh;  // what the content is, for messages: "CSV 文本文件", "PDF 文档"
  std::string what_en;  // "a CSV file (text)", "a PDF document"
};

/// What the bytes are. A ZIP holding xl/workbook.xml is XLSX; text starting with [ or { is
/// JSON; other text (UTF-8, GB18030 or UTF-16, which the decoder then refuses) is CSV;
/// old Excel (.xls), ODS, Word, PDF, images and other binaries are Unsupported.
SniffedFile sniff_file(std::string_view bytes);

/// The format a file name promises: .csv/.txt, .json, .xlsx; .xls/.ods are Unsupported;
/// nullopt for other names.
std::optional<FileFormat> format_of_name(const std::string& path);

/// "XLSX", "CSV", "JSON" for messages.
const char* format_name(FileFormat format);

}  // namespace tuijie::records
