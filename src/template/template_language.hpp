// The template language: which elements exist, which attributes and children each may have.
// templates/README.md documents the same table for clerks.
#pragma once

#include <set>
#include <string>

namespace tuijie::templates {

struct ElementRule {
  std::set<std::string> attributes;
  std::set<std::string> children;  // element names allowed inside; "#text" = character data
};

/// The rule for an element name, or nullptr when the language has no such element.
const ElementRule* rule_for(const std::string& element);

/// Attributes whose value must be a length ("12mm", "10.5pt", "2em" only where noted).
bool is_length_attribute(const std::string& element, const std::string& attribute);

}  // namespace tuijie::templates
