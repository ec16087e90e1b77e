// The template language: which elements exist, which children each may hold, and every
// attribute with its type and default. This table is the one place a default is written;
// merge/ reads attributes only through the typed accessors of Element (element.hpp).
// templates/README.md documents the same table for clerks (a test holds them equal).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "template/attribute_value.hpp"

namespace tuijie::templates {

struct AttributeSpec {
  AttributeType type = AttributeType::Text;
  double min = 0, max = 0;                      // Integer, Number
  std::vector<std::string> values;              // Choice, Pattern
  bool em = false;                              // Length: "2em" (the current font size) allowed
  std::optional<std::string> default_text;      // as a clerk would write it; none = absent
  std::optional<AttributeValue> default_value;  // default_text, parsed once
};

struct ElementRule {
  std::map<std::string, AttributeSpec> attributes;
  std::set<std::string> children;  // element names allowed inside; "#text" = character data
};

/// The rule for an element name, or nullptr when the language has no such element.
const ElementRule* rule_for(const std::string& element);

/// The declared attribute, or nullptr when `element` has no such attribute.
const AttributeSpec* attribute_spec(const std::string& element, const std::string& attribute);

/// Converts `text` to the attribute's type; nullopt when it is not a value of that type.
std::optional<AttributeValue> parse_attribute_value(const AttributeSpec& spec,
                                                    const std::string& text);

/// How many attribute values parse_attribute_value has converted in this process: merging a
/// record converts none (a test holds it so).
std::size_t attribute_values_parsed();

/// What a value of the attribute's type looks like, for a message: "one of top, middle,
/// bottom", "a whole number from 1 to 1000", "a length in mm, cm, pt or in …".
std::string allowed_values_zh(const AttributeSpec& spec);
std::string allowed_values_en(const AttributeSpec& spec);

/// The attribute table as Markdown (element, attribute, type, default), as the README has it.
std::string attribute_table_markdown();

}  // namespace tuijie::templates
