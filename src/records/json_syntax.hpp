// A strict JSON (RFC 8259) parser for record files. Unlike a parser that builds a map, it keeps
// what a reader must judge: every member of an object in file order (so a key written twice is
// seen, not silently overwritten) and every number as written (so 1e400 or a 400-digit number
// becomes a problem of its field, not of the whole file).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuijie::records {

struct JsonNode {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  std::string text;  // String: the decoded text; Number: the token as written; Bool: true/false
  std::vector<JsonNode> items;                            // Array
  std::vector<std::pair<std::string, JsonNode>> members;  // Object, in file order, repeats kept

  // Defined out of line: clang 14 instantiates the containers' constexpr destructors (C++20)
  // at the end of this class, while JsonNode is still incomplete.
  JsonNode();
  JsonNode(const JsonNode&);
  JsonNode(JsonNode&&) noexcept;
  JsonNode& operator=(const JsonNode&);
  JsonNode& operator=(JsonNode&&) noexcept;
  ~JsonNode();
};

struct JsonSyntaxError {
  long line = 0;    // 1-based
  long column = 0;  // 1-based, in bytes
  std::string reason_zh;
  std::string reason_en;
};

/// Parses one JSON text (nesting at most 64 deep). Returns nullopt and fills `error` when the
/// text is not JSON.
std::optional<JsonNode> parse_json(std::string_view text, JsonSyntaxError& error);

/// The node as compact JSON text, for showing a value in a diagnostic.
std::string to_json_text(const JsonNode& node);

}  // namespace tuijie::records
