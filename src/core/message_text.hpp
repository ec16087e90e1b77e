// Text from input files, shown in messages on a terminal.
//
// A value read from a file may hold anything: an ESC sequence that retitles the window or
// clears the screen, a right-to-left override that makes "gpj.exe" read "exe.jpg", or 30 MB
// of an unclosed quoted cell. Messages show such text escaped and cut, never raw; the data
// itself is stored and printed unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tuijie::message_text {

/// How many characters of an offending value a message shows.
inline constexpr std::size_t kValueChars = 80;

/// `text` with every character that steers a terminal or the reading direction written as an
/// escape: C0 controls (tab and line feed too) and DEL as `\x1b`, C1 controls (U+0080–U+009F)
/// and the bidi controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) and the line and
/// paragraph separators (U+2028/9) as `\u202e`, and each byte that is not part of well-formed
/// UTF-8 as `\xff`. Everything else, Chinese included, is kept.
std::string escape_controls(std::string_view text);

/// Number of characters as escape_controls and shown() count them: code points, with each
/// ill-formed byte one character.
std::size_t char_count(std::string_view text);

/// escape_controls(`text`), cut after `max_chars` characters (never inside a UTF-8 sequence)
/// and then marked with the full length: "…（共 123456 个字符）" / "… (123456 characters in
/// all)"; both languages when `bilingual`.
std::string shown(std::string_view text, std::size_t max_chars, Lang lang, bool bilingual = false);

}  // namespace tuijie::message_text
