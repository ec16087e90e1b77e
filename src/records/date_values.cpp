#include "records/date_values.hpp"

#include <charconv>
#include <cstdio>
#include <vector>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool all_digits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Civil date -> days since 1970-01-01 (Howard Hinnant's days_from_civil), and back.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return {y, m, d};
}

// Splits "2020-6-12" / "2020/6/12" / "2020.6.12" (one separator kind throughout) or
// "2020年6月12日" into its digit groups; empty on any other shape.
std::vector<std::string_view> date_parts(std::string_view s) {
  std::vector<std::string_view> parts;
  if (s.find("年") != std::string_view::npos) {
    std::string_view rest = s;
    for (std::string_view day_unit : {std::string_view("日"), std::string_view("号")}) {
      if (rest.ends_with(day_unit)) {
        rest.remove_suffix(day_unit.size());
      }
    }
    for (std::string_view unit : {std::string_view("年"), std::string_view("月")}) {
      std::size_t end = rest.find(unit);
      if (end == std::string_view::npos) {
        break;
      }
      parts.push_back(rest.substr(0, end));
      rest.remove_prefix(end + unit.size());
    }
    if (!rest.empty()) {
      parts.push_back(rest);
    }
  } else {
    char separator = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        continue;
      }
      if (i < s.size()) {
        if (separator == 0 && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
          separator = s[i];
        } else if (s[i] != separator) {
          return {};
        }
      }
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  for (std::string_view part : parts) {
    if (!all_digits(part)) {
      return {};
    }
  }
  return parts;
}

std::string strip_inner_spaces(std::string_view text) {
  std::string out;
  for (char c : fold_full_width(trim(text))) {
    if (c != ' ') {
      out += c;
    }
  }
  return out;
}

ParsedValue not_a_date() {
  return rejected("bad-date", "不是有效的日期（应写作如 2020-06-12）",
                  "not a valid date (write e.g. 2020-06-12)");
}

ParsedValue not_a_year_month() {
  return rejected("bad-date", "不是有效的年月（应写作如 1975-03）",
                  "not a valid year-month (write e.g. 1975-03)");
}

ParsedValue check_civil(int y, int m, int d, bool year_month) {
  if (y < kMinYear || y > kMaxYear) {
    return rejected("bad-date", "年份应为四位数", "the year must have four digits");
  }
  if (m < 1 || m > 12) {
    return rejected("bad-date", "月份应在 1 到 12 之间", "the month must be 1 to 12");
  }
  if (!year_month && (d < 1 || d > days_in_month(y, m))) {
    return rejected("bad-date", "该月没有这一天", "that month has no such day");
  }
  return accepted(format_canonical({y, m, year_month ? 0 : d}));
}

// An Excel serial day number such as "43994" or "43994.5"; nullopt when `s` is not one.
std::optional<long> excel_serial(std::string_view s) {
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  if (!all_digits(whole) || whole.size() > 7 ||
      (dot != std::string_view::npos && !all_digits(s.substr(dot + 1)))) {
    return std::nullopt;
  }
  long value = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), value);
  return value;
}

// Dates written as numbers: Excel serials, or YYYYMMDD.
ParsedValue parse_numeric_date(const std::string& s) {
  if (s.size() == 8 && all_digits(s)) {
    return check_civil(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)),
                       false);
  }
  std::optional<long> serial = excel_serial(s);
  if (!serial) {
    return not_a_date();
  }
  std::string_view whole = std::string_view(s).substr(0, s.find('.'));
  if (whole.size() == 4 && *serial >= 1900 && *serial <= 2100) {
    return rejected("bad-date", "只有年份，缺少月和日",
                    "only a year: the month and day are missing");
  }
  std::optional<CivilDate> date = date_from_excel_serial(*serial);
  if (!date) {
    return rejected("bad-date", "不是有效的 Excel 日期序号",
                    "not a valid Excel date serial number");
  }
  return accepted(format_canonical(*date));
}

// A number rather than a written date: "43994", "43994.5", "20200612".
bool looks_numeric(const std::string& s, const std::vector<std::string_view>& parts) {
  return all_digits(s) ||
         (parts.size() == 2 && s.find('.') != std::string::npos && parts[0].size() != 4);
}

}  // namespace

std::string format_canonical(const CivilDate& date) {
  char buffer[16];
  if (date.day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return buffer;
}

std::optional<CivilDate> date_from_excel_serial(long serial) {
  // Excel counts 1900-01-01 as day 1 and believes 1900 was a leap year (day 60).
  if (serial < 1 || serial > 2958465 || serial == 60) {
    return std::nullopt;
  }
  long offset = serial < 60 ? serial + 1 : serial;
  return civil_from_days(days_from_civil(1899, 12, 30) + offset);
}

ParsedValue parse_date(std::string_view text) {
  std::string s = strip_inner_spaces(text);
  std::vector<std::string_view> parts = date_parts(s);
  if (looks_numeric(s, parts)) {
    return parse_numeric_date(s);
  }
  if (parts.size() == 2 && parts[0].size() == 4) {
    return rejected("bad-date", "缺少日", "the day is missing");
  }
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() > 2 || parts[2].size() > 2) {
    return not_a_date();
  }
  return check_civil(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]), false);
}

ParsedValue parse_year_month(std::string_view text) {
  std::string s = strip_inner_spaces(text);
  std::vector<std::string_view> parts = date_parts(s);
  if (s.size() == 6 && all_digits(s)) {
    return check_civil(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), 0, true);
  }
  if (parts.size() == 2 && parts[0].size() == 4 && parts[1].size() <= 2) {
    ParsedValue result = check_civil(to_int(parts[0]), to_int(parts[1]), 0, true);
    if (result.ok() && s.find('.') != std::string::npos && parts[1] == "1") {
      // Excel stores "1975.10" typed into a number cell as 1975.1.
      std::string october = std::string(parts[0]) + "-10";
      result.problems.push_back(
          {Severity::Warning,
           "ambiguous-year-month",
           "按 1 月读取；如指 10 月（Excel 会丢掉末尾的 0），请写作 " + october,
           "read as January; if October was meant (Excel drops the final 0), write " + october,
           {}});
    }
    return result;
  }
  if (!looks_numeric(s, parts) && parts.size() != 3) {
    return not_a_year_month();
  }
  // A full date or an Excel serial number: keep its month.
  ParsedValue date = parse_date(s);
  if (!date.ok()) {
    return date;
  }
  ParsedValue result = accepted(date.value.substr(0, 7));
  if (!date.value.ends_with("-01")) {
    result.problems.push_back({Severity::Warning,
                               "day-ignored",
                               "只记录年月，日被忽略",
                               "only the year and month are kept; the day is ignored",
                               {}});
  }
  return result;
}

std::optional<CivilDate> read_canonical_date(std::string_view c) {
  bool year_month = c.size() == 7;
  if ((c.size() != 10 && !year_month) || c[4] != '-' || !all_digits(c.substr(0, 4)) ||
      !all_digits(c.substr(5, 2)) || (!year_month && (c[7] != '-' || !all_digits(c.substr(8))))) {
    return std::nullopt;
  }
  ParsedValue checked = check_civil(to_int(c.substr(0, 4)), to_int(c.substr(5, 2)),
                                    year_month ? 0 : to_int(c.substr(8, 2)), year_month);
  if (!checked.ok()) {
    return std::nullopt;
  }
  return CivilDate{to_int(c.substr(0, 4)), to_int(c.substr(5, 2)),
                   year_month ? 0 : to_int(c.substr(8, 2))};
}

int age_in_years(const CivilDate& birth, const CivilDate& at) {
  int age = at.year - birth.year;
  if (at.month < birth.month) {
    --age;
  }
  return age;
}

}  // namespace tuijie::records
