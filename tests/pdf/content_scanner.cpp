#include "content_scanner.hpp"

#include <cctype>
#include <string_view>
#include <utility>

namespace tuijie::testing {
namespace {

// A small tokenizer of content streams: enough of PDF's syntax to find the operands of the
// text operators (names, numbers, strings, arrays, dictionaries, comments, inline images).
class ContentScanner {
 public:
  explicit ContentScanner(const std::string& data) : s_(data) {}

  std::vector<ShownString> scan() {
    std::vector<ShownString> shown;
    std::vector<std::pair<char, std::string>> operands;  // kind: n(ame) s(tring) o(ther)
    std::string font;
    while (skip_space()) {
      char c = s_[i_];
      if (c == '/') {
        ++i_;
        operands.emplace_back('n', regular_run());
      } else if (c == '(') {
        operands.emplace_back('s', literal_string());
      } else if (c == '<' && peek(1) == '<') {
        i_ += 2;
      } else if (c == '>' && peek(1) == '>') {
        i_ += 2;
      } else if (c == '<') {
        operands.emplace_back('s', hex_string());
      } else if (c == '[' || c == ']' || c == '{' || c == '}') {
        ++i_;
      } else {
        std::string word = regular_run();
        if (word.empty()) {  // a stray delimiter
          ++i_;
          continue;
        }
        if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '+' ||
            word[0] == '.') {
          operands.emplace_back('o', word);
          continue;
        }
        if (word == "Tf" && !operands.empty() && operands.front().first == 'n') {
          font = operands.front().second;
        } else if (word == "Tj" || word == "TJ" || word == "'" || word == "\"") {
          for (const auto& [kind, text] : operands) {
            if (kind == 's') {
              shown.push_back({font, text});
            }
          }
        } else if (word == "ID") {
          skip_inline_image();
        }
        operands.clear();
      }
    }
    return shown;
  }

 private:
  static bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
  }
  static bool is_delimiter(char c) {
    return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos;
  }
  char peek(size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  bool skip_space() {
    while (i_ < s_.size()) {
      if (is_space(s_[i_])) {
        ++i_;
      } else if (s_[i_] == '%') {
        while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') {
          ++i_;
        }
      } else {
        return true;
      }
    }
    return false;
  }

  std::string regular_run() {
    size_t start = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && !is_delimiter(s_[i_])) {
      ++i_;
    }
    return s_.substr(start, i_ - start);
  }

  std::string hex_string() {
    ++i_;  // <
    std::string digits;
    while (i_ < s_.size() && s_[i_] != '>') {
      if (std::isxdigit(static_cast<unsigned char>(s_[i_]))) {
        digits += s_[i_];
      }
      ++i_;
    }
    ++i_;  // >
    if (digits.size() % 2) {
      digits += '0';
    }
    std::string out;
    for (size_t k = 0; k < digits.size(); k += 2) {
      out += static_cast<char>(std::stoi(digits.substr(k, 2), nullptr, 16));
    }
    return out;
  }

  std::string literal_string() {
    ++i_;  // (
    std::string out;
    int depth = 1;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '\\' && i_ < s_.size()) {
        char e = s_[i_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '\r':
            if (peek(0) == '\n')
              ++i_;
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int value = e - '0';
              for (int k = 0; k < 2 && peek(0) >= '0' && peek(0) <= '7'; ++k) {
                value = value * 8 + (s_[i_++] - '0');
              }
              out += static_cast<char>(value);
            } else {
              out += e;
            }
        }
      } else if (c == '(') {
        ++depth;
        out += c;
      } else if (c == ')') {
        if (--depth == 0) {
          break;
        }
        out += c;
      } else {
        out += c;
      }
    }
    return out;
  }

  void skip_inline_image() {
    size_t end = s_.find("EI", i_);
    while (end != std::string::npos &&
           !(is_space(s_[end - 1]) && (end + 2 == s_.size() || is_space(s_[end + 2])))) {
      end = s_.find("EI", end + 2);
    }
    i_ = end == std::string::npos ? s_.size() : end + 2;
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

std::vector<ShownString> shown_strings(const std::string& content) {
  return ContentScanner(content).scan();
}

}  // namespace tuijie::testing
