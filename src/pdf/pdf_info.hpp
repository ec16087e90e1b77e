// Reading an existing PDF's document information (Title, Keywords, ...) with QPDF, so that a
// printed document can be identified again (tuijie verify).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace tuijie::pdf {

/// The Info dictionary's text entries ("Title", "Keywords", ...) as UTF-8. Throws TuijieError
/// naming the file when it is missing or is not a readable PDF.
std::map<std::string, std::string> read_pdf_info(const std::string& path);

/// The identity tuijie writes at the end of a document's Keywords: "… tuijie:NUMBER:HASH".
struct DocumentMark {
  std::string number;  // TJ-2020-E-0007
  std::string hash;    // the short hash as printed
};

/// The mark in a Keywords entry, if it has one.
std::optional<DocumentMark> document_mark(const std::string& keywords);

/// The mark of a PDF file; nullopt when it has none or is not a readable PDF.
std::optional<DocumentMark> read_document_mark(const std::string& path);

}  // namespace tuijie::pdf
