// Reading an existing PDF's document information (Title, Keywords, ...) with QPDF, so that a
// printed document can be identified again (tuijie verify).
#pragma once

#include <map>
#include <string>

namespace tuijie::pdf {

/// The Info dictionary's text entries ("Title", "Keywords", ...) as UTF-8. Throws TuijieError
/// naming the file when it is missing or is not a readable PDF.
std::map<std::string, std::string> read_pdf_info(const std::string& path);

}  // namespace tuijie::pdf
