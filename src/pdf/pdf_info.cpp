#include "pdf/pdf_info.hpp"

// qpdf 11: use std::shared_ptr, not its old PointerHolder (and say so, or it warns).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <exception>

#include "core/diagnostic.hpp"

namespace tuijie::pdf {

std::map<std::string, std::string> read_pdf_info(const std::string& path) {
  std::map<std::string, std::string> entries;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (!info.isDictionary())
      return entries;
    for (const std::string& key : info.getKeys()) {
      QPDFObjectHandle value = info.getKey(key);
      if (value.isString())
        entries[key.substr(1)] = value.getUTF8Value();  // "/Keywords" -> "Keywords"
    }
  } catch (const std::exception& e) {
    throw TuijieError(make_error("pdf-unreadable", std::string("无法读取 PDF：") + e.what(),
                                 std::string("cannot read the PDF: ") + e.what(), path));
  }
  return entries;
}

std::optional<DocumentMark> document_mark(const std::string& keywords) {
  const std::string tag = "tuijie:";
  const size_t at = keywords.rfind(tag);
  if (at == std::string::npos)
    return std::nullopt;
  const size_t end = keywords.find(' ', at);
  const std::string token = keywords.substr(
      at + tag.size(), end == std::string::npos ? std::string::npos : end - at - tag.size());
  const size_t colon = token.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == token.size())
    return std::nullopt;
  return DocumentMark{token.substr(0, colon), token.substr(colon + 1)};
}

std::optional<DocumentMark> read_document_mark(const std::string& path) {
  try {
    const auto info = read_pdf_info(path);
    const auto keywords = info.find("Keywords");
    return keywords == info.end() ? std::nullopt : document_mark(keywords->second);
  } catch (const TuijieError&) {
    return std::nullopt;
  }
}

}  // namespace tuijie::pdf
