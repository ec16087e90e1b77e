#include "merge/builder_scope.hpp"

#include <string_view>

#include "merge/field_format.hpp"

namespace tuijie::merge {

std::string Scope::value(const std::string& name) const {
  if (name == kRowNumber)
    return row_number > 0 ? std::to_string(row_number) : std::string();
  if (totals && name.rfind(kTotalPrefix, 0) == 0) {
    auto it = totals->find(name.substr(std::string_view(kTotalPrefix).size()));
    return it == totals->end() ? std::string() : it->second;
  }
  if (name == kChoiceCode)
    return node ? node->node.code : std::string();
  if (name == kChoiceName)
    return node ? node->node.name : std::string();
  if (name == kChoiceParent)
    return node ? node->parent.name : std::string();
  if (name == kChoiceParentCode)
    return node ? node->parent.code : std::string();
  if (entry) {  // inside <repeat> a name means the entry's field, even when empty
    auto it = entry->find(name);
    return it == entry->end() ? std::string() : it->second;
  }
  auto it = record->fields.find(name);
  if (it != record->fields.end())
    return it->second;
  auto g = globals.find(name);
  return g == globals.end() ? std::string() : g->second;
}

std::string expand(const templates::TextPattern& pattern, const Scope& scope) {
  std::string out;
  for (const templates::TextPiece& piece : pattern) {
    if (!piece.is_field)
      out += piece.text;
    else if (piece.format.empty())
      out += scope.value(piece.text);
    else if (piece.format.rfind("or:", 0) == 0) {
      // {nominator|or:name}: a value that may be empty, and what stands in for it.
      const std::string value = scope.value(piece.text);
      out += value.empty() ? scope.value(piece.format.substr(3)) : value;
    }
    else
      out += format_value(scope.value(piece.text), piece.format);
  }
  return out;
}

std::string substitute(const templates::TextPattern& pattern, const records::Record& record,
                       const Globals& globals) {
  return expand(pattern, Scope{&record, globals});
}

}  // namespace tuijie::merge
