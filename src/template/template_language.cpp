#include "template/template_language.hpp"

#include <stdexcept>

#include "template/template_limits.hpp"

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

using Default = std::optional<std::string>;
using Type = AttributeType;

AttributeSpec integer(double min, double max, Default value = {}) {
  return {Type::Integer, min, max, {}, false, std::move(value), {}};
}
AttributeSpec number(double min, double max, Default value = {}) {
  return {Type::Number, min, max, {}, false, std::move(value), {}};
}
AttributeSpec choice(std::vector<std::string> values, Default value = {}) {
  return {Type::Choice, 0, 0, std::move(values), false, std::move(value), {}};
}
AttributeSpec length(Default value = {}) {
  return {Type::Length, 0, 0, {}, false, std::move(value), {}};
}
// A length that may count in the current font size: indent="2em" is two characters.
AttributeSpec length_em(Default value = {}) {
  return {Type::Length, 0, 0, {}, true, std::move(value), {}};
}
AttributeSpec of(Type type, Default value = {}) {
  return {type, 0, 0, {}, false, std::move(value), {}};
}
AttributeSpec text(Default value = {}) {
  return of(Type::Text, std::move(value));
}
AttributeSpec pattern(Default value = {}, std::vector<std::string> values = {}) {
  return {Type::Pattern, 0, 0, std::move(values), false, std::move(value), {}};
}
AttributeSpec field_ref() {
  return of(Type::FieldRef);
}
AttributeSpec yes_no(const char* value) {
  return choice({"yes", "no"}, value);
}

const AttributeSpec kAlign = choice({"left", "center", "right", "justify"});
const AttributeSpec kVAlign = choice({"top", "middle", "bottom"});

std::map<std::string, ElementRule> build_language() {
  std::map<std::string, ElementRule> r;
  // A <choices> among blocks is a list of boxed options (in `columns` columns).
  const std::set<std::string> blocks = {
      "p",       "table",   "spacer",         "page-break", "photo",  "stamp", "when",
      "choices", "section", "page-numbering", "contents",   "repeat", "rule"};
  r["document"] = {{{"kind", text()},
                    {"title", pattern()},
                    {"author", pattern()},
                    {"subject", pattern()},
                    {"keywords", pattern()},
                    {"file-name", pattern("{key}")},
                    {"bookmark", text()},
                    {"tighten-to", number(0.5, 1, "1")}},
                   with(blocks, {"page", "styles", "footer", "header", "qr"})};
  r["qr"] = {{{"data", pattern()},
              {"size", length("12mm")},
              {"side", choice({"left", "right"}, "right")},
              {"pages", choice({"all", "first", "last"}, "all")},
              {"print", pattern("yes", {"yes", "no"})}},
             {}};
  r["page"] = {
      {{"size", choice({"A4", "A5", "A3", "A4 landscape", "A5 landscape", "A3 landscape"}, "A4")},
       {"width", length()},
       {"height", length()},
       {"margin", of(Type::Lengths, "20mm")},
       {"margin-top", length()},
       {"margin-bottom", length()},
       {"margin-left", length()},
       {"margin-right", length()},
       {"first-margin-top", length()}},
      {}};
  r["styles"] = {{}, {"style"}};
  r["style"] = {{{"name", text()},
                 {"font", text()},
                 {"size", length()},
                 {"leading", number(0.5, 5)},
                 {"align", kAlign},
                 {"color", of(Type::Colour)},
                 {"min-size", length()},
                 {"indent", length_em()},
                 {"hang", length_em()},
                 {"space-before", length_em()},
                 {"space-after", length_em()},
                 {"valign", kVAlign},
                 {"padding", length()},
                 {"chars-per-line", integer(1, 200)},
                 {"keep-terms", choice({"yes", "no"})}},
                {}};
  const std::map<std::string, AttributeSpec> furniture = {
      {"style", text()},
      {"side", choice({"outer"})},
      {"pages", choice({"all", "odd", "even", "after-first"}, "all")},
      {"offset", length()},
      {"inset", length_em("0")},
      {"section-openings", choice({"print", "skip"}, "print")}};
  r["header"] = {furniture, kInline};
  r["footer"] = {furniture, kInline};
  r["p"] = {{{"style", text()},
             {"align", kAlign},
             {"size", length()},
             {"font", text()},
             {"indent", length_em()},
             {"hang", length_em()},
             {"space-before", length_em("0")},
             {"space-after", length_em("0")},
             {"keep-with-next", yes_no("no")},
             {"min-size", length()},
             {"field-label", text()},
             {"chars-per-line", integer(1, 200)},
             {"keep-terms", choice({"yes", "no"})},
             {"box", choice({"line", "ink"}, "line")},
             {"print", pattern("yes", {"yes", "no"})}},
            kInline};
  r["rule"] = {{{"weight", of(Type::Lengths, "0.75pt")},
                {"gap", length("1pt")},
                {"length", length()},
                {"align", choice({"left", "center", "right"}, "center")},
                {"color", of(Type::Colour, "#000000")},
                {"space-before", length_em("0")},
                {"space-after", length_em("0")},
                {"from-bottom", length()},
                {"print", pattern("yes", {"yes", "no"})}},
               {}};
  r["span"] = {{}, kInline};
  r["table"] = {{{"columns", of(Type::ColumnWidths)},
                 {"border", length("0.6pt")},
                 {"padding", length()},
                 {"style", text()},
                 {"header-rows", integer(0, 100, "0")},
                 {"fit", choice({"given", "content"}, "given")},
                 {"space-before", length_em("0")},
                 {"space-after", length_em("0")}},
                {"row", "repeat", "when"}};
  // In a table a repeat holds rows; among blocks (<repeat records> only) it holds blocks.
  r["repeat"] = {{{"list", field_ref()},
                  {"min-rows", integer(0, kMaxMinRows, "0")},
                  {"choices", field_ref()},
                  {"level", integer(1, 10, "1")},
                  {"records", text()},
                  {"order-by", of(Type::FieldList)},
                  {"text-order", pattern("pinyin", {"pinyin", "stroke"})},
                  {"first-order", pattern()},
                  {"field", field_ref()},
                  {"equals", pattern()}},
                 with(blocks, {"row"})};
  r["section"] = {{{"title", pattern()},
                   {"bookmark", yes_no("yes")},
                   {"level", integer(1, 10, "1")},
                   {"start", choice({"page", "right"})},
                   {"contents", yes_no("yes")}},
                  blocks};
  r["page-numbering"] = {{{"start", integer(0, 9999, "1")}}, {}};
  r["contents"] = {{{"style", text()},
                    {"leader", text(".")},
                    {"size", length()},
                    {"font", text()},
                    {"space-before", length_em("0")},
                    {"space-after", length_em("0")}},
                   {}};
  r["section-title"] = {{}, {}};
  r["row"] = {
      {{"height", length("0")}, {"min-height", length("0")}, {"keep-with-next", yes_no("no")}},
      {"cell"}};
  r["cell"] = {{{"colspan", integer(1, 1000, "1")},
                {"rowspan", integer(1, 1000, "1")},
                {"style", text()},
                {"align", kAlign},
                {"valign", choice({"top", "middle", "bottom"}, "middle")},
                {"padding", length("1.5mm")},
                {"size", length()},
                {"font", text()},
                {"min-size", length()},
                {"split", choice({"allow"})},
                {"field-label", text()},
                {"fill", yes_no("no")},
                {"merge", choice({"same"})}},
               with(kInline, {"p", "photo", "stamp"})};
  // A format's names belong to merge/field_format.hpp: the compiler checks them.
  r["field"] = {{{"name", field_ref()}, {"format", text()}, {"empty", text()}}, {}};
  r["choices"] = {{{"field", field_ref()},
                   {"options", of(Type::Options)},
                   {"separator", text("\u3000")},
                   {"checked", text("☑")},
                   {"unchecked", text("☐")},
                   {"columns", integer(1, 100, "1")},
                   {"gap", length_em("2mm")},
                   {"under", pattern()},
                   {"style", text()},
                   {"size", length()},
                   {"font", text()},
                   {"min-size", length()},
                   {"space-before", length_em("0")},
                   {"space-after", length_em("0")}},
                  {}};
  r["br"] = {{}, {}};
  r["page-number"] = {{}, {}};
  r["page-count"] = {{}, {}};
  std::set<std::string> when_children = kInline;
  when_children.insert(blocks.begin(), blocks.end());
  when_children.insert("row");
  r["when"] = {{{"field", field_ref()},
                {"equals", text()},
                {"not-equals", text()},
                {"present", choice({"yes"})},
                {"absent", choice({"yes"})}},
               when_children};
  r["spacer"] = {{{"height", length("0")}}, {}};
  r["page-break"] = {{{"start", choice({"page", "right"}, "page")}}, {}};
  r["photo"] = {{{"field", field_ref()},
                 {"width", length("35mm")},
                 {"height", length("49mm")},
                 {"align", choice({"left", "center", "right"}, "center")},
                 {"max-dpi", integer(72, 1200, "300")}},
                {}};
  r["stamp"] = {{{"label", pattern()},
                 {"width", length("45mm")},
                 {"height", length("45mm")},
                 {"date", pattern("____年____月____日")},
                 {"signature", pattern()},
                 {"guide", choice({"circle"})},
                 {"style", text()},
                 {"seal", choice({"over"})},
                 {"date-inset", length_em("0")},
                 {"keep-lines-before", integer(0, 100, "0")},
                 {"keep-with-next", yes_no("no")}},
                {}};
  // Each default is parsed once, here, by the parser that reads the templates: a default that
  // is not a value of its own type is a bug found at the first template read.
  for (auto& [element, rule] : r) {
    for (auto& [name, spec] : rule.attributes) {
      if (!spec.default_text)
        continue;
      spec.default_value = parse_attribute_value(spec, *spec.default_text);
      if (!spec.default_value)
        throw std::logic_error("template language: bad default for " + element + " " + name);
    }
  }
  return r;
}

const std::map<std::string, ElementRule>& language() {
  static const std::map<std::string, ElementRule> rules = build_language();
  return rules;
}

std::string type_name(const AttributeSpec& spec) {
  switch (spec.type) {
    case Type::Integer:
      return "whole number " + std::to_string(static_cast<long>(spec.min)) + "–" +
             std::to_string(static_cast<long>(spec.max));
    case Type::Number: {
      auto shown = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.')
          s.pop_back();
        return s;
      };
      return "number " + shown(spec.min) + "–" + shown(spec.max);
    }
    case Type::Choice: {
      std::string out;
      for (const std::string& v : spec.values)
        out += (out.empty() ? "`" : " \\| `") + v + "`";
      return out;
    }
    case Type::Length:
      return spec.em ? "length (em allowed)" : "length";
    case Type::Lengths:
      return "1, 2 or 4 lengths";
    case Type::ColumnWidths:
      return "lengths, one `*` allowed";
    case Type::Colour:
      return "colour `#RRGGBB`";
    case Type::FieldRef:
      return "field";
    case Type::FieldList:
      return "fields";
    case Type::Options:
      return "texts separated by `\\|`";
    case Type::Text:
      return "text";
    case Type::Pattern: {
      std::string out = "text with `{field}`";
      for (const std::string& v : spec.values)
        out += " \\| `" + v + "`";
      return out;
    }
  }
  return "text";
}

}  // namespace

const ElementRule* rule_for(const std::string& element) {
  auto it = language().find(element);
  return it == language().end() ? nullptr : &it->second;
}

const AttributeSpec* attribute_spec(const std::string& element, const std::string& attribute) {
  const ElementRule* rule = rule_for(element);
  if (!rule)
    return nullptr;
  auto it = rule->attributes.find(attribute);
  return it == rule->attributes.end() ? nullptr : &it->second;
}

std::string attribute_table_markdown() {
  std::string out = "| element | attribute | value | default |\n|---|---|---|---|\n";
  for (const auto& [element, rule] : language()) {
    for (const auto& [name, spec] : rule.attributes) {
      std::string def = "—";
      if (spec.default_text)
        def = *spec.default_text == "\u3000" ? "`　` (U+3000)" : "`" + *spec.default_text + "`";
      out += "| `" + element + "` | `" + name + "` | " + type_name(spec) + " | " + def + " |\n";
    }
  }
  return out;
}

}  // namespace tuijie::templates
