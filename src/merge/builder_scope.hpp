// Where the document builder looks field names up while it merges one record: the record,
// the list entry of a <repeat list>, the node of a <repeat choices>, the row of a
// <repeat records> and its totals, then the campaign values.
#pragma once

#include <map>
#include <string>

#include "merge/compiled_template.hpp"
#include "merge/document_builder.hpp"
#include "records/record.hpp"
#include "template/attribute_value.hpp"

namespace tuijie::merge {

// The node a <repeat choices> is at: a group or category of a choice tree, or an option.
struct NodeScope {
  ChoiceNode node;
  ChoiceNode parent;  // empty at the top level
};

// Inside <repeat choices> the node names choice.*; inside <repeat list> a name is the list
// entry's; elsewhere the record's, then the campaign values.
struct Scope {
  const records::Record* record;
  const Globals& globals;
  const records::Entry* entry = nullptr;
  const NodeScope* node = nullptr;
  size_t row_number = 0;                                       // inside <repeat records>
  const std::map<std::string, std::string>* totals = nullptr;  // of the last <repeat records>

  std::string value(const std::string& name) const;
};

/// A text with placeholders (split when the template was read) with each {name} replaced by
/// the value the scope gives the name; {name|format} formats it as <field format> would.
std::string expand(const templates::TextPattern& pattern, const Scope& scope);

}  // namespace tuijie::merge
