// Text strings and dates as the PDF Info dictionary and outlines need them.
#pragma once

#include <string>
#include <string_view>

namespace tuijie::pdf {

/// True when `text` can be written as a plain literal string: printable ASCII only, which
/// PDFDocEncoding reads the same way.
bool is_plain_ascii(std::string_view text);

/// The bytes of a PDF text string for UTF-8 `text`: the byte order mark FE FF followed by
/// UTF-16BE (surrogate pairs above U+FFFF). Ill-formed UTF-8 becomes U+FFFD.
std::string utf16be_text_string(std::string_view text);

/// True for a PDF date string, "D:YYYY" optionally followed by MM, DD, HH, mm, SS and a
/// time zone "Z", "+HH'mm'" or "-HH'mm'" (PDF 32000-1, 7.9.4).
bool is_pdf_date(std::string_view date);

}  // namespace tuijie::pdf
