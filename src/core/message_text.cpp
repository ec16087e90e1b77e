#include "core/message_text.hpp"

#include <cstdint>
#include <cstdio>

namespace tuijie::message_text {
namespace {

// One step through `text` at `i`: a well-formed UTF-8 sequence (its code point and length),
// or one ill-formed byte (length 1, `valid` false). Strict: no overlong forms, no surrogates,
// nothing above U+10FFFF, as the Unicode standard's table 3-7 has it.
struct Step {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

Step step_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    return {b0, 1, true};
  }
  std::size_t length = 0;
  char32_t cp = 0;
  std::uint8_t low = 0x80;
  std::uint8_t high = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0F;
    low = b0 == 0xE0 ? 0xA0 : 0x80;
    high = b0 == 0xED ? 0x9F : 0xBF;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07;
    low = b0 == 0xF0 ? 0x90 : 0x80;
    high = b0 == 0xF4 ? 0x8F : 0xBF;
  } else {
    return {};
  }
  if (i + length > text.size()) {
    return {};
  }
  for (std::size_t k = 1; k < length; ++k) {
    const std::uint8_t b = byte(i + k);
    if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) {
      return {};
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, length, true};
}

bool steers_terminal(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool steers_direction(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

void append_escaped(std::string& out, std::string_view text, std::size_t end) {
  char buffer[16];
  for (std::size_t i = 0; i < end;) {
    const Step s = step_at(text, i);
    if (!s.valid) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<std::uint8_t>(text[i]));
      out += buffer;
    } else if (s.code_point < 0x80 && steers_terminal(s.code_point)) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(s.code_point));
      out += buffer;
    } else if (steers_terminal(s.code_point) || steers_direction(s.code_point)) {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(s.code_point));
      out += buffer;
    } else {
      out.append(text, i, s.length);
    }
    i += s.length;
  }
}

}  // namespace

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, text.size());
  return out;
}

std::size_t char_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += step_at(text, i).length) {
    ++count;
  }
  return count;
}

std::string shown(std::string_view text, std::size_t max_chars, Lang lang, bool bilingual) {
  // Find where the `max_chars`-th character ends; a short text is shown whole.
  std::size_t end = 0;
  std::size_t kept = 0;
  while (end < text.size() && kept < max_chars) {
    end += step_at(text, end).length;
    ++kept;
  }
  std::string out;
  append_escaped(out, text, end);
  if (end == text.size()) {
    return out;
  }
  const std::string total = std::to_string(kept + char_count(text.substr(end)));
  if (bilingual) {
    return out + "…（共 " + total + " 个字符 / " + total + " characters in all）";
  }
  return out + (lang == Lang::Zh ? "…（共 " + total + " 个字符）"
                                 : "… (" + total + " characters in all)");
}

}  // namespace tuijie::message_text
