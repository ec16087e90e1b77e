#include "records/contact_values.hpp"

#include <string>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

bool is_mobile(std::string_view digits) {
  return digits.size() == 11 && all_digits(digits) && digits[0] == '1' && digits[1] >= '3';
}

// Area code without its leading 0: 10, 2x, or [3-9]xx.
bool is_area_code(std::string_view code) {
  if (!all_digits(code)) {
    return false;
  }
  if (code.size() == 2) {
    return code == "10" || code[0] == '2';
  }
  return code.size() == 3 && code[0] >= '3';
}

bool is_local_number(std::string_view local) {
  return (local.size() == 7 || local.size() == 8) && all_digits(local) && local[0] >= '2';
}

bool is_extension(std::string_view ext) {
  return ext.size() <= 6 && all_digits(ext);
}

// "0xx-local[-ext]" with the leading 0 already removed when `area_code_has_zero` is false.
// `s` holds only digits, '-' and '#' (for 转); separators between parts are single '-'.
bool is_fixed_line(std::string_view s, bool area_code_has_zero) {
  std::string_view ext;
  std::size_t ext_mark = s.find('#');
  if (ext_mark != std::string_view::npos) {
    ext = s.substr(ext_mark + 1);
    s = s.substr(0, ext_mark);
    if (!is_extension(ext) || ext.empty()) {
      return false;
    }
  }
  if (area_code_has_zero) {
    if (!s.starts_with('0')) {
      return false;
    }
    s.remove_prefix(1);
  }
  std::size_t first = s.find('-');
  if (first == std::string_view::npos) {
    // No separator: the area code length follows from its first digit (10 and 2x are short).
    std::size_t area = (s.starts_with("10") || s.starts_with('2')) ? 2 : 3;
    return s.size() > area && is_area_code(s.substr(0, area)) && is_local_number(s.substr(area));
  }
  std::string_view area = s.substr(0, first);
  std::string_view rest = s.substr(first + 1);
  std::size_t second = rest.find('-');
  if (second != std::string_view::npos) {
    if (!ext.empty() || !is_extension(rest.substr(second + 1)) || second + 1 == rest.size()) {
      return false;
    }
    rest = rest.substr(0, second);
  }
  return is_area_code(area) && is_local_number(rest);
}

bool is_service_number(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != '-') {
      digits += c;
    }
  }
  return digits.size() == 10 && all_digits(digits) &&
         (digits.starts_with("400") || digits.starts_with("800"));
}

// Reduces the spelling to digits, '-' and '#' (extension mark): spaces become '-', "(022)"
// becomes "022-", "转"/"ext"/"x" become '#'.
std::string phone_skeleton(std::string_view text) {
  std::string folded = fold_full_width(trim(text));
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    std::string_view rest = std::string_view(folded).substr(i);
    if (is_digit(c) || c == '+') {
      out += c;
    } else if (c == '-' || c == ' ' || c == ')') {
      if (!out.empty() && out.back() != '-' && !(c == ' ' && out.back() == '#')) {
        out += '-';
      }
    } else if (c == '(') {
      continue;
    } else if (rest.starts_with("转")) {
      out += '#';
      i += std::string_view("转").size() - 1;
    } else if (rest.starts_with("ext") || rest.starts_with("EXT")) {
      out += '#';
      i += 2;
    } else if (c == 'x' || c == 'X') {
      out += '#';
    } else {
      return {};  // a character no telephone number has
    }
    if (out.size() >= 2 && out.back() == '#' && out[out.size() - 2] == '-') {
      out.erase(out.size() - 2, 1);  // "307 转 12" and "-转" mean the same as "转"
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

}  // namespace

ParsedValue check_phone(std::string_view text) {
  std::string s = phone_skeleton(text);
  bool international = false;
  for (std::string_view prefix : {"+86-", "+86", "0086-", "0086", "86-"}) {
    if (s.starts_with(prefix)) {
      s.erase(0, prefix.size());
      international = true;
      break;
    }
  }
  std::string plain;  // without hyphens, for mobile and service numbers
  for (char c : s) {
    if (c != '-') {
      plain += c;
    }
  }
  if (!international && plain.size() == 13 && plain.starts_with("86")) {
    plain.erase(0, 2);  // "8613800138000"
  }
  bool ok = !s.empty() && (is_mobile(plain) || is_service_number(s) || is_fixed_line(s, true) ||
                           (international && is_fixed_line(s, false)));
  if (!ok) {
    return rejected("bad-phone",
                    "不是有效的电话号码（手机 11 位，如 13800138000；固定电话带区号，如 "
                    "022-58665632 或 010-65978801-307）",
                    "not a valid telephone number (mobile: 11 digits such as 13800138000; fixed "
                    "line with area code such as 022-58665632 or 010-65978801-307)");
  }
  return accepted(std::string(trim(text)));
}

ParsedValue check_email(std::string_view text) {
  std::string_view s = trim(text);
  if (s.find("＠") != std::string_view::npos || s.find("．") != std::string_view::npos) {
    return rejected("bad-email", "电子邮箱中有全角字符“＠”或“．”，请改为半角",
                    "the e-mail address contains a full-width '＠' or '．'; use '@' and '.'");
  }
  auto bad = [] {
    return rejected("bad-email", "不是有效的电子邮箱地址（应如 name@example.com）",
                    "not a valid e-mail address (expected e.g. name@example.com)");
  };
  std::size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) {
    return bad();
  }
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  static constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~.-";
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return bad();
  }
  for (char c : local) {
    bool alnum = is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && kLocalSpecials.find(c) == std::string_view::npos) {
      return bad();
    }
  }
  if (domain.empty() || domain.size() > 253) {
    return bad();
  }
  std::size_t labels = 0;
  std::string_view last_label;
  for (std::size_t start = 0; start <= domain.size();) {
    std::size_t end = domain.find('.', start);
    std::string_view label =
        domain.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return bad();
    }
    for (char c : label) {
      bool alnum = is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum && c != '-') {
        return bad();
      }
    }
    ++labels;
    last_label = label;
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  bool tld_ok =
      last_label.size() >= 2 && (last_label.starts_with("xn--") ||
                                 last_label.find_first_of("0123456789-") == std::string_view::npos);
  if (labels < 2 || !tld_ok) {
    return bad();
  }
  return accepted(std::string(s));
}

ParsedValue check_postcode(std::string_view text) {
  std::string s = fold_full_width(trim(text));
  if (s.size() != 6 || !all_digits(s)) {
    return rejected("bad-postcode", "邮编应为 6 位数字", "a postcode has six digits");
  }
  return accepted(std::string(trim(text)));
}

}  // namespace tuijie::records
