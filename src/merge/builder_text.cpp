// The document builder's inline content: text, fields, check boxes inline, line breaks,
// folio marks and conditions, joined into one paragraph's text.
#include "merge/builder.hpp"

#include "merge/field_format.hpp"

namespace tuijie::merge {

// XML indentation inside Chinese text must vanish, not become spaces: white space that
// contains a line break is dropped; other spaces are kept as written.
std::string Builder::normalise_space(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      size_t j = i;
      bool newline = false;
      while (j < text.size() &&
             (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) {
        newline = newline || text[j] == '\n';
        ++j;
      }
      if (!newline)
        out.append(text, i, j - i);
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string Builder::inline_text(const Element& e) const {
  std::string out;
  for (const Element& child : e.children) {
    budget_.spend(1, child);
    if (child.is_text()) {
      out += normalise_space(child.text);
    } else if (child.name == "field") {
      std::string v = format_value(scope_.value(child.field("name")), child.text_value("format"));
      out += v.empty() ? child.text_value("empty") : v;
    } else if (child.name == "choices") {
      out += choices_text(child);
    } else if (child.name == "br") {
      out += "\n";
    } else if (child.name == "page-number") {
      out += layout::kPageNumberMark;
    } else if (child.name == "page-count") {
      out += layout::kPageCountMark;
    } else if (child.name == "section-title") {
      // In running text, the title of each page's section; in the body, the section's own.
      out += in_furniture_ ? std::string(layout::kSectionTitleMark) : section_title_;
    } else if (child.name == "when") {
      if (condition_holds(child))
        out += inline_text(child);
    } else if (child.name == "span") {
      out += inline_text(child);
    }
  }
  return out;
}

// The field an overflow report names: the template's field-label, else the first field.
std::string Builder::label_of(const Element& e) {
  if (e.has("field-label"))
    return e.text_value("field-label");
  for (const Element& child : e.children) {
    if (child.name == "field")
      return child.field("name");
    if (child.name == "choices")
      return child.field("field");
    std::string inner = child.is_text() ? std::string() : label_of(child);
    if (!inner.empty())
      return inner;
  }
  return {};
}

layout::Paragraph Builder::paragraph(const Element& e, const layout::Style& style) const {
  layout::Paragraph p;
  p.style = style;
  p.text = inline_text(e);
  budget_.spend_text(p.text.size(), e);
  p.label = label_of(e);
  p.space_before = e.length_pt("space-before", style.size);
  p.space_after = e.length_pt("space-after", style.size);
  p.keep_with_next = e.choice("keep-with-next") == "yes";
  p.ink_box = e.choice("box") == "ink";
  p.hidden = !printed(e);
  return p;
}

// print="{letter.print_letterhead}": the campaign or the job says whether it is printed.
bool Builder::printed(const Element& e) const {
  return expand(e.pattern("print"), scope_) != "no";
}

layout::Rule Builder::rule(const Element& e) const {
  layout::Rule r;
  for (const templates::Length& weight : e.lengths("weight"))
    r.lines.push_back(weight.points);
  r.gap = e.length_pt("gap");
  if (e.has("length"))
    r.length = e.length_pt("length");
  const std::string& align = e.choice("align");
  r.align = align == "left"    ? text::Align::Left
            : align == "right" ? text::Align::Right
                               : text::Align::Center;
  const templates::Colour c = e.colour("color");
  r.color = page::Color{c.r, c.g, c.b};
  r.space_before = e.length_pt("space-before");
  r.space_after = e.length_pt("space-after");
  if (e.has("from-bottom"))
    r.from_bottom = e.length_pt("from-bottom");
  r.hidden = !printed(e);
  return r;
}

bool Builder::is_inline(const Element& e) {
  return e.is_text() || e.name == "field" || (e.name == "choices" && !e.has("columns")) ||
         e.name == "br" || e.name == "span" || e.name == "page-number" || e.name == "page-count" ||
         e.name == "section-title" ||
         (e.name == "when" && !e.children.empty() && is_inline(e.children.front()));
}

}  // namespace tuijie::merge
