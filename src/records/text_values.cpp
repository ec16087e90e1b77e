#include "records/text_values.hpp"

#include "records/unicode_text.hpp"

namespace tuijie::records {

ParsedValue check_text(std::string_view text, std::size_t max_length, bool multiline) {
  std::string value(trim(text));
  // Line breaks inside a cell are stored as "\n" whatever the file used.
  std::string normalized;
  normalized.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r') {
      normalized += '\n';
      if (i + 1 < value.size() && value[i + 1] == '\n') {
        ++i;
      }
    } else {
      normalized += value[i];
    }
  }
  if (std::size_t at = find_control_character(normalized); at != std::string_view::npos) {
    std::string position =
        std::to_string(count_characters(std::string_view(normalized).substr(0, at)) + 1);
    return rejected("control-character", "含有不可打印的控制字符（第 " + position + " 个字符）",
                    "contains an unprintable control character (character " + position + ")");
  }
  if (std::size_t at = find_private_use_character(normalized); at != std::string_view::npos) {
    std::string position =
        std::to_string(count_characters(std::string_view(normalized).substr(0, at)) + 1);
    return rejected("private-use-character",
                    "第 " + position + " 个字符是自造字（私用区字符），无法打印，请换成标准汉字",
                    "character " + position +
                        " is a user-defined (private-use) character that cannot be printed; use "
                        "a standard character");
  }
  if (!multiline && normalized.find('\n') != std::string::npos) {
    return rejected("line-break", "此列不能换行", "line breaks are not allowed in this column");
  }
  std::size_t length = count_characters(normalized);
  if (max_length > 0 && length > max_length) {
    return rejected(
        "too-long",
        "超过 " + std::to_string(max_length) + " 字（现为 " + std::to_string(length) + " 字）",
        "longer than " + std::to_string(max_length) + " characters (" + std::to_string(length) +
            ")");
  }
  return accepted(std::move(normalized));
}

ParsedValue parse_yes_no(std::string_view text) {
  std::string s = header_form(text);
  for (std::string_view yes : {"是", "y", "yes", "true", "1"}) {
    if (s == yes) {
      return accepted("是");
    }
  }
  for (std::string_view no : {"否", "n", "no", "false", "0"}) {
    if (s == no) {
      return accepted("否");
    }
  }
  return rejected("bad-yes-no", "应填“是”或“否”（也可用 Y/N、yes/no、true/false、1/0）",
                  "expected 是 or 否 (or Y/N, yes/no, true/false, 1/0)");
}

ParsedValue match_choice(std::string_view text, const std::vector<std::string>& values) {
  std::string s = header_form(text);
  for (const std::string& value : values) {
    if (header_form(value) == s) {
      return accepted(value);
    }
  }
  return rejected("unknown-choice", "不是可选值之一：" + join_values(values),
                  "not one of the allowed values: " + join_values(values, ", "));
}

std::string join_values(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) {
      out += separator;
    }
    out += value;
  }
  return out;
}

}  // namespace tuijie::records
