// What the hostile-message tests demand of text printed to a terminal.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string>

namespace tuijie::testing {

/// Well-formed UTF-8 with no character a terminal or the reading direction acts on: C0
/// controls (but line feeds, when `line_feeds` allows the ones between messages), DEL, C1 and
/// the bidi controls.
inline bool terminal_safe(const std::string& text, bool line_feeds = false) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0 || (c < 0x20 && !(line_feeds && c == '\n')) || c == 0x7F ||
        (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      return false;
  }
  return true;
}

}  // namespace tuijie::testing
