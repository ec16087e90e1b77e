#include "records/number_values.hpp"

#include <charconv>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

constexpr std::size_t kMaxDigits = 15;  // exact in a double, and far above any real count

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Removes well-placed thousands separators from the integer part; nullopt when a separator
// is misplaced ("3,50") or a character is not a digit.
std::optional<std::string> integer_digits(std::string_view s) {
  std::string digits;
  std::size_t group = 0;  // digits since the last separator
  bool grouped = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      digits += s[i];
      ++group;
    } else if (s[i] == ',') {
      if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) {
        return std::nullopt;
      }
      grouped = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || (grouped && group != 3)) {
    return std::nullopt;
  }
  return digits;
}

std::string strip_leading_zeros(std::string digits) {
  std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

std::string strip_trailing_zeros(std::string digits) {
  std::size_t last = digits.find_last_not_of('0');
  return last == std::string::npos ? "" : digits.substr(0, last + 1);
}

ParsedValue not_a_number(bool whole) {
  return whole ? rejected("bad-number", "不是有效的整数", "not a whole number")
               : rejected("bad-number", "不是有效的数字", "not a valid number");
}

// Shared by counts and decimals: folds, trims, refuses signs; returns the integer and
// fraction digit strings.
struct NumberParts {
  std::string whole;
  std::string fraction;
};

std::optional<NumberParts> split_number(const std::string& s, ParsedValue& error, bool whole) {
  if (s.starts_with('-') || s.starts_with("−")) {
    error = rejected("negative-number", "不能为负数", "must not be negative");
    return std::nullopt;
  }
  std::size_t dot = s.find('.');
  std::string_view integer_part = std::string_view(s).substr(0, dot);
  std::string_view fraction_part =
      dot == std::string::npos ? std::string_view() : std::string_view(s).substr(dot + 1);
  std::optional<std::string> digits = integer_part.empty() && dot != std::string::npos
                                          ? std::string("0")
                                          : integer_digits(integer_part);
  for (char c : fraction_part) {
    if (!is_digit(c)) {
      digits.reset();
    }
  }
  if (!digits || (dot != std::string::npos && fraction_part.empty() && integer_part.empty())) {
    error = not_a_number(whole);
    return std::nullopt;
  }
  NumberParts parts{strip_leading_zeros(*digits), strip_trailing_zeros(std::string(fraction_part))};
  if (parts.whole.size() > kMaxDigits) {
    error = rejected("number-too-large", "数字过大", "the number is too large");
    return std::nullopt;
  }
  return parts;
}

std::string folded_number(std::string_view text) {
  // Folding turns the full-width comma in "3，500" into ",".
  std::string s = fold_full_width(trim(text));
  return std::string(trim(s));
}

}  // namespace

ParsedValue parse_count(std::string_view text) {
  std::string s = folded_number(text);
  ParsedValue error;
  std::optional<NumberParts> parts = split_number(s, error, true);
  if (!parts) {
    return error;
  }
  if (!parts->fraction.empty()) {
    return rejected("not-whole-number", "应为整数", "must be a whole number");
  }
  return accepted(parts->whole);
}

ParsedValue parse_decimal(std::string_view text, bool percent) {
  std::string s = folded_number(text);
  if (percent && s.ends_with('%')) {
    s.pop_back();
    s = std::string(trim(s));
  }
  ParsedValue error;
  std::optional<NumberParts> parts = split_number(s, error, false);
  if (!parts) {
    return error;
  }
  return accepted(parts->fraction.empty() ? parts->whole : parts->whole + "." + parts->fraction);
}

std::string shift_decimal(std::string_view canonical, int places) {
  std::size_t dot = canonical.find('.');
  std::string whole(canonical.substr(0, dot));
  std::string fraction(dot == std::string_view::npos ? "" : canonical.substr(dot + 1));
  for (; places > 0; --places) {
    whole += fraction.empty() ? '0' : fraction.front();
    if (!fraction.empty()) {
      fraction.erase(0, 1);
    }
  }
  for (; places < 0; ++places) {
    fraction.insert(fraction.begin(), whole.empty() ? '0' : whole.back());
    if (!whole.empty()) {
      whole.pop_back();
    }
  }
  whole = strip_leading_zeros(whole);
  fraction = strip_trailing_zeros(fraction);
  return fraction.empty() ? whole : whole + "." + fraction;
}

double decimal_value(std::string_view canonical) {
  double value = 0;
  std::from_chars(canonical.data(), canonical.data() + canonical.size(), value);
  return value;
}

}  // namespace tuijie::records
