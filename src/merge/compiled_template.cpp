#include "merge/compiled_template.hpp"

#include <stdexcept>

#include "core/units.hpp"
#include "merge/field_format.hpp"
#include "template/template_limits.hpp"

namespace tuijie::merge {
namespace {

using templates::Element;

struct PaperSize {
  const char* name;
  double width_mm, height_mm;
};
constexpr PaperSize kPapers[] = {{"A4", 210, 297}, {"A5", 148, 210}, {"A3", 297, 420}};

// The paper sizes of <page size>; the template language lists the same names.
void compile_page(const Element& page, layout::PageSetup& setup) {
  const std::string& size = page.choice("size");
  const std::string name = size.substr(0, size.find(' '));
  const bool landscape = size.size() > name.size();  // "A4 landscape"
  bool found = false;
  for (const auto& paper : kPapers) {
    if (name == paper.name) {
      setup.width = mm_to_pt(landscape ? paper.height_mm : paper.width_mm);
      setup.height = mm_to_pt(landscape ? paper.width_mm : paper.height_mm);
      found = true;
    }
  }
  if (!found)
    throw std::logic_error("template language: no paper size " + size);
  if (page.has("width"))
    setup.width = page.length_pt("width");
  if (page.has("height"))
    setup.height = page.length_pt("height");
  // margin="top right bottom left" like CSS, or one value for all four, or two (top and
  // bottom, right and left).
  std::vector<double> m;
  for (const templates::Length& length : page.lengths("margin"))
    m.push_back(length.points);
  if (m.size() == 1)
    m = {m[0], m[0], m[0], m[0]};
  if (m.size() == 2)
    m = {m[0], m[1], m[0], m[1]};
  setup.margin_top = m[0];
  setup.margin_right = m[1];
  setup.margin_bottom = m[2];
  setup.margin_left = m[3];
  if (page.has("margin-top"))
    setup.margin_top = page.length_pt("margin-top");
  if (page.has("margin-right"))
    setup.margin_right = page.length_pt("margin-right");
  if (page.has("margin-bottom"))
    setup.margin_bottom = page.length_pt("margin-bottom");
  if (page.has("margin-left"))
    setup.margin_left = page.length_pt("margin-left");
  if (page.has("first-margin-top"))
    setup.first_margin_top = page.length_pt("first-margin-top");
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
  for (const templates::TextPiece& piece : e.pattern(attr)) {
    if (!piece.is_field)
      continue;
    if (piece.text.empty()) {
      Diagnostic d = e.error("template-unknown-field", "属性 " + attr + " 中的 {} 没有写字段名",
                             "the attribute " + attr + " has a {} without a field name");
      d.value = e.attr(attr);
      problems.push_back(d);
    } else if (!catalog.knows(piece.text)) {
      Diagnostic d =
          e.error("template-unknown-field", "属性 " + attr + " 中的未知字段 " + piece.text,
                  "unknown field " + piece.text + " in the attribute " + attr);
      d.value = piece.text;
      problems.push_back(d);
    }
    // {nominator|or:name}: the second field when the first is empty.
    const bool fallback = piece.format.rfind("or:", 0) == 0;
    if (fallback && !catalog.knows(piece.format.substr(3))) {
      Diagnostic d = e.error("template-unknown-field",
                             "属性 " + attr + " 中的未知字段 " + piece.format.substr(3),
                             "unknown field " + piece.format.substr(3) + " in the attribute " + attr);
      d.value = piece.format.substr(3);
      problems.push_back(d);
    } else if (!fallback && !is_known_format(piece.format)) {
      Diagnostic d = e.error("template-bad-value", "属性 " + attr + " 中的未知格式",
                             "unknown format in the attribute " + attr);
      d.value = piece.format;
      problems.push_back(d);
    }
  }
}

// Every font="…" in the tree, <style> elements included.
void collect_font_roles(const Element& e, std::set<std::string>& roles) {
  if (e.has("font"))
    roles.insert(e.text_value("font"));
  for (const Element& child : e.children)
    collect_font_roles(child, roles);
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
    const std::string& name = e.field(attr);
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
    if (!is_known_format(e.text_value("format"))) {
      Diagnostic d = e.error("template-bad-value", "未知的格式", "unknown format");
      d.value = e.text_value("format");
      problems.push_back(d);
    }
  }
  if (e.name == "choices" || e.name == "photo")
    check_field("field");
  if (e.name == "choices" && !e.has("options") && !catalog.fields.empty() &&
      !catalog.choices.count(e.field("field"))) {
    Diagnostic d = e.error("template-no-options", "<choices> 需要 options，或一个有选项的字段",
                           "<choices> needs options=, or a field that has choices");
    d.value = e.field("field");
    problems.push_back(d);
  }
  if (e.name == "when" || (e.name == "repeat" && e.has("records") && e.has("field")))
    check_field("field");
  if (e.has("style") && !tpl.styles.count(e.text_value("style"))) {
    Diagnostic d = e.error("template-unknown-style", "未定义的样式", "undefined style");
    d.value = e.text_value("style");
    problems.push_back(d);
  }
  if (e.has("font") && !tpl.fonts->chain(e.text_value("font"))) {
    Diagnostic d = e.error("template-unknown-font", "字体清单中没有这个字体角色",
                           "the font manifest has no such font role");
    d.value = e.text_value("font");
    problems.push_back(d);
  }
  std::string prefix = list_prefix;
  if (e.name == "repeat" && e.has("choices")) {
    const std::string& field = e.field("choices");
    if (!catalog.fields.empty() && !catalog.choices.count(field)) {
      Diagnostic d = e.error("template-no-options", "没有选项的字段 " + field,
                             "the field " + field + " has no choices");
      d.value = field;
      problems.push_back(d);
    }
  } else if (e.name == "repeat" && e.has("records")) {
    // Inside, field names are the records' own: checked against the catalog as they are.
  } else if (e.name == "repeat") {
    const std::string& list = e.field("list");
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
  tpl.kind = root.text_value("kind");
  Diagnostics problems;
  for (const Element& child : root.children) {
    if (child.name == "page") {
      // Several <page>s offer the document on several papers; the first is the default.
      layout::PageSetup setup;
      compile_page(child, setup);
      const std::string& paper = child.choice("size");
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
        const std::string& name = style.text_value("name");
        if (name.empty()) {
          problems.push_back(style.error("template-missing-attribute", "<style> 缺少属性 name",
                                         "<style> needs the attribute name"));
          continue;
        }
        if (style.has("font") && !fonts.chain(style.text_value("font"))) {
          Diagnostic d = style.error("template-unknown-font", "字体清单中没有这个字体角色",
                                     "the font manifest has no such font role");
          d.value = style.text_value("font");
          problems.push_back(d);
        }
        tpl.styles[name] = StyleSpec{style};
      }
    }
  }
  check_element(root, tpl, catalog, "", problems);
  if (!problems.empty())
    throw TuijieError(problems);
  tpl.font_roles.insert("song");
  collect_font_roles(root, tpl.font_roles);
  tpl.root = std::move(root);
  return tpl;
}

layout::Style resolve_style(const CompiledTemplate& tpl, const Element& element,
                            const layout::Style& inherited) {
  layout::Style style = inherited;
  // The style properties an element (or a named <style>) sets; the others inherit.
  auto apply = [&](const Element& props) {
    if (props.has("font")) {
      if (const auto* chain = tpl.fonts->chain(props.text_value("font")))
        style.chain = chain;
    }
    if (props.has("size"))
      style.size = props.length_pt("size");
    if (props.has("leading"))
      style.leading = props.number("leading");
    if (props.has("min-size"))
      style.min_size = props.length_pt("min-size");
    if (props.has("color")) {
      const templates::Colour c = props.colour("color");
      style.color = page::Color{c.r, c.g, c.b};
    }
    if (props.has("align")) {
      const std::string& align = props.choice("align");
      style.align = align == "center"    ? text::Align::Center
                    : align == "right"   ? text::Align::Right
                    : align == "justify" ? text::Align::Justify
                                         : text::Align::Left;
    }
    // "2em" counts in the final size, whichever order the properties came in.
    if (props.has("indent"))
      style.indent = props.length_pt("indent", style.size);
    if (props.has("hang"))
      style.hang = props.length_pt("hang", style.size);
    if (props.has("chars-per-line"))
      style.chars_per_line = static_cast<int>(props.integer("chars-per-line"));
    // Body text on a 公文's grid breaks between any two characters, as Word sets it; the
    // term list (data/reference/terms.json) is for names, headers and cells.
    if (props.has("keep-terms"))
      style.terms = props.choice("keep-terms") == "yes" ? tpl.terms.get() : nullptr;
  };
  if (element.has("style")) {
    auto it = tpl.styles.find(element.text_value("style"));
    if (it != tpl.styles.end())
      apply(it->second.element);
  }
  apply(element);
  return style;
}

}  // namespace tuijie::merge
