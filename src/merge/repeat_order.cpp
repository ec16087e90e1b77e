#include "merge/repeat_order.hpp"

#include "merge/document_builder.hpp"
#include "merge/record_sets.hpp"

namespace tuijie::merge {

namespace {

const templates::Element* find_repeat(const templates::Element& e, const std::string& set) {
  if (e.name == "repeat" && e.has("records") && e.text_value("records") == set)
    return &e;
  for (const templates::Element& child : e.children) {
    if (const templates::Element* found = find_repeat(child, set))
      return found;
  }
  return nullptr;
}

}  // namespace

std::vector<records::Record> in_repeat_order(const CompiledTemplate& tpl, const std::string& set,
                                             std::vector<records::Record> records,
                                             const std::map<std::string, std::string>& globals) {
  const templates::Element* repeat = find_repeat(tpl.root, set);
  if (!repeat)
    return records;
  const records::Record none;
  const std::vector<const records::Record*> order =
      ordered(records, repeat->fields("order-by"),
              text_order_named(substitute(repeat->pattern("text-order"), none, globals)),
              list_items(substitute(repeat->pattern("first-order"), none, globals)));
  std::vector<records::Record> out;
  out.reserve(records.size());
  for (const records::Record* r : order)
    out.push_back(std::move(records[static_cast<std::size_t>(r - records.data())]));
  return out;
}

}  // namespace tuijie::merge
