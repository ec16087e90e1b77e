#include "records/json_reader.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "records/json_syntax.hpp"

namespace tuijie::records {
namespace {

// A scalar as cell text, or why it cannot be one (a number no double or 64-bit integer holds).
struct Scalar {
  std::string text;
  std::string problem_zh;  // "" = fine
  std::string problem_en;
};

// A long token (a 400-digit number) shown by its start and length.
std::string shown_token(const std::string& token) {
  if (token.size() <= 40) {
    return token;
  }
  return token.substr(0, 32) + "…（" + std::to_string(token.size()) + " chars）";
}

Scalar number_text(const std::string& token) {
  bool integer = token.find_first_of(".eE") == std::string::npos;
  if (integer) {
    // Whole numbers are kept as written when a 64-bit integer holds them exactly.
    std::int64_t signed_value = 0;
    std::uint64_t unsigned_value = 0;
    const char* end = token.data() + token.size();
    if (std::from_chars(token.data(), end, signed_value).ec == std::errc() ||
        std::from_chars(token.data(), end, unsigned_value).ec == std::errc()) {
      return {token, {}, {}};
    }
    return {{},
            "数字 " + shown_token(token) + " 位数过多，无法准确读取（若是编号，请写成文字 \"…\"）",
            "the number " + shown_token(token) +
                " has too many digits to be read exactly (write an identifier as text \"…\")"};
  }
  errno = 0;
  char* end = nullptr;
  double number = std::strtod(token.c_str(), &end);
  bool underflow = errno == ERANGE && number == 0.0 &&
                   token.find_first_of("123456789") < token.find_first_of("eE");
  if (!std::isfinite(number) || underflow) {
    return {{},
            "数字 " + shown_token(token) + " 超出可表示的范围",
            "the number " + shown_token(token) + " is out of range"};
  }
  char buffer[32];
  auto [last, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return {std::string(buffer, error == std::errc() ? last : buffer), {}, {}};
}

// A JSON scalar as cell text; nullopt for arrays and objects.
std::optional<Scalar> scalar_of(const JsonNode& node) {
  switch (node.type) {
    case JsonNode::Type::Null:
      return Scalar{};
    case JsonNode::Type::Bool:
    case JsonNode::Type::String:
      return Scalar{node.text, {}, {}};
    case JsonNode::Type::Number:
      return number_text(node.text);
    default:
      return std::nullopt;
  }
}

class JsonTableBuilder {
 public:
  explicit JsonTableBuilder(const std::string& file) { table_.file = file; }

  SourceTable build(std::string_view utf8) {
    JsonSyntaxError syntax;
    std::optional<JsonNode> root = parse_json(utf8, syntax);
    if (!root) {
      std::string where = std::to_string(syntax.line) + ":" + std::to_string(syntax.column);
      table_.diagnostics.push_back(
          make_error("bad-json", "不是有效的 JSON：" + syntax.reason_zh + "（第 " + where + " 处）",
                     "not valid JSON: " + syntax.reason_en + " (at " + where + ")", table_.file));
      return std::move(table_);
    }
    if (root->type != JsonNode::Type::Array) {
      table_.diagnostics.push_back(make_error("bad-json", "JSON 文件的顶层应为对象数组 [ {…}, … ]",
                                              "the JSON file must be an array of objects",
                                              table_.file));
      return std::move(table_);
    }
    for (std::size_t i = 0; i < root->items.size(); ++i) {
      add_element(root->items[i], static_cast<long>(i) + 1);
    }
    return std::move(table_);
  }

 private:
  void add_element(const JsonNode& element, long row) {
    SourceRow source{row, {}};
    if (element.type != JsonNode::Type::Object) {
      error(row, "", to_json_text(element), "数组元素应为对象 {…}", "the element is not an object");
      table_.rows.push_back(std::move(source));
      return;
    }
    std::set<std::string> seen;
    for (const auto& [key, value] : element.members) {
      if (!seen.insert(key).second) {
        // A parser keeping the last value would drop the first unseen: which one is meant?
        error(
            row, key, to_json_text(value), "duplicate-json-key",
            "同一记录中键“" + key + "”出现了两次，无法确定用哪个值",
            "the key '" + key + "' appears twice in this record, so which value counts is unknown");
        continue;
      }
      std::size_t column = column_for(key, row);
      source.cells[column] = cell_value(value, row, key);
    }
    table_.rows.push_back(std::move(source));
  }

  std::size_t column_for(const std::string& key, long row) {
    auto [it, inserted] = columns_.emplace(key, table_.columns.size());
    if (inserted) {
      table_.columns.push_back({key, 0, row});
    }
    return it->second;
  }

  RawValue cell_value(const JsonNode& value, long row, const std::string& key) {
    RawValue raw;
    if (std::optional<Scalar> scalar = scalar_of(value)) {
      if (!scalar->problem_en.empty()) {
        error(row, key, shown_token(value.text), scalar->problem_zh, scalar->problem_en);
      }
      raw.text = std::move(scalar->text);
      return raw;
    }
    if (value.type != JsonNode::Type::Array) {
      error(row, key, to_json_text(value), "值应为文字、数字、true/false 或数组，不能是对象",
            "the value must be text, a number, true/false or an array, not an object");
      return raw;
    }
    raw.is_list = true;
    raw.shown = to_json_text(value);
    for (const JsonNode& element : value.items) {
      RawItem item;
      if (std::optional<Scalar> scalar = scalar_of(element)) {
        if (!scalar->problem_en.empty()) {
          error(row, key, shown_token(element.text), scalar->problem_zh, scalar->problem_en);
        }
        item.text = std::move(scalar->text);
      } else if (element.type == JsonNode::Type::Object) {
        item.is_object = true;
        for (const auto& [name, member] : element.members) {
          std::optional<Scalar> field = scalar_of(member);
          if (!field) {
            error(row, key, to_json_text(element), "“" + name + "”的值应为文字或数字",
                  "'" + name + "' must be text or a number");
            continue;
          }
          if (!field->problem_en.empty()) {
            error(row, key, shown_token(member.text), field->problem_zh, field->problem_en);
          }
          if (!item.fields.emplace(name, std::move(field->text)).second) {
            error(row, key, to_json_text(element), "duplicate-json-key",
                  "“" + name + "”在同一项中出现了两次",
                  "'" + name + "' appears twice in the same item");
          }
        }
      } else {
        error(row, key, to_json_text(element), "列表中不能再嵌套列表", "lists cannot be nested");
        continue;
      }
      raw.items.push_back(std::move(item));
    }
    return raw;
  }

  void error(long row, const std::string& key, const std::string& value, const std::string& zh,
             const std::string& en) {
    error(row, key, value, "bad-json-value", zh, en);
  }
  void error(long row, const std::string& key, const std::string& value, const std::string& code,
             const std::string& zh, const std::string& en) {
    Diagnostic d = make_error(code, zh, en, table_.file, value);
    d.row = row;
    d.column_name = key;
    table_.diagnostics.push_back(std::move(d));
  }

  SourceTable table_;
  std::map<std::string, std::size_t> columns_;
};

}  // namespace

SourceTable read_json_table(std::string_view utf8, const std::string& file) {
  return JsonTableBuilder(file).build(utf8);
}

}  // namespace tuijie::records
