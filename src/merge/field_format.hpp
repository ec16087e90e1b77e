// How a stored value prints on a form. The template names the format; values are canonical
// (records/record.hpp), so "1975-03" prints as 1975年3月 whatever the input file said.
#pragma once

#include <string>

namespace tuijie::merge {

/// Formats: "" (as stored), "year-month" (1975年3月), "date" (2020年6月12日),
/// "money" (3,500.5), "integer" (12,000), "yes-no" (是/否 as stored), "money:2" (3,500.50:
/// rounded as Excel's ROUND to that many decimals, 0 to 6, and always printed with them),
/// "number:2" (the same without thousands separators), "names" (a list such as
/// 南通市商务局、天津市商务局: a line breaks only between its items, never inside a name; a
/// name too long for any line still breaks).
/// An unknown format is a template error caught when the template is compiled.
std::string format_value(const std::string& canonical, const std::string& format);

/// A decimal text rounded half away from zero to `digits` decimals, in exact decimal
/// arithmetic (28.885 -> 28.89, 45 -> 45.00, -0.004 -> 0.00). Other text is returned as is.
std::string round_decimal(const std::string& value, int digits);

bool is_known_format(const std::string& format);

}  // namespace tuijie::merge
