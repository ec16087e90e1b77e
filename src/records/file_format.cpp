#include "records/file_format.hpp"

#include <cstdint>
#include <filesystem>
#include <span>

#include "image/format_sniff.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

SniffedFile unsupported(std::string zh, std::string en) {
  return {FileFormat::Unsupported, std::move(zh), std::move(en)};
}

// A ZIP archive: an XLSX workbook names its parts in the local headers and the directory.
SniffedFile sniff_zip(std::string_view bytes) {
  if (bytes.find("xl/workbook.xml") != std::string_view::npos) {
    return {FileFormat::Xlsx, "XLSX 工作簿", "an XLSX workbook"};
  }
  if (bytes.find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos) {
    return unsupported("OpenDocument 电子表格（.ods）", "an OpenDocument spreadsheet (.ods)");
  }
  if (bytes.find("word/document.xml") != std::string_view::npos) {
    return unsupported("Word 文档（.docx）", "a Word document (.docx)");
  }
  return unsupported("ZIP 压缩包，但不是 Excel 工作簿",
                     "a ZIP archive that is not an Excel workbook");
}

}  // namespace

SniffedFile sniff_file(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    return sniff_zip(bytes);
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return unsupported("旧版 Excel 97-2003 工作簿（.xls）或加密的文件",
                       "an Excel 97-2003 workbook (.xls) or a password-protected file");
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return {FileFormat::Csv, "UTF-16 文本文件", "a UTF-16 text file"};  // the decoder says more
  }
  std::string_view head = bytes.substr(0, image::kSniffBytes);
  image::SniffResult image = image::sniff_format(std::span<const std::uint8_t>(
      reinterpret_cast<const std::uint8_t*>(head.data()), head.size()));
  if (image.format == image::Format::Jpeg) {
    return unsupported("JPEG 图像", "a JPEG image");
  }
  if (image.format == image::Format::Png) {
    return unsupported("PNG 图像", "a PNG image");
  }
  if (image.other_name == "PDF") {
    return unsupported("PDF 文档", "a PDF document");
  }
  // "BM" also starts ordinary text ("BMI,..."); a real BMP has NUL bytes in its header.
  bool text_like_bmp = image.other_name == "BMP" && head.find('\0') == std::string_view::npos;
  if (!image.other_name.empty() && !text_like_bmp) {
    return unsupported(image.other_name + " 图像", "a " + image.other_name + " image");
  }
  // Text never holds a NUL byte (UTF-16 was handled above).
  if (bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
    return unsupported("二进制文件", "a binary file");
  }
  std::string_view text = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
    return {FileFormat::Json, "JSON 文本文件", "a JSON file (text)"};
  }
  return {FileFormat::Csv, "CSV 文本文件", "a CSV file (text)"};
}

std::optional<FileFormat> format_of_name(const std::string& path) {
  std::string extension = ascii_lower(std::filesystem::path(path).extension().string());
  if (extension == ".csv" || extension == ".txt") {
    return FileFormat::Csv;
  }
  if (extension == ".json") {
    return FileFormat::Json;
  }
  if (extension == ".xlsx") {
    return FileFormat::Xlsx;
  }
  if (extension == ".xls" || extension == ".ods") {
    return FileFormat::Unsupported;
  }
  return std::nullopt;
}

const char* format_name(FileFormat format) {
  switch (format) {
    case FileFormat::Csv:
      return "CSV";
    case FileFormat::Json:
      return "JSON";
    case FileFormat::Xlsx:
      return "XLSX";
    default:
      return "?";
  }
}

}  // namespace tuijie::records
