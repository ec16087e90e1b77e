// A parsed template: a tree of elements, each knowing where it stands in the template file.
//
// The parser checks the tree against the template language (template_language.hpp): unknown
// elements or attributes, wrong nesting and bad attribute values are errors with file, line
// and column. It does not know records; merge/ binds fields later.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace tuijie::templates {

struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Element {
  std::string name;  // "#text" for character data
  std::map<std::string, std::string> attributes;
  std::vector<Element> children;
  std::string text;  // for "#text" nodes: the characters, white space kept
  SourcePos pos;

  bool is_text() const { return name == "#text"; }
  /// Attribute value or `fallback`.
  std::string attr(const std::string& key, const std::string& fallback = {}) const;
  bool has(const std::string& key) const { return attributes.count(key) > 0; }
  /// An error diagnostic placed at this element.
  Diagnostic error(const std::string& code, const std::string& zh, const std::string& en) const;
};

/// Parses and checks a template file. Throws TuijieError listing every problem found.
Element parse_template_file(const std::string& path);
/// The same for template text already in memory; `file` names it in diagnostics.
Element parse_template_text(const std::string& xml, const std::string& file);

}  // namespace tuijie::templates
