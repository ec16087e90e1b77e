// Where a line may break, and how acceptable each break is.
//
// ICU's UAX #14 line iterator (zh) gives the ordinary opportunities. documents.md then
// tightens them: no line starts with a closing mark or ends with an opening one (so a closing
// mark pulls the character before it down to the next line), ……/—— stay whole, and tokens
// (Latin words, numbers with their units, e-mail addresses, URLs, phone numbers, dates) are
// not split. The opportunities taken away are kept as weaker kinds, used only when a piece of
// text is wider than the whole line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tuijie::text {

/// How acceptable a break before a character is, weakest first. The line filler breaks at the
/// strongest kind found on the line, so a weaker kind is used only for text that does not fit
/// on a line of its own.
enum class BreakKind : uint8_t {
  Never,       // inside a character cluster (before a combining mark, after ZWJ)
  LastResort,  // would start a line with a closing mark or end one with an opening mark
  Character,   // between two characters of a token, or between a number and its unit
  TokenJoint,  // inside a token after / . @ - ...: where an overlong URL or address breaks
  Allowed,     // an ordinary line-break opportunity
};

/// Fills breaks[i] with the kind of a break before text[i], for 0 < i < text.size();
/// breaks[0] is Never. Uses one ICU line iterator per thread, cloned on first use. Throws
/// TuijieError when ICU has no line-break data.
void find_break_opportunities(const std::u32string& text, std::vector<BreakKind>& breaks);

}  // namespace tuijie::text
