#include "records/unicode_text.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace tuijie::records {
namespace {

// Code point at `pos`, advancing `pos`; invalid bytes come back as U+FFFD, one byte each.
UChar32 next_code_point(std::string_view text, std::size_t& pos) {
  UChar32 c = 0;
  auto i = static_cast<int32_t>(pos);
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), i,
                  static_cast<int32_t>(text.size()), c);
  pos = static_cast<std::size_t>(i);
  return c;
}

bool is_trimmed_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 || c == 0xFEFF;
}

}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!is_trimmed_space(next_code_point(text, next))) {
      break;
    }
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    auto i = static_cast<int32_t>(end);
    UChar32 c = 0;
    U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(begin), i,
                    c);
    if (!is_trimmed_space(c)) {
      break;
    }
    end = static_cast<std::size_t>(i);
  }
  return text.substr(begin, end - begin);
}

bool is_blank(std::string_view text) {
  return trim(text).empty();
}

std::size_t count_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) {
    next_code_point(text, pos);
  }
  return count;
}

std::string fold_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    UChar32 c = next_code_point(text, pos);
    if (c >= 0xFF01 && c <= 0xFF5E) {
      out += static_cast<char>(c - 0xFF01 + 0x21);
    } else if (c == 0x3000) {
      out += ' ';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    }
  }
  return out;
}

std::string header_form(std::string_view text) {
  std::string folded = fold_full_width(text);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t pos = 0; pos < folded.size();) {
    std::size_t start = pos;
    UChar32 c = next_code_point(folded, pos);
    if (!is_trimmed_space(c)) {
      out.append(folded, start, pos - start);
    }
  }
  return ascii_lower(out);
}

std::size_t find_control_character(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    UChar32 c = next_code_point(text, pos);
    bool c0 = c < 0x20 && c != '\t' && c != '\r' && c != '\n';
    if (c0 || (c >= 0x7F && c <= 0x9F)) {
      return start;
    }
  }
  return std::string_view::npos;
}

std::size_t find_private_use_character(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    UChar32 c = next_code_point(text, pos);
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) {
      return start;
    }
  }
  return std::string_view::npos;
}

}  // namespace tuijie::records
