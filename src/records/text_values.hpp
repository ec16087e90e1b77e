// Free text, yes/no answers and choices from a fixed list.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "records/value_result.hpp"

namespace tuijie::records {

/// Trimmed text of at most `max_length` characters (code points; 0 = no limit). Line breaks
/// are kept only when `multiline`; control characters and private-use characters (造字) are
/// always errors, since they cannot be printed.
ParsedValue check_text(std::string_view text, std::size_t max_length, bool multiline);

/// 是/否, Y/N, yes/no, true/false, 1/0 (any case, full-width too) -> "是" or "否".
ParsedValue parse_yes_no(std::string_view text);

/// One of `values`. The match ignores white space, ASCII case and full-width forms, and the
/// canonical value is the spelling in `values`.
ParsedValue match_choice(std::string_view text, const std::vector<std::string>& values);

/// "A、B、C": how a list of allowed values is shown in messages.
std::string join_values(const std::vector<std::string>& values, std::string_view separator = "、");

}  // namespace tuijie::records
