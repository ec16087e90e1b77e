// UTF-8 to code points.
#pragma once

#include <string>
#include <string_view>

namespace tuijie::text {

/// Decodes `utf8` into `text` (replacing its contents). Each ill-formed sequence (its maximal
/// subpart, as ICU counts it) becomes one U+FFFD.
void decode_utf8(std::string_view utf8, std::u32string& text);

}  // namespace tuijie::text
