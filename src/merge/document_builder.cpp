#include "merge/document_builder.hpp"

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "image/image.hpp"
#include "merge/field_format.hpp"

namespace tuijie::merge {
namespace {

using templates::Element;

// Where field names are looked up: inside <repeat> the list entry; elsewhere the record, then
// the campaign values.
struct Scope {
  const records::Record& record;
  const Globals& globals;
  const records::Entry* entry = nullptr;

  std::string value(const std::string& name) const {
    if (entry) {  // inside <repeat> a name means the entry's field, even when empty
      auto it = entry->find(name);
      return it == entry->end() ? std::string() : it->second;
    }
    auto it = record.fields.find(name);
    if (it != record.fields.end())
      return it->second;
    auto g = globals.find(name);
    return g == globals.end() ? std::string() : g->second;
  }
};

class Builder {
 public:
  Builder(const CompiledTemplate& tpl, const Globals& globals, const records::Record& record,
          Diagnostics& diagnostics)
      : tpl_(tpl), scope_{record, globals}, diagnostics_(diagnostics) {}

  layout::DocumentModel build() {
    layout::DocumentModel model;
    model.page = tpl_.page;
    model.name = record_name();
    layout::Style base;
    base.chain = tpl_.fonts->chain("song");
    if (!base.chain)
      base.chain = tpl_.fonts->chain(tpl_.fonts->roles().front());
    base_ = resolve_style(tpl_, tpl_.root, base);
    const Element& root = tpl_.root;
    model.info.title = substitute(root.attr("title"), scope_.record, scope_.globals);
    model.info.subject = substitute(root.attr("subject"), scope_.record, scope_.globals);
    model.info.keywords = substitute(root.attr("keywords"), scope_.record, scope_.globals);
    model.info.author = substitute(root.attr("author"), scope_.record, scope_.globals);
    for (const Element& child : root.children) {
      if (child.name == "footer" || child.name == "header") {
        layout::PageFurniture f{resolve_style(tpl_, child, base_), inline_text(child)};
        (child.name == "footer" ? model.footers : model.headers).push_back(f);
      } else {
        add_block(child, base_, model.blocks);
      }
    }
    return model;
  }

 private:
  std::string record_name() const {
    std::string name = scope_.record.get("name");
    return name.empty() ? scope_.record.key : scope_.record.key + " " + name;
  }

  bool condition_holds(const Element& when) const {
    std::string value = scope_.value(when.attr("field"));
    if (when.has("equals"))
      return value == when.attr("equals");
    if (when.has("not-equals"))
      return value != when.attr("not-equals");
    if (when.has("absent"))
      return value.empty();
    return !value.empty();  // "present", or no test at all
  }

  // XML indentation inside Chinese text must vanish, not become spaces: white space that
  // contains a line break is dropped; other spaces are kept as written.
  static std::string normalise_space(const std::string& text) {
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

  std::string choices_text(const Element& e) const {
    std::string value = scope_.value(e.attr("field"));
    std::string checked = e.attr("checked", "☑");
    std::string unchecked = e.attr("unchecked", "☐");
    std::string separator = e.attr("separator", "\u3000");
    std::string options = e.attr("options");
    std::string out;
    size_t start = 0;
    while (start <= options.size()) {
      size_t bar = options.find('|', start);
      std::string option = options.substr(start, bar == std::string::npos ? bar : bar - start);
      // A list value holds several items joined with 、.
      bool on =
          value == option || ("、" + value + "、").find("、" + option + "、") != std::string::npos;
      if (!out.empty())
        out += separator;
      // A box and its option never part at a line end: word joiners between every
      // character (invisible, and not drawn) leave the separators as the only breaks.
      out += on ? checked : unchecked;
      for (char32_t c : utf8::decode(option)) {
        out += "\u2060";
        utf8::append(out, c);
      }
      if (bar == std::string::npos)
        break;
      start = bar + 1;
    }
    return out;
  }

  std::string inline_text(const Element& e) const {
    std::string out;
    for (const Element& child : e.children) {
      if (child.is_text()) {
        out += normalise_space(child.text);
      } else if (child.name == "field") {
        std::string v = format_value(scope_.value(child.attr("name")), child.attr("format"));
        out += v.empty() ? child.attr("empty") : v;
      } else if (child.name == "choices") {
        out += choices_text(child);
      } else if (child.name == "br") {
        out += "\n";
      } else if (child.name == "page-number") {
        out += layout::kPageNumberMark;
      } else if (child.name == "page-count") {
        out += layout::kPageCountMark;
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
  static std::string label_of(const Element& e) {
    if (e.has("field-label"))
      return e.attr("field-label");
    for (const Element& child : e.children) {
      if (child.name == "field")
        return child.attr("name");
      if (child.name == "choices")
        return child.attr("field");
      std::string inner = child.is_text() ? std::string() : label_of(child);
      if (!inner.empty())
        return inner;
    }
    return {};
  }

  layout::Paragraph paragraph(const Element& e, const layout::Style& style) const {
    layout::Paragraph p;
    p.style = style;
    p.text = inline_text(e);
    p.label = label_of(e);
    p.space_before = parse_length(e.attr("space-before"), style.size).value_or(0);
    p.space_after = parse_length(e.attr("space-after"), style.size).value_or(0);
    p.keep_with_next = e.attr("keep-with-next") == "yes";
    return p;
  }

  layout::Photo photo(const Element& e) {
    layout::Photo p;
    p.width = parse_length(e.attr("width", "35mm")).value_or(mm_to_pt(35));
    p.height = parse_length(e.attr("height", "49mm")).value_or(mm_to_pt(49));
    std::string align = e.attr("align", "center");
    p.align = align == "left"    ? text::Align::Left
              : align == "right" ? text::Align::Right
                                 : text::Align::Center;
    std::string path = scope_.value(e.attr("field"));
    if (!path.empty()) {
      int dpi = std::stoi(e.attr("max-dpi", "300"));
      try {
        p.image = image::prepare_for_print(path, p.width, p.height, dpi);
      } catch (const TuijieError& error) {
        for (Diagnostic d : error.diagnostics()) {
          d.record = record_name();
          d.column_name = e.attr("field");
          diagnostics_.push_back(d);
        }
      }
    }
    return p;
  }

  layout::StampZone stamp(const Element& e, const layout::Style& style) const {
    layout::StampZone z;
    z.style = resolve_style(tpl_, e, style);
    z.label = e.attr("label");
    z.signature = e.attr("signature");
    z.date = e.attr("date", "____年____月____日");
    z.width = parse_length(e.attr("width", "45mm")).value_or(mm_to_pt(45));
    z.height = parse_length(e.attr("height", "45mm")).value_or(mm_to_pt(45));
    z.guide = e.attr("guide") == "circle";
    return z;
  }

  static bool is_inline(const Element& e) {
    return e.is_text() || e.name == "field" || e.name == "choices" || e.name == "br" ||
           e.name == "span" || e.name == "page-number" || e.name == "page-count" ||
           (e.name == "when" && !e.children.empty() && is_inline(e.children.front()));
  }

  void cell_blocks(const Element& e, const layout::Style& style, std::vector<layout::Block>& out) {
    // Runs of inline content become one paragraph in the cell's style.
    Element run;
    auto flush = [&] {
      if (run.children.empty())
        return;
      run.attributes = e.attributes;
      out.push_back(paragraph(run, style));
      run.children.clear();
    };
    for (const Element& child : e.children) {
      if (is_inline(child)) {
        run.children.push_back(child);
      } else {
        flush();
        add_block(child, style, out);
      }
    }
    flush();
  }

  layout::Cell cell(const Element& e, const layout::Style& inherited) {
    layout::Cell c;
    c.colspan = std::max(1, std::atoi(e.attr("colspan", "1").c_str()));
    c.rowspan = std::max(1, std::atoi(e.attr("rowspan", "1").c_str()));
    layout::Style style = resolve_style(tpl_, e, inherited);
    c.padding = parse_length(property(e, "padding", "1.5mm")).value_or(mm_to_pt(1.5));
    std::string valign = property(e, "valign", "middle");
    c.valign = valign == "top"      ? layout::VAlign::Top
               : valign == "bottom" ? layout::VAlign::Bottom
                                    : layout::VAlign::Middle;
    c.splittable = e.attr("split") == "allow";
    c.fill = e.attr("fill") == "yes";
    cell_blocks(e, style, c.blocks);
    return c;
  }

  // A property from the element, else its named style, else the table's, else `fallback`.
  std::string property(const Element& e, const std::string& key,
                       const std::string& fallback) const {
    if (e.has(key))
      return e.attr(key);
    if (e.has("style")) {
      auto it = tpl_.styles.find(e.attr("style"));
      if (it != tpl_.styles.end() && it->second.properties.count(key)) {
        return it->second.properties.at(key);
      }
    }
    if (table_ && table_->has(key))
      return table_->attr(key);
    return fallback;
  }

  void add_rows(const Element& e, const layout::Style& style, layout::Table& table) {
    for (const Element& child : e.children) {
      if (child.name == "row") {
        layout::Row row;
        row.height = parse_length(child.attr("height")).value_or(0);
        row.min_height = parse_length(child.attr("min-height")).value_or(0);
        row.keep_with_next = child.attr("keep-with-next") == "yes";
        for (const Element& c : child.children) {
          if (c.name == "cell")
            row.cells.push_back(cell(c, style));
        }
        table.rows.push_back(std::move(row));
      } else if (child.name == "repeat") {
        const auto& lists = scope_.record.lists;
        auto it = lists.find(child.attr("list"));
        size_t count = it == lists.end() ? 0 : it->second.size();
        size_t min_rows =
            static_cast<size_t>(std::max(0, std::atoi(child.attr("min-rows", "0").c_str())));
        static const records::Entry kEmpty;
        for (size_t i = 0; i < std::max(count, min_rows); ++i) {
          const records::Entry* saved = scope_.entry;
          scope_.entry = i < count ? &it->second[i] : &kEmpty;
          add_rows(child, style, table);
          scope_.entry = saved;
        }
      } else if (child.name == "when") {
        if (condition_holds(child))
          add_rows(child, style, table);
      }
    }
  }

  void add_block(const Element& e, const layout::Style& inherited,
                 std::vector<layout::Block>& out) {
    if (e.is_text())
      return;
    if (e.name == "p") {
      out.push_back(paragraph(e, resolve_style(tpl_, e, inherited)));
    } else if (e.name == "table") {
      auto table = std::make_shared<layout::Table>();
      for (const auto& token : split_lengths(e.attr("columns")))
        table->columns.push_back(token);
      table->border = parse_length(e.attr("border", "0.6pt")).value_or(0.6);
      table->header_rows = std::atoi(e.attr("header-rows", "0").c_str());
      table->space_before = parse_length(e.attr("space-before"), inherited.size).value_or(0);
      table->space_after = parse_length(e.attr("space-after"), inherited.size).value_or(0);
      const Element* saved = table_;
      table_ = &e;
      add_rows(e, resolve_style(tpl_, e, inherited), *table);
      table_ = saved;
      out.emplace_back(std::move(table));
    } else if (e.name == "photo") {
      out.push_back(photo(e));
    } else if (e.name == "stamp") {
      out.push_back(stamp(e, inherited));
    } else if (e.name == "spacer") {
      out.push_back(layout::Spacer{parse_length(e.attr("height", "0")).value_or(0)});
    } else if (e.name == "page-break") {
      out.push_back(layout::PageBreak{});
    } else if (e.name == "when") {
      if (condition_holds(e)) {
        for (const Element& child : e.children)
          add_block(child, inherited, out);
      }
    }
  }

  static std::vector<double> split_lengths(const std::string& list) {
    std::vector<double> out;
    size_t i = 0;
    while (i < list.size()) {
      size_t j = list.find(' ', i);
      if (j == std::string::npos)
        j = list.size();
      if (j > i) {
        if (auto v = parse_length(list.substr(i, j - i)))
          out.push_back(*v);
      }
      i = j + 1;
    }
    return out;
  }

  const CompiledTemplate& tpl_;
  Scope scope_;
  Diagnostics& diagnostics_;
  layout::Style base_;
  const Element* table_ = nullptr;
};

}  // namespace

std::string substitute(const std::string& pattern, const records::Record& record,
                       const Globals& globals) {
  Scope scope{record, globals};
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find('{', i);
    size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (close == std::string::npos) {
      out.append(pattern, i);
      break;
    }
    out.append(pattern, i, open - i);
    out += scope.value(pattern.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  return out;
}

layout::DocumentModel build_document(const CompiledTemplate& tpl, const records::Record& record,
                                     const Globals& globals, Diagnostics& diagnostics) {
  return Builder(tpl, globals, record, diagnostics).build();
}

}  // namespace tuijie::merge
