#include "merge/compiled_template.hpp"

#include <cstdlib>
#include <sstream>

#include "core/units.hpp"
#include "merge/field_format.hpp"
#include "template/template_limits.hpp"

namespace tuijie::merge {
namespace {

using templates::Element;

const std::set<std::string> kStyleKeys = {"font",        "size",     "leading", "align",
                                          "color",       "min-size", "indent",  "space-before",
                                          "space-after", "valign",   "padding", "hang"};

struct PaperSize {
  const char* name;
  double width_mm, height_mm;
};
constexpr PaperSize kPapers[] = {{"A4", 210, 297}, {"A5", 148, 210}, {"A3", 297, 420}};

void compile_page(const Element& page, layout::PageSetup& setup, Diagnostics& problems) {
  std::string size = page.attr("size", "A4");
  bool landscape = false;
  std::string name = size;
  if (auto sp = size.find(' '); sp != std::string::npos) {
    name = size.substr(0, sp);
    landscape = size.substr(sp + 1) == "landscape";
  }
  bool found = false;
  for (const auto& paper : kPapers) {
    if (name == paper.name) {
      setup.width = mm_to_pt(landscape ? paper.height_mm : paper.width_mm);
      setup.height = mm_to_pt(landscape ? paper.width_mm : paper.height_mm);
      found = true;
    }
  }
  if (!found) {
    Diagnostic d =
        page.error("template-bad-value", "未知的纸张尺寸（可用 A4、A5、A3，可加 landscape）",
                   "unknown paper size (A4, A5 or A3, optionally 'landscape')");
    d.value = size;
    problems.push_back(d);
  }
  if (page.has("width"))
    setup.width = *parse_length(page.attr("width"));
  if (page.has("height"))
    setup.height = *parse_length(page.attr("height"));
  // margin="top right bottom left" like CSS, or one value for all four.
  std::vector<double> m;
  std::istringstream in(page.attr("margin", "20mm"));
  std::string token;
  while (in >> token) {
    auto v = parse_length(token);
    if (!v) {
      Diagnostic d = page.error("template-bad-length", "页边距应为长度，如 20mm",
                                "margins must be lengths such as 20mm");
      d.value = token;
      problems.push_back(d);
      return;
    }
    m.push_back(*v);
  }
  if (m.size() == 1)
    m = {m[0], m[0], m[0], m[0]};
  if (m.size() == 2)
    m = {m[0], m[1], m[0], m[1]};
  if (m.size() != 4) {
    problems.push_back(page.error("template-bad-length", "margin 需要 1、2 或 4 个长度",
                                  "margin takes 1, 2 or 4 lengths"));
    return;
  }
  setup.margin_top = m[0];
  setup.margin_right = m[1];
  setup.margin_bottom = m[2];
  setup.margin_left = m[3];
  if (page.has("margin-top"))
    setup.margin_top = *parse_length(page.attr("margin-top"));
  if (page.has("margin-right"))
    setup.margin_right = *parse_length(page.attr("margin-right"));
  if (page.has("margin-bottom"))
    setup.margin_bottom = *parse_length(page.attr("margin-bottom"));
  if (page.has("margin-left"))
    setup.margin_left = *parse_length(page.attr("margin-left"));
}

// Checks what only the compiler can: field names, formats, font roles, style names.
// Where an element stands decides what a repeat or when may hold: rows in a table, blocks
// elsewhere.
bool misplaced_in(const Element& e, bool in_table, Diagnostics& problems) {
  if (e.name != "repeat" && e.name != "when")
    return false;
  static const std::set<std::string> kRowLevel = {"row", "repeat", "when"};
  for (const Element& child : e.children) {
    if (child.is_text())
      continue;
    if (in_table && !kRowLevel.count(child.name)) {
      problems.push_back(child.error("template-misplaced",
                                     "表格中的 <" + e.name + "> 只能包含行（row）",
                                     "a <" + e.name + "> in a table holds rows only"));
      return true;
    }
    if (!in_table && child.name == "row") {
      problems.push_back(
          child.error("template-misplaced", "<row> 只能出现在表格中", "<row> belongs in a table"));
      return true;
    }
  }
  if (e.name == "repeat" && !in_table && !e.has("records")) {
    problems.push_back(e.error("template-missing-attribute",
                               "表格之外的 <repeat> 需要 records（按记录重复其中的内容）",
                               "a <repeat> outside a table needs records= (its blocks repeat "
                               "once per record)"));
    return true;
  }
  return false;
}

// The {field} and {field|format} placeholders of an attribute (file-name, title, …) name
// fields the record kind has: a misspelt one would print as nothing, and in file-name send
// every record to the same file.
void check_placeholders(const Element& e, const std::string& attr, const FieldCatalog& catalog,
                        Diagnostics& problems) {
  const std::string pattern = e.attr(attr);
  for (size_t open = pattern.find('{'); open != std::string::npos;
       open = pattern.find('{', open + 1)) {
    const size_t close = pattern.find('}', open);
    if (close == std::string::npos)
      return;  // printed as written, as expand() does
    const std::string inside = pattern.substr(open + 1, close - open - 1);
    const size_t bar = inside.find('|');
    const std::string name = inside.substr(0, bar);
    if (name.empty()) {
      Diagnostic d = e.error("template-unknown-field", "属性 " + attr + " 中的 {} 没有写字段名",
                             "the attribute " + attr + " has a {} without a field name");
      d.value = pattern;
      problems.push_back(d);
    } else if (!catalog.knows(name)) {
      Diagnostic d = e.error("template-unknown-field", "属性 " + attr + " 中的未知字段 " + name,
                             "unknown field " + name + " in the attribute " + attr);
      d.value = name;
      problems.push_back(d);
    }
    if (bar != std::string::npos && !is_known_format(inside.substr(bar + 1))) {
      Diagnostic d = e.error("template-bad-value", "属性 " + attr + " 中的未知格式",
                             "unknown format in the attribute " + attr);
      d.value = inside.substr(bar + 1);
      problems.push_back(d);
    }
  }
}

void check_element(const Element& e, const CompiledTemplate& tpl, const FieldCatalog& catalog,
                   const std::string& list_prefix, Diagnostics& problems, bool in_table = false,
                   size_t depth = 1) {
  // The parser already stops at this depth; a tree built another way is held to it too,
  // before the recursion below could overflow the stack.
  if (depth > templates::kMaxNestingDepth && !e.is_text()) {
    const std::string limit = std::to_string(templates::kMaxNestingDepth);
    problems.push_back(e.error("template-too-deep", "模板元素嵌套超过 " + limit + " 层",
                               "template elements are nested more than " + limit + " deep"));
    return;
  }
  if (misplaced_in(e, in_table, problems))
    return;
  if (e.name == "document") {
    for (const char* attr : {"file-name", "title", "subject", "keywords", "author"})
      check_placeholders(e, attr, catalog, problems);
  }

  auto check_field = [&](const std::string& attr) {
    std::string name = e.attr(attr);
    if (name.empty()) {
      problems.push_back(e.error("template-missing-attribute", "<" + e.name + "> 缺少属性 " + attr,
                                 "<" + e.name + "> needs the attribute " + attr));
      return;
    }
    bool known = catalog.knows(name) || (!list_prefix.empty() && catalog.knows(list_prefix + name));
    if (!known) {
      Diagnostic d =
          e.error("template-unknown-field", "未知的字段 " + name, "unknown field " + name);
      d.value = name;
      problems.push_back(d);
    }
  };
  if (e.name == "field") {
    check_field("name");
    if (!is_known_format(e.attr("format"))) {
      Diagnostic d = e.error("template-bad-value", "未知的格式", "unknown format");
      d.value = e.attr("format");
      problems.push_back(d);
    }
  }
  if (e.name == "choices" || e.name == "photo")
    check_field("field");
  if (e.name == "choices" && !e.has("options") && !catalog.fields.empty() &&
      !catalog.choices.count(e.attr("field"))) {
    Diagnostic d = e.error("template-no-options", "<choices> 需要 options，或一个有选项的字段",
                           "<choices> needs options=, or a field that has choices");
    d.value = e.attr("field");
    problems.push_back(d);
  }
  if (e.name == "choices" && e.has("columns") && std::atoi(e.attr("columns").c_str()) < 1) {
    Diagnostic d = e.error("template-bad-value", "columns 应为正整数",
                           "columns must be a whole number of at least 1");
    d.value = e.attr("columns");
    problems.push_back(d);
  }
  if (e.name == "when" || (e.name == "repeat" && e.has("records") && e.has("field")))
    check_field("field");
  if (e.has("style") && !tpl.styles.count(e.attr("style")) && e.name != "document") {
    Diagnostic d = e.error("template-unknown-style", "未定义的样式", "undefined style");
    d.value = e.attr("style");
    problems.push_back(d);
  }
  if (e.has("font") && !tpl.fonts->chain(e.attr("font"))) {
    Diagnostic d = e.error("template-unknown-font", "字体清单中没有这个字体角色",
                           "the font manifest has no such font role");
    d.value = e.attr("font");
    problems.push_back(d);
  }
  std::string prefix = list_prefix;
  if (e.name == "repeat" && e.has("choices")) {
    const std::string field = e.attr("choices");
    if (!catalog.fields.empty() && !catalog.choices.count(field)) {
      Diagnostic d = e.error("template-no-options", "没有选项的字段 " + field,
                             "the field " + field + " has no choices");
      d.value = field;
      problems.push_back(d);
    }
    if (std::atoi(e.attr("level", "1").c_str()) < 1) {
      Diagnostic d = e.error("template-bad-value", "level 应为正整数（1 = 最外层）",
                             "level must be a whole number, 1 for the outermost");
      d.value = e.attr("level");
      problems.push_back(d);
    }
  } else if (e.name == "repeat" && e.has("records")) {
    // Inside, field names are the records' own: checked against the catalog as they are.
  } else if (e.name == "repeat") {
    if (e.has("min-rows")) {
      const std::string text = e.attr("min-rows");
      char* end = nullptr;
      const long rows = std::strtol(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || rows < 0 || rows > templates::kMaxMinRows) {
        const std::string limit = std::to_string(templates::kMaxMinRows);
        Diagnostic d = e.error("template-bad-value", "min-rows 应为 0 到 " + limit + " 的整数",
                               "min-rows must be a whole number from 0 to " + limit);
        d.value = text;
        problems.push_back(d);
      }
    }
    std::string list = e.attr("list");
    if (!catalog.knows(list)) {
      Diagnostic d =
          e.error("template-unknown-field", "未知的列表字段 " + list, "unknown list field " + list);
      d.value = list;
      problems.push_back(d);
    }
    prefix = list + ".";
  }
  const bool child_in_table = e.name == "table" || (in_table && e.name != "cell");
  for (const Element& child : e.children)
    check_element(child, tpl, catalog, prefix, problems, child_in_table, depth + 1);
}

}  // namespace

CompiledTemplate compile_template(Element root, const fonts::FontSet& fonts,
                                  const FieldCatalog& catalog) {
  CompiledTemplate tpl;
  tpl.fonts = &fonts;
  tpl.choices = catalog.choices;
  tpl.kind = root.attr("kind");
  Diagnostics problems;
  for (const Element& child : root.children) {
    if (child.name == "page") {
      // Several <page>s offer the document on several papers; the first is the default.
      layout::PageSetup setup;
      compile_page(child, setup, problems);
      const std::string paper = child.attr("size", "A4");
      if (tpl.papers.empty())
        tpl.page = setup;
      if (!tpl.papers.emplace(paper, setup).second) {
        Diagnostic d = child.error("template-bad-value", "同一纸张尺寸的 <page> 出现了两次",
                                   "two <page> elements for the same paper size");
        d.value = paper;
        problems.push_back(d);
      }
    }
    if (child.name == "styles") {
      for (const Element& style : child.children) {
        if (style.is_text())
          continue;
        std::string name = style.attr("name");
        if (name.empty()) {
          problems.push_back(style.error("template-missing-attribute", "<style> 缺少属性 name",
                                         "<style> needs the attribute name"));
          continue;
        }
        StyleSpec spec;
        for (const auto& [k, v] : style.attributes) {
          if (kStyleKeys.count(k))
            spec.properties[k] = v;
        }
        if (spec.properties.count("font") && !fonts.chain(spec.properties["font"])) {
          Diagnostic d = style.error("template-unknown-font", "字体清单中没有这个字体角色",
                                     "the font manifest has no such font role");
          d.value = spec.properties["font"];
          problems.push_back(d);
        }
        tpl.styles[name] = spec;
      }
    }
  }
  check_element(root, tpl, catalog, "", problems);
  if (!problems.empty())
    throw TuijieError(problems);
  tpl.root = std::move(root);
  return tpl;
}

layout::Style resolve_style(const CompiledTemplate& tpl, const Element& element,
                            const layout::Style& inherited) {
  layout::Style style = inherited;
  auto apply = [&](const std::map<std::string, std::string>& props) {
    for (const auto& [key, value] : props) {
      if (key == "font") {
        if (const auto* chain = tpl.fonts->chain(value))
          style.chain = chain;
      } else if (key == "size") {
        style.size = parse_length(value).value_or(style.size);
      } else if (key == "leading") {
        style.leading = parse_length(value).value_or(style.leading);
      } else if (key == "min-size") {
        style.min_size = parse_length(value).value_or(style.min_size);
      } else if (key == "align") {
        if (value == "left")
          style.align = text::Align::Left;
        if (value == "center")
          style.align = text::Align::Center;
        if (value == "right")
          style.align = text::Align::Right;
        if (value == "justify")
          style.align = text::Align::Justify;
      }
    }
    // "2em" counts in the final size, whichever order the properties came in.
    if (auto it = props.find("indent"); it != props.end()) {
      style.indent = parse_length(it->second, style.size).value_or(style.indent);
    }
    if (auto it = props.find("hang"); it != props.end()) {
      style.hang = parse_length(it->second, style.size).value_or(style.hang);
    }
  };
  if (element.has("style")) {
    auto it = tpl.styles.find(element.attr("style"));
    if (it != tpl.styles.end())
      apply(it->second.properties);
  }
  std::map<std::string, std::string> own;
  for (const auto& [k, v] : element.attributes) {
    if (kStyleKeys.count(k))
      own[k] = v;
  }
  apply(own);
  return style;
}

}  // namespace tuijie::merge
