#include "template/template_language.hpp"

#include <map>

namespace tuijie::templates {
namespace {

// Inline content: what may stand inside a paragraph or a cell.
const std::set<std::string> kInline = {"#text",      "field", "choices",
                                       "br",         "when",  "page-number",
                                       "page-count", "span",  "section-title"};

std::set<std::string> with(std::set<std::string> base, std::initializer_list<std::string> more) {
  base.insert(more);
  return base;
}

const std::map<std::string, ElementRule>& language() {
  static const std::map<std::string, ElementRule> rules = [] {
    std::map<std::string, ElementRule> r;
    // A <choices> among blocks is a list of boxed options (in `columns` columns).
    const std::set<std::string> blocks = {"p",       "table",          "spacer",   "page-break",
                                          "photo",   "stamp",          "when",     "choices",
                                          "section", "page-numbering", "contents", "repeat"};
    r["document"] = {
        {"kind", "title", "bookmark", "author", "subject", "keywords", "file-name", "tighten-to"},
        with(blocks, {"page", "styles", "footer", "header", "qr"})};
    r["qr"] = {{"data", "size", "side", "pages"}, {}};
    r["page"] = {{"size", "width", "height", "margin", "margin-top", "margin-bottom", "margin-left",
                  "margin-right"},
                 {}};
    r["styles"] = {{}, {"style"}};
    r["style"] = {{"name", "font", "size", "leading", "align", "color", "min-size", "indent",
                   "hang", "space-before", "space-after", "valign", "padding"},
                  {}};
    r["header"] = {{"style", "side", "pages"}, kInline};
    r["footer"] = {{"style", "side", "pages"}, kInline};
    r["p"] = {{"style", "align", "size", "font", "indent", "hang", "space-before", "space-after",
               "keep-with-next", "min-size", "field-label"},
              kInline};
    r["span"] = {{}, kInline};
    r["table"] = {
        {"columns", "border", "padding", "style", "header-rows", "space-before", "space-after"},
        {"row", "repeat", "when"}};
    // In a table a repeat holds rows; among blocks (<repeat records> only) it holds blocks.
    r["repeat"] = {{"list", "min-rows", "choices", "level", "records", "order-by", "text-order",
                    "field", "equals"},
                   with(blocks, {"row"})};
    r["section"] = {{"title", "bookmark", "level", "start", "contents"}, blocks};
    r["page-numbering"] = {{"start"}, {}};
    r["contents"] = {{"style", "leader", "size", "font", "space-before", "space-after"}, {}};
    r["section-title"] = {{}, {}};
    r["row"] = {{"height", "min-height", "keep-with-next"}, {"cell"}};
    r["cell"] = {{"colspan", "rowspan", "style", "align", "valign", "padding", "size", "font",
                  "min-size", "split", "field-label", "fill", "merge"},
                 with(kInline, {"p", "photo", "stamp"})};
    r["field"] = {{"name", "format", "empty"}, {}};
    r["choices"] = {{"field", "options", "separator", "checked", "unchecked", "columns", "gap",
                     "under", "style", "size", "font", "min-size", "space-before", "space-after"},
                    {}};
    r["br"] = {{}, {}};
    r["page-number"] = {{}, {}};
    r["page-count"] = {{}, {}};
    std::set<std::string> when_children = kInline;
    when_children.insert(blocks.begin(), blocks.end());
    when_children.insert("row");
    r["when"] = {{"field", "equals", "not-equals", "present", "absent"}, when_children};
    r["spacer"] = {{"height"}, {}};
    r["page-break"] = {{"start"}, {}};
    r["photo"] = {{"field", "width", "height", "align", "max-dpi"}, {}};
    r["stamp"] = {{"label", "width", "height", "date", "signature", "guide", "style", "seal",
                   "date-inset", "keep-lines-before", "keep-with-next"},
                  {}};
    return r;
  }();
  return rules;
}

}  // namespace

const ElementRule* rule_for(const std::string& element) {
  auto it = language().find(element);
  return it == language().end() ? nullptr : &it->second;
}

bool is_length_attribute(const std::string& element, const std::string& attribute) {
  if (element == "page" && attribute == "size")
    return false;  // a paper name, "A4"
  static const std::set<std::string> lengths = {
      "width",        "height",       "margin-top",  "margin-bottom", "margin-left",
      "margin-right", "size",         "border",      "padding",       "min-height",
      "min-size",     "space-before", "space-after", "indent",        "gap"};
  return lengths.count(attribute) > 0;
}

}  // namespace tuijie::templates
