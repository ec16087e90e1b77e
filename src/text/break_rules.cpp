#include "text/break_rules.hpp"

#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>

namespace tuijie::text::rules {
namespace {

// The lists of documents.md, verbatim: the tests use exactly these.
constexpr std::u32string_view kNoStart = U"，。、；：？！）》」』】〕〗〉”’…—·%‰℃,.;:?!)]}%";
constexpr std::u32string_view kNoEnd = U"（《「『【〔〖〈“‘￥$#([{";

// ASCII members of a list as a 128-bit set: this is asked for every character of every field.
struct AsciiSet {
  uint64_t bits[2] = {0, 0};
  constexpr explicit AsciiSet(std::u32string_view chars) {
    for (char32_t c : chars) {
      if (c < 0x80) {
        bits[c >> 6] |= uint64_t{1} << (c & 63);
      }
    }
  }
  constexpr bool has(char32_t c) const { return (bits[c >> 6] >> (c & 63)) & 1; }
};

constexpr AsciiSet kNoStartAscii(kNoStart);
constexpr AsciiSet kNoEndAscii(kNoEnd);
constexpr AsciiSet kJoiners(U".-_@/:+&=?~#%'");
constexpr AsciiSet kTokenBreaksAfter(U"/.@-_?&=:");

// No character of either list lies in the ideograph and kana blocks: the common case (an
// ideograph) is answered by one comparison.
bool in_list(char32_t c, std::u32string_view list, const AsciiSet& ascii) {
  if (c < 0x80) {
    return ascii.has(c);
  }
  if (c >= 0x3400 && c < 0xFF00) {
    return false;
  }
  return list.find(c) != std::u32string_view::npos;
}

}  // namespace

bool forbidden_at_line_start(char32_t c) {
  return in_list(c, kNoStart, kNoStartAscii);
}

bool forbidden_at_line_end(char32_t c) {
  return in_list(c, kNoEnd, kNoEndAscii);
}

bool is_opening_quote(char32_t c) {
  return c == U'“' || c == U'‘';
}
bool is_closing_quote(char32_t c) {
  return c == U'”' || c == U'’';
}

bool is_east_asian(char32_t c) {
  if (c < 0x00B7) {
    return false;
  }
  if (c >= 0x4E00 && c <= 0x9FFF) {
    return true;
  }
  if (c == 0x00B7 || (c >= 0x2010 && c <= 0x2027)) {
    return true;  // · ‐ – — ‘ ’ “ ” …
  }
  int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

bool is_ideograph(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) {
    return true;
  }
  if (c < 0x2E80) {
    return false;
  }
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
}

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

bool is_magnitude(char32_t c) {
  return c == U'十' || c == U'百' || c == U'千' || c == U'万' || c == U'亿' || c == U'兆';
}

bool is_ascii_letter(char32_t c) {
  return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
}

bool is_token_char(char32_t c) {
  if (c < 0x80) {
    return is_digit(c) || is_ascii_letter(c);
  }
  if (c >= U'０' && c <= U'ｚ') {  // fullwidth digits and letters
    return is_digit(c) || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
  }
  // Other scripts' letters (é, ß, α, д); ideographs, kana and hangul are not token letters.
  return c < 0x2E80 && u_isalnum(static_cast<UChar32>(c));
}

bool is_token_joiner(char32_t c) {
  return c < 0x80 && kJoiners.has(c);
}

bool is_token_break_after(char32_t c) {
  return c < 0x80 && kTokenBreaksAfter.has(c);
}

bool is_breaking_space(char32_t c) {
  return c == U' ';
}

bool continues_cluster(char32_t c) {
  if (c < 0x0300 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3029) ||
      (c >= 0xFF00 && c <= 0xFF9D)) {
    return false;  // the common case: no combining marks in these blocks
  }
  int kind = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
  return kind == U_GCB_EXTEND || kind == U_GCB_SPACING_MARK || kind == U_GCB_ZWJ;
}

}  // namespace tuijie::text::rules
