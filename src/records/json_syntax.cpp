#include "records/json_syntax.hpp"

#include <cstdint>

namespace tuijie::records {

JsonNode::JsonNode() = default;
JsonNode::JsonNode(const JsonNode&) = default;
JsonNode::JsonNode(JsonNode&&) noexcept = default;
JsonNode& JsonNode::operator=(const JsonNode&) = default;
JsonNode& JsonNode::operator=(JsonNode&&) noexcept = default;
JsonNode::~JsonNode() = default;
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  Parser(std::string_view text, JsonSyntaxError& error) : text_(text), error_(error) {}

  std::optional<JsonNode> document() {
    JsonNode root;
    skip_space();
    if (!value(root, 0)) {
      return std::nullopt;
    }
    skip_space();
    if (at_ < text_.size()) {
      return fail("JSON 值之后还有多余的内容", "unexpected text after the JSON value");
    }
    return root;
  }

 private:
  std::nullopt_t fail(const std::string& zh, const std::string& en) {
    if (error_.line == 0) {
      error_.line = 1;
      error_.column = 1;
      for (std::size_t i = 0; i < at_ && i < text_.size(); ++i) {
        if (text_[i] == '\n') {
          ++error_.line;
          error_.column = 1;
        } else {
          ++error_.column;
        }
      }
      error_.reason_zh = zh;
      error_.reason_en = en;
    }
    return std::nullopt;
  }

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) {
      fail("无法识别的值", "unrecognised value");
      return false;
    }
    at_ += word.size();
    return true;
  }

  bool value(JsonNode& node, int depth) {
    if (depth > kMaxDepth) {
      fail("嵌套层数过多", "nested too deeply");
      return false;
    }
    if (at_ >= text_.size()) {
      fail("文件在值之前结束", "the text ends where a value should be");
      return false;
    }
    char c = text_[at_];
    switch (c) {
      case '{':
        return object(node, depth);
      case '[':
        return array(node, depth);
      case '"':
        node.type = JsonNode::Type::String;
        return string(node.text);
      case 't':
        node.type = JsonNode::Type::Bool;
        node.text = "true";
        return literal("true");
      case 'f':
        node.type = JsonNode::Type::Bool;
        node.text = "false";
        return literal("false");
      case 'n':
        node.type = JsonNode::Type::Null;
        return literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          node.type = JsonNode::Type::Number;
          return number(node.text);
        }
        fail("无法识别的值", "unrecognised value");
        return false;
    }
  }

  bool object(JsonNode& node, int depth) {
    node.type = JsonNode::Type::Object;
    ++at_;  // {
    skip_space();
    if (at_ < text_.size() && text_[at_] == '}') {
      ++at_;
      return true;
    }
    while (true) {
      skip_space();
      if (at_ >= text_.size() || text_[at_] != '"') {
        fail("应为用双引号括起的键", "a key in double quotes was expected");
        return false;
      }
      std::string key;
      if (!string(key)) {
        return false;
      }
      skip_space();
      if (at_ >= text_.size() || text_[at_] != ':') {
        fail("键之后应为冒号 :", "a colon was expected after the key");
        return false;
      }
      ++at_;
      skip_space();
      JsonNode member;
      if (!value(member, depth + 1)) {
        return false;
      }
      node.members.emplace_back(std::move(key), std::move(member));
      skip_space();
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        continue;
      }
      if (at_ < text_.size() && text_[at_] == '}') {
        ++at_;
        return true;
      }
      fail("应为逗号 , 或右花括号 }", "a comma or } was expected");
      return false;
    }
  }

  bool array(JsonNode& node, int depth) {
    node.type = JsonNode::Type::Array;
    ++at_;  // [
    skip_space();
    if (at_ < text_.size() && text_[at_] == ']') {
      ++at_;
      return true;
    }
    while (true) {
      skip_space();
      JsonNode item;
      if (!value(item, depth + 1)) {
        return false;
      }
      node.items.push_back(std::move(item));
      skip_space();
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        continue;
      }
      if (at_ < text_.size() && text_[at_] == ']') {
        ++at_;
        return true;
      }
      fail("应为逗号 , 或右方括号 ]", "a comma or ] was expected");
      return false;
    }
  }

  // The token only; whether its value fits is the reader's question, per field.
  bool number(std::string& out) {
    std::size_t start = at_;
    auto digits = [this] {
      std::size_t from = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
        ++at_;
      }
      return at_ - from;
    };
    if (text_[at_] == '-') {
      ++at_;
    }
    std::size_t whole_start = at_;
    std::size_t whole = digits();
    if (whole == 0 || (whole > 1 && text_[whole_start] == '0')) {
      fail("数字格式无效", "not a valid number");
      return false;
    }
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      if (digits() == 0) {
        fail("数字格式无效", "not a valid number");
        return false;
      }
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) {
        ++at_;
      }
      if (digits() == 0) {
        fail("数字格式无效", "not a valid number");
        return false;
      }
    }
    out.assign(text_.substr(start, at_ - start));
    return true;
  }

  bool hex4(std::uint32_t& unit) {
    if (at_ + 4 > text_.size()) {
      fail("\\u 转义不完整", "incomplete \\u escape");
      return false;
    }
    unit = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[at_++];
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0) {
        fail("\\u 转义不是十六进制数", "the \\u escape is not hexadecimal");
        return false;
      }
      unit = unit * 16 + static_cast<std::uint32_t>(v);
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }

  bool string(std::string& out) {
    ++at_;  // "
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        fail("字符串中有未转义的控制字符（如换行）",
             "a control character (e.g. a line break) is not escaped in a string");
        return false;
      }
      if (c != '\\') {
        out += c;
        ++at_;
        continue;
      }
      if (++at_ >= text_.size()) {
        break;
      }
      char e = text_[at_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t unit = 0;
          if (!hex4(unit)) {
            return false;
          }
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            std::uint32_t low = 0;
            if (text_.substr(at_, 2) != "\\u" || (at_ += 2, !hex4(low)) || low < 0xDC00 ||
                low > 0xDFFF) {
              fail("\\u 转义的代理对不完整", "a \\u escape has an unpaired surrogate");
              return false;
            }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            fail("\\u 转义的代理对不完整", "a \\u escape has an unpaired surrogate");
            return false;
          }
          append_utf8(out, unit);
          break;
        }
        default:
          fail("无效的转义序列", "not a valid escape sequence");
          return false;
      }
    }
    fail("字符串直到文件末尾都没有结束（缺少右引号）",
         "a string is still open at the end of the text");
    return false;
  }

  std::string_view text_;
  JsonSyntaxError& error_;
  std::size_t at_ = 0;
};

void append_quoted(std::string& out, const std::string& text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_json(std::string& out, const JsonNode& node) {
  switch (node.type) {
    case JsonNode::Type::Null:
      out += "null";
      break;
    case JsonNode::Type::Bool:
    case JsonNode::Type::Number:
      out += node.text;
      break;
    case JsonNode::Type::String:
      append_quoted(out, node.text);
      break;
    case JsonNode::Type::Array:
      out += '[';
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        out += i == 0 ? "" : ",";
        append_json(out, node.items[i]);
      }
      out += ']';
      break;
    case JsonNode::Type::Object:
      out += '{';
      for (std::size_t i = 0; i < node.members.size(); ++i) {
        out += i == 0 ? "" : ",";
        append_quoted(out, node.members[i].first);
        out += ':';
        append_json(out, node.members[i].second);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::optional<JsonNode> parse_json(std::string_view text, JsonSyntaxError& error) {
  return Parser(text, error).document();
}

std::string to_json_text(const JsonNode& node) {
  std::string out;
  append_json(out, node);
  return out;
}

}  // namespace tuijie::records
