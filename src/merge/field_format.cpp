#include "merge/field_format.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"

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

// The province-level division an address starts with: 天津市滨海新区… -> 天津市,
// 广西壮族自治区南宁市… -> 广西壮族自治区. "" when the address does not start with one.
std::string leading_region(const std::string& address) {
  constexpr size_t kLongestName = 8 * 3;  // 新疆维吾尔自治区: 8 characters of 3 UTF-8 bytes
  size_t best = std::string::npos;
  for (const char* suffix : {"特别行政区", "自治区", "省", "市"}) {
    const size_t at = address.find(suffix);
    if (at != std::string::npos && at + std::string_view(suffix).size() <= kLongestName)
      best = std::min(best, at + std::string_view(suffix).size());
  }
  return best == std::string::npos ? std::string() : address.substr(0, best);
}

// "money:2" -> 2; -1 when the format names no precision or a bad one.
int precision_of(const std::string& format, const std::string& name) {
  if (format.size() != name.size() + 2 || format.compare(0, name.size(), name) != 0 ||
      format[name.size()] != ':' || format.back() < '0' || format.back() > '6')
    return -1;
  return format.back() - '0';
}

bool is_decimal(const std::string& value) {
  size_t i = value[0] == '-' ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < value.size(); ++i) {
    if (value[i] == '.')
      ++dots;
    else if (value[i] >= '0' && value[i] <= '9')
      ++digits;
    else
      return false;
  }
  return digits > 0 && dots <= 1;
}

// A word joiner (U+2060) between every two characters of each item: line breaking (UAX 14)
// never breaks next to one, and it is never drawn. Items end at list punctuation and spaces.
std::string join_names(const std::string& value) {
  static const std::u32string separators = U"、，,；; \n\u3000";
  const std::u32string text = utf8::decode(value);
  std::u32string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool inside = i > 0 && separators.find(text[i - 1]) == std::u32string::npos &&
                        separators.find(text[i]) == std::u32string::npos;
    if (inside)
      out += U'\u2060';
    out += text[i];
  }
  return utf8::encode(out);
}

}  // namespace

std::string round_decimal(const std::string& value, int digits) {
  if (value.empty() || !is_decimal(value))
    return value;
  const bool negative = value[0] == '-';
  const std::string number = negative ? value.substr(1) : value;
  const size_t dot = number.find('.');
  std::string whole = number.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : number.substr(dot + 1);
  if (whole.empty())
    whole = "0";
  const bool up =
      fraction.size() > static_cast<size_t>(digits) && fraction[static_cast<size_t>(digits)] >= '5';
  fraction.resize(static_cast<size_t>(digits), '0');
  // Half away from zero, as Excel's ROUND: the kept digits plus one in the last place.
  std::string kept = whole + fraction;
  if (up) {
    size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9')
      kept[--i] = '0';
    if (i == 0)
      kept.insert(0, "1");
    else
      ++kept[i - 1];
  }
  const size_t whole_size = kept.size() - static_cast<size_t>(digits);
  std::string out = kept.substr(0, whole_size);
  if (digits > 0)
    out += "." + kept.substr(whole_size);
  const bool zero = out.find_first_not_of("0.") == std::string::npos;
  return (negative && !zero ? "-" : "") + out;
}

bool is_known_format(const std::string& format) {
  return format.empty() || format == "year-month" || format == "date" || format == "money" ||
         format == "integer" || format == "yes-no" || format == "region" || format == "names" ||
         precision_of(format, "money") >= 0 || precision_of(format, "number") >= 0;
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
  if (format == "region")
    return leading_region(value);
  if (format == "names")
    return join_names(value);
  if (format == "money" || format == "integer") {
    return group_thousands(value);
  }
  if (const int digits = precision_of(format, "money"); digits >= 0)
    return group_thousands(round_decimal(value, digits));
  if (const int digits = precision_of(format, "number"); digits >= 0)
    return round_decimal(value, digits);
  return value;
}

}  // namespace tuijie::merge
