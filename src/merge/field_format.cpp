#include "merge/field_format.hpp"

#include <cstdlib>

namespace tuijie::merge {
namespace {

// "1975-03" or "2020-06-12" -> numbers without leading zeros, as Chinese dates are written.
std::string strip_zero(const std::string& digits) {
  size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0')
    ++i;
  return digits.substr(i);
}

std::string group_thousands(const std::string& number) {
  size_t dot = number.find('.');
  std::string whole = number.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : number.substr(dot);
  bool negative = !whole.empty() && whole[0] == '-';
  if (negative)
    whole.erase(0, 1);
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      out += ',';
    out += whole[i];
  }
  return (negative ? "-" : "") + out + frac;
}

}  // namespace

bool is_known_format(const std::string& format) {
  return format.empty() || format == "year-month" || format == "date" || format == "money" ||
         format == "integer" || format == "yes-no";
}

std::string format_value(const std::string& value, const std::string& format) {
  if (value.empty())
    return value;
  if (format == "year-month" && value.size() == 7 && value[4] == '-') {
    return value.substr(0, 4) + "年" + strip_zero(value.substr(5, 2)) + "月";
  }
  if (format == "date" && value.size() == 10 && value[4] == '-' && value[7] == '-') {
    return value.substr(0, 4) + "年" + strip_zero(value.substr(5, 2)) + "月" +
           strip_zero(value.substr(8, 2)) + "日";
  }
  if (format == "money" || format == "integer") {
    return group_thousands(value);
  }
  return value;
}

}  // namespace tuijie::merge
