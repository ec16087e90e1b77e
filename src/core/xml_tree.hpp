// An XML file or text as a tree of nodes that remember where they start in the file, for the
// program's own XML inputs (templates, the font manifest), whose every error a user must be
// able to find: each node has its line and column, and XML that is not well formed is a
// Diagnostic at the parser's line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace tuijie::xml {

struct Node {
  std::string name;                                             // "#text" for character data
  std::vector<std::pair<std::string, std::string>> attributes;  // in the order written
  std::vector<Node> children;
  std::string text;  // for "#text" nodes: the characters, white space kept
  int line = 0;      // where the element (or text) starts, both counted from 1
  int column = 0;

  bool is_text() const { return name == "#text"; }
  /// The attribute's value, or nullptr when the element has none of that name.
  const std::string* attribute(std::string_view key) const;
};

struct TreeOptions {
  /// Namespace processing on: names are local names (prefixes dropped); off: as written.
  bool namespaces = false;
  /// Character data as "#text" nodes (adjacent pieces joined); off: text is dropped.
  bool keep_text = true;
  /// Elements inside each other, the root counting 1; 0 = no limit. Elements deeper are not
  /// built (the XML parser keeps its own nesting on the heap), so that no later stage
  /// walking the tree recurses deeper.
  std::size_t max_depth = 0;
};

/// How the caller names its file's problems: the code and the reason's beginning in both
/// languages (the XML parser's message follows), and what a file that cannot be read gives.
struct XmlErrors {
  std::string code;  // "template-xml"
  std::string zh, en;  // "模板不是格式正确的 XML：", "the template is not well-formed XML: "
  std::string unreadable_code, unreadable_zh, unreadable_en;
};

struct Tree {
  Node root;
  /// The first element below TreeOptions::max_depth, left out; line 0 when there is none.
  int too_deep_line = 0;
  int too_deep_column = 0;
};

/// Parses `xml`; `file` names it in diagnostics. XML that is not well formed throws
/// TuijieError: one diagnostic with `errors.code` at the parser's line and column.
Tree parse_xml_text(const std::string& xml, const std::string& file, const TreeOptions& options,
                    const XmlErrors& errors);

/// The same for a file; a file that cannot be read throws errors.unreadable_code.
Tree parse_xml_file(const std::string& path, const TreeOptions& options, const XmlErrors& errors);

}  // namespace tuijie::xml
