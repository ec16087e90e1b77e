// UTF-8 <-> code points. Each ill-formed sequence (its maximal subpart, as ICU counts it)
// decodes to one U+FFFD, so that a bad byte is visible rather than silently dropped (input
// files are validated before they get here).
#pragma once

#include <string>
#include <string_view>

namespace tuijie::utf8 {

std::u32string decode(std::string_view text);
/// The same into `out` (replacing its contents), reusing its storage on hot paths.
void decode_into(std::string_view text, std::u32string& out);
std::string encode(std::u32string_view text);
void append(std::string& out, char32_t code_point);
/// Number of code points (what a length limit such as "≤ 100 chars" counts).
size_t length(std::string_view text);

}  // namespace tuijie::utf8
