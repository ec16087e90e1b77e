// The document builder's choice fields: the options a <choices> offers, ticked where the
// value matches, inline or in columns, and the nodes of a choice tree for <repeat choices>.
#include "merge/builder.hpp"

#include <algorithm>
#include "core/utf8.hpp"

namespace tuijie::merge {

// The options a <choices> offers: its own `options` list, else the field's choices from the
// schema, narrowed by `under` to those below one node of a tree.
std::vector<ChoiceOption> Builder::options_of(const Element& e) const {
  std::vector<ChoiceOption> options;
  if (e.has("options")) {
    for (const std::string& option : e.options("options"))
      options.push_back({option, option, {}});
    return options;
  }
  auto it = tpl_.choices.find(e.field("field"));
  if (it == tpl_.choices.end())
    return options;
  const std::string under = expand(e.pattern("under"), scope_);
  for (const ChoiceOption& option : it->second) {
    bool inside = under.empty();
    for (const ChoiceNode& node : option.ancestors)
      inside = inside || node.code == under;
    if (inside)
      options.push_back(option);
  }
  return options;
}

// A list value holds several items joined with 、 (a name may itself hold 、: the whole
// name is matched between separators).
bool Builder::is_chosen(const std::string& value, const std::string& option) {
  return value == option || ("、" + value + "、").find("、" + option + "、") != std::string::npos;
}

// The box and the option's first character never part at a line end: a word joiner
// (invisible, not drawn, not copied out) between them.
std::string Builder::boxed(const std::string& box, const std::string& name, bool glue_all) {
  std::string out = box;
  bool first = true;
  for (char32_t c : utf8::decode(name)) {
    if (first || glue_all)
      out += "\u2060";
    first = false;
    utf8::append(out, c);
  }
  return out;
}

std::string Builder::choices_text(const Element& e) const {
  const std::string value = scope_.value(e.field("field"));
  const std::string& checked = e.text_value("checked");
  const std::string& unchecked = e.text_value("unchecked");
  const std::string& separator = e.text_value("separator");
  std::string out;
  for (const ChoiceOption& option : options_of(e)) {
    if (!out.empty())
      out += separator;
    // Inline, the separators are the only line breaks: each option stays whole.
    out += boxed(is_chosen(value, option.value) ? checked : unchecked, option.name, true);
  }
  return out;
}

// <choices columns="N">: one item per option, set in N columns; a long name wraps in its
// column.
layout::ColumnList Builder::choice_columns(const Element& e, const layout::Style& inherited) const {
  layout::ColumnList list;
  list.columns = static_cast<int>(e.integer("columns"));
  const layout::Style style = resolve_style(tpl_, e, inherited);
  list.gap = e.length_pt("gap", style.size);
  list.space_before = e.length_pt("space-before", style.size);
  list.space_after = e.length_pt("space-after", style.size);
  const std::string value = scope_.value(e.field("field"));
  const std::string& checked = e.text_value("checked");
  const std::string& unchecked = e.text_value("unchecked");
  for (const ChoiceOption& option : options_of(e)) {
    layout::Paragraph item;
    item.style = style;
    item.label = e.field("field");
    item.text = boxed(is_chosen(value, option.value) ? checked : unchecked, option.name, false);
    budget_.spend(1, e);
    budget_.spend_text(item.text.size(), e);
    list.items.push_back(std::move(item));
  }
  return list;
}

// The nodes at `level` of a choice field's tree (1 = outermost), in the options' order:
// level 1 of 表格 2 gives ITO, BPO, KPO; level 2 its nine categories; level 3 the leaves.
std::vector<NodeScope> Builder::choice_nodes(const Element& repeat) const {
  std::vector<NodeScope> nodes;
  auto it = tpl_.choices.find(repeat.field("choices"));
  if (it == tpl_.choices.end())
    return nodes;
  budget_.spend(it->second.size(), repeat);
  const auto level = static_cast<size_t>(repeat.integer("level"));
  for (const ChoiceOption& option : it->second) {
    std::vector<ChoiceNode> path = option.ancestors;
    path.push_back({option.value, option.name});
    if (path.size() < level)
      continue;
    NodeScope node{path[level - 1], level >= 2 ? path[level - 2] : ChoiceNode{}};
    if (nodes.empty() || nodes.back().node.code != node.node.code)
      nodes.push_back(std::move(node));
  }
  return nodes;
}

}  // namespace tuijie::merge
