// Counts, money and percentages as written in Excel cells.
//
// Thousands separators are accepted when they group by three ("3,500.5", "3，500.5",
// "1,200"); full-width digits too. Canonical forms are decimal strings computed without
// floating point, so nothing is rounded: "3,500.50" -> "3500.5", "007" -> "7", "5.0" -> "5".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "records/value_result.hpp"

namespace tuijie::records {

/// A whole number >= 0 (head counts, patents). Negative values, fractions and numbers of
/// more than 15 digits are errors.
ParsedValue parse_count(std::string_view text);

/// A decimal number >= 0 (money, areas). With `percent`, a trailing "%" or "％" is allowed and
/// dropped ("85.5％" -> "85.5").
ParsedValue parse_decimal(std::string_view text, bool percent = false);

/// Moves the decimal point of a canonical decimal: shift_decimal("35000", -4) == "3.5"
/// (yuan -> 万元). The result is canonical again.
std::string shift_decimal(std::string_view canonical, int places);

/// The value of a canonical decimal, for range checks only.
double decimal_value(std::string_view canonical);

}  // namespace tuijie::records
