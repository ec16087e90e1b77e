#include "text/break_opportunities.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>

#include "core/diagnostic.hpp"
#include "text/break_rules.hpp"

namespace tuijie::text {
namespace {

TuijieError icu_error(UErrorCode status) {
  return TuijieError(
      make_error("icu-line-break", std::string("ICU 断行数据不可用：") + u_errorName(status),
                 std::string("ICU line-break data is unavailable: ") + u_errorName(status)));
}

// Creating a line iterator loads and compiles rule data (about a millisecond); cloning the
// process-wide prototype is cheap, and each thread keeps its clone.
icu::BreakIterator& line_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status) || !it) {
      throw icu_error(status);
    }
    return it;
  }();
  thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

// UAX #14 opportunities from ICU. The text goes to ICU as UTF-16, its native form (about a
// third faster than a UTF-8 UText); the iterator's UTF-16 offsets are mapped back to code
// point indices.
void mark_icu_breaks(const std::u32string& text, std::vector<BreakKind>& breaks) {
  thread_local std::u16string utf16;
  utf16.clear();
  for (char32_t c : text) {
    if (c <= 0xFFFF) {
      utf16.push_back(static_cast<char16_t>(c));
    } else {
      utf16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      utf16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, utf16.data(), static_cast<int64_t>(utf16.size()), &status);
  icu::BreakIterator& it = line_iterator();
  it.setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    throw icu_error(status);
  }
  std::size_t i = 0;
  int32_t unit = 0;  // UTF-16 offset of text[i]
  for (int32_t at = it.next(); at != icu::BreakIterator::DONE; at = it.next()) {
    while (i < text.size() && unit < at) {
      unit += text[i++] > 0xFFFF ? 2 : 1;
    }
    if (i >= text.size()) {
      break;
    }
    breaks[i] = BreakKind::Allowed;
  }
  utext_close(&ut);
}

void demote(std::vector<BreakKind>& breaks, std::size_t at, BreakKind to) {
  if (at < breaks.size() && breaks[at] > to) {
    breaks[at] = to;
  }
}

// Finds tokens (runs of token characters, joined by joiners standing between them) and takes
// the ordinary breaks inside them away; a number keeps the unit that follows it.
void protect_tokens(const std::u32string& text, std::vector<BreakKind>& breaks) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (!rules::is_token_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    std::size_t end = i;
    for (;;) {
      while (end < n && rules::is_token_char(text[end])) {
        ++end;
      }
      std::size_t after_joiners = end;
      while (after_joiners < n && rules::is_token_joiner(text[after_joiners])) {
        ++after_joiners;
      }
      if (after_joiners == end || after_joiners == n ||
          !rules::is_token_char(text[after_joiners])) {
        break;
      }
      end = after_joiners;
    }
    for (std::size_t k = start + 1; k < end; ++k) {
      if (breaks[k] == BreakKind::Never) {
        continue;
      }
      breaks[k] =
          rules::is_token_break_after(text[k - 1]) ? BreakKind::TokenJoint : BreakKind::Character;
    }
    if (rules::is_digit(text[end - 1]) && end < n) {
      if (rules::is_ideograph(text[end])) {
        // "2019年", "35家", "3.2亿元": the number keeps its unit (and a magnitude's unit).
        demote(breaks, end, BreakKind::Character);
        if (rules::is_magnitude(text[end]) && end + 1 < n && rules::is_ideograph(text[end + 1])) {
          demote(breaks, end + 1, BreakKind::Character);
        }
      } else if (text[end] == U' ') {
        // "42 mm", "10 MB": a number and a short Latin unit after one space.
        std::size_t letters = end + 1;
        while (letters < n && rules::is_ascii_letter(text[letters])) {
          ++letters;
        }
        const std::size_t length = letters - (end + 1);
        if (length >= 1 && length <= 3 && (letters == n || !rules::is_token_char(text[letters]))) {
          demote(breaks, end + 1, BreakKind::Character);
        }
      }
    }
    i = end;
  }
}

}  // namespace

void find_break_opportunities(const std::u32string& text, std::vector<BreakKind>& breaks) {
  const std::size_t n = text.size();
  breaks.assign(n + 1, BreakKind::Character);
  breaks[0] = BreakKind::Never;
  if (n == 0) {
    return;
  }
  mark_icu_breaks(text, breaks);

  // UAX #14 LB19a (Unicode 15.1, after ICU 72): Chinese quotation marks may break on their
  // outer side next to East Asian text; ICU 72 glues them to both neighbours.
  for (std::size_t i = 1; i < n; ++i) {
    if ((rules::is_opening_quote(text[i]) && rules::is_east_asian(text[i - 1])) ||
        (rules::is_closing_quote(text[i - 1]) && rules::is_east_asian(text[i]))) {
      breaks[i] = BreakKind::Allowed;
    }
  }

  protect_tokens(text, breaks);

  // documents.md: no line starts with a closing mark or ends with an opening one. Since the
  // break before a closing mark is gone, the line breaks before the character ahead of it,
  // which goes down with it. ……/—— stay whole because … and — may not start a line.
  for (std::size_t i = 1; i < n; ++i) {
    if (rules::forbidden_at_line_start(text[i]) || rules::forbidden_at_line_end(text[i - 1])) {
      demote(breaks, i, BreakKind::LastResort);
    }
    if (rules::continues_cluster(text[i]) || text[i - 1] == U'\u200D') {
      breaks[i] = BreakKind::Never;
    }
  }
}

}  // namespace tuijie::text
