#include "core/csv_writer.hpp"

namespace tuijie::csv {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that
// hide such a start from a reader that strips white space). "-" is handled apart.
bool starts_formula(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  switch (text.front()) {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      break;
  }
  // ＝ ＋ ＠ (U+FF1D, U+FF0B, U+FF20) in UTF-8.
  return starts_with(text, "\xEF\xBC\x9D") || starts_with(text, "\xEF\xBC\x8B") ||
         starts_with(text, "\xEF\xBC\xA0");
}

bool starts_minus(std::string_view text) {
  return starts_with(text, "-") || starts_with(text, "\xEF\xBC\x8D");  // - or －
}

}  // namespace

bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    ++i;
  }
  const std::size_t integer_start = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  if (i == integer_start) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_start = ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
    }
    if (i == fraction_start) {
      return false;
    }
  }
  return i == text.size();
}

std::string neutralised(std::string_view text) {
  if (starts_formula(text) || (starts_minus(text) && !is_plain_number(text))) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string cell(std::string_view text) {
  const std::string safe = neutralised(text);
  if (safe.find_first_of(",\"\r\n") == std::string::npos) {
    return safe;
  }
  std::string quoted = "\"";
  for (char c : safe) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + "\"";
}

void Writer::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out_ << (i ? "," : "") << cell(cells[i]);
  }
  out_ << "\r\n";
}

void Writer::blank_line() {
  out_ << "\r\n";
}

}  // namespace tuijie::csv
