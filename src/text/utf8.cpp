#include "text/utf8.hpp"

#include <unicode/utf8.h>

#include <limits>

namespace tuijie::text {

void decode_utf8(std::string_view utf8, std::u32string& text) {
  text.clear();
  text.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  // ICU indexes with int32_t; a single paragraph of 2 GB is not a real input.
  const auto length =
      static_cast<int32_t>(std::min<std::size_t>(utf8.size(), std::numeric_limits<int32_t>::max()));
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
    text.push_back(static_cast<char32_t>(c));
  }
}

}  // namespace tuijie::text
