// Small UTF-8 helpers shared by the readers and the value parsers.
//
// All text inside the records stage is UTF-8 that text_decoding has already validated, so
// these helpers never see broken sequences from a file; they still treat any invalid byte
// as one character instead of reading past the end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tuijie::records {

/// Removes surrounding white space: ASCII space, tab, CR, LF, the full-width space U+3000,
/// NO-BREAK SPACE U+00A0 and a stray BOM U+FEFF (Excel leaves these in cells).
std::string_view trim(std::string_view text);

/// True when the text is empty after trim().
bool is_blank(std::string_view text);

/// Number of Unicode code points (what the contract's length limits count).
std::size_t count_characters(std::string_view text);

/// Maps full-width ASCII forms (U+FF01..U+FF5E) to ASCII and U+3000 to a space, so that
/// "２０２０／６／１２" and "１３８００１３８０００" parse like their ASCII spellings.
std::string fold_full_width(std::string_view text);

/// Lower-cases ASCII letters only (keys and spellings such as "Yes", "TRUE").
std::string ascii_lower(std::string_view text);

/// The form used to compare header cells with schema column names: full-width folded,
/// every white space removed, ASCII lower-cased. "联系 E-mail" and "联系e-mail" compare equal,
/// as do "收入（万元）" and "收入(万元)".
std::string header_form(std::string_view text);

/// Splits on "\n" (a preceding "\r" is dropped); always returns at least one line.
template <typename Out>
void split_lines(std::string_view text, Out out) {
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    out(line);
    if (end == std::string_view::npos) {
      return;
    }
    start = end + 1;
  }
}

/// Byte offset of the first control character (C0 other than tab, CR and LF; DEL; C1), or
/// std::string_view::npos. Such characters cannot be printed and come from bad copy and paste.
std::size_t find_control_character(std::string_view text);

/// Byte offset of the first private-use character (U+E000..U+F8FF, planes 15 and 16), or
/// std::string_view::npos. These are user-defined characters (造字) that no font prints.
std::size_t find_private_use_character(std::string_view text);

}  // namespace tuijie::records
