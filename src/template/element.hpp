// A parsed template: a tree of elements, each knowing where it stands in the template file.
//
// The parser checks the tree against the template language (template_language.hpp): unknown
// elements or attributes, wrong nesting and bad attribute values are errors with file, line
// and column. Every attribute is converted to its declared type as the template is read; the
// typed accessors below return that value, or the language's default when the attribute is
// absent. It does not know records; merge/ binds fields later.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "template/attribute_value.hpp"

namespace tuijie::templates {

struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Element {
  std::string name;  // "#text" for character data
  std::map<std::string, AttributeValue> attributes;
  std::vector<Element> children;
  std::string text;  // for "#text" nodes: the characters, white space kept
  SourcePos pos;

  bool is_text() const { return name == "#text"; }
  bool has(const std::string& key) const { return attributes.count(key) > 0; }
  /// The attribute as written in the file, or `fallback`: for messages and tools that show
  /// it. Merging reads the typed values below.
  std::string attr(const std::string& key, const std::string& fallback = {}) const;

  // The typed value, or the template language's default when the attribute is absent; an
  // attribute without a default reads as 0 or empty. Asking for a type other than the one
  // the language declares for this element's attribute is a program error (std::logic_error).
  long integer(const std::string& key) const;
  double number(const std::string& key) const;
  /// Points; "2em" counts in `em_size` (the current font size).
  double length_pt(const std::string& key, double em_size = 0) const;
  const std::vector<Length>& lengths(const std::string& key) const;
  const ColumnWidths& column_widths(const std::string& key) const;
  /// A choice's value ("middle"), or "" when absent without a default.
  const std::string& choice(const std::string& key) const;
  Colour colour(const std::string& key) const;
  const std::string& field(const std::string& key) const;
  const std::vector<std::string>& fields(const std::string& key) const;
  const std::vector<std::string>& options(const std::string& key) const;
  const std::string& text_value(const std::string& key) const;
  const TextPattern& pattern(const std::string& key) const;

  /// An error diagnostic placed at this element.
  Diagnostic error(const std::string& code, const std::string& zh, const std::string& en) const;

 private:
  template <typename T>
  const T& typed(const std::string& key, AttributeType type) const;
};

/// Parses and checks a template file. Throws TuijieError listing every problem found.
Element parse_template_file(const std::string& path);
/// The same for template text already in memory; `file` names it in diagnostics.
Element parse_template_text(const std::string& xml, const std::string& file);

}  // namespace tuijie::templates
