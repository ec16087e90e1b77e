#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <limits>

namespace tuijie::utf8 {

void decode_into(std::string_view text, std::u32string& out) {
  out.clear();
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // ICU indexes with int32_t; a single value of 2 GB is not a real input.
  const auto length =
      static_cast<int32_t>(std::min<std::size_t>(text.size(), std::numeric_limits<int32_t>::max()));
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    if (bytes[i] < 0x80) {  // ASCII fast path
      c = bytes[i++];
    } else {
      U8_NEXT(bytes, i, length, c);
      if (c < 0) {
        c = 0xFFFD;
      }
    }
    out.push_back(static_cast<char32_t>(c));
  }
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  decode_into(text, out);
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text)
    append(out, cp);
  return out;
}

size_t length(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++n;
  }
  return n;
}

}  // namespace tuijie::utf8
