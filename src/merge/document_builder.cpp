#include "merge/document_builder.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "image/image.hpp"
#include "merge/expansion_budget.hpp"
#include "merge/field_format.hpp"
#include "template/template_limits.hpp"

namespace tuijie::merge {
namespace {

using templates::Element;

// The node a <repeat choices> is at: a group or category of a choice tree, or an option.
struct NodeScope {
  ChoiceNode node;
  ChoiceNode parent;  // empty at the top level
};

// Where field names are looked up: inside <repeat choices> the node for choice.*; inside
// <repeat list> the list entry; elsewhere the record, then the campaign values.
struct Scope {
  const records::Record* record;
  const Globals& globals;
  const records::Entry* entry = nullptr;
  const NodeScope* node = nullptr;
  size_t row_number = 0;                                       // inside <repeat records>
  const std::map<std::string, std::string>* totals = nullptr;  // of the last <repeat records>

  std::string value(const std::string& name) const {
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
};

// A text with placeholders (split when the template was read) with each {name} replaced by
// the value the scope gives the name; "{name|format}" formats it as <field format> would
// ("{campaign.dates.document|date}" -> 2020年7月8日).
std::string expand(const templates::TextPattern& pattern, const Scope& scope) {
  std::string out;
  for (const templates::TextPiece& piece : pattern) {
    if (!piece.is_field)
      out += piece.text;
    else if (piece.format.empty())
      out += scope.value(piece.text);
    else
      out += format_value(scope.value(piece.text), piece.format);
  }
  return out;
}

class Builder {
 public:
  Builder(const CompiledTemplate& tpl, const Globals& globals, const records::Record& record,
          const RecordSets* sets, Diagnostics& diagnostics)
      : tpl_(tpl),
        scope_{&record, globals},
        sets_(sets),
        diagnostics_(diagnostics),
        budget_(templates::kMaxExpansion, templates::kMaxTextBytes) {}

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
    model.info.title = expand(root.pattern("title"), scope_);
    model.info.subject = expand(root.pattern("subject"), scope_);
    model.info.keywords = expand(root.pattern("keywords"), scope_);
    model.info.author = expand(root.pattern("author"), scope_);
    model.tighten_to = root.number("tighten-to");
    for (const Element& child : root.children) {
      if (child.name == "qr") {
        model.qr = layout::QrMark{expand(child.pattern("data"), scope_), child.length_pt("size"),
                                  child.choice("side") == "left", child.choice("pages") == "first"};
      } else if (child.name == "footer" || child.name == "header") {
        in_furniture_ = true;
        const std::string running_text = inline_text(child);
        in_furniture_ = false;
        budget_.spend_text(running_text.size(), child);
        layout::PageFurniture f{resolve_style(tpl_, child, base_), running_text,
                                child.choice("side") == "outer"};
        const std::string& pages = child.choice("pages");
        f.sides = pages == "odd"    ? layout::PageSides::Odd
                  : pages == "even" ? layout::PageSides::Even
                                    : layout::PageSides::All;
        (child.name == "footer" ? model.footers : model.headers).push_back(f);
      } else {
        add_block(child, base_, model.blocks);
      }
    }
    fill_contents(model.blocks);
    return model;
  }

 private:
  std::string record_name() const {
    std::string name = scope_.record->get("name");
    return name.empty() ? scope_.record->key : scope_.record->key + " " + name;
  }

  bool condition_holds(const Element& when) const {
    std::string value = scope_.value(when.field("field"));
    if (when.has("equals"))
      return value == when.text_value("equals");
    if (when.has("not-equals"))
      return value != when.text_value("not-equals");
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

  // The options a <choices> offers: its own `options` list, else the field's choices from the
  // schema, narrowed by `under` to those below one node of a tree.
  std::vector<ChoiceOption> options_of(const Element& e) const {
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
  static bool is_chosen(const std::string& value, const std::string& option) {
    return value == option || ("、" + value + "、").find("、" + option + "、") != std::string::npos;
  }

  // The box and the option's first character never part at a line end: a word joiner
  // (invisible, not drawn, not copied out) between them.
  static std::string boxed(const std::string& box, const std::string& name, bool glue_all) {
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

  std::string choices_text(const Element& e) const {
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
  layout::ColumnList choice_columns(const Element& e, const layout::Style& inherited) const {
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

  std::string inline_text(const Element& e) const {
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
  static std::string label_of(const Element& e) {
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

  layout::Paragraph paragraph(const Element& e, const layout::Style& style) const {
    layout::Paragraph p;
    p.style = style;
    p.text = inline_text(e);
    budget_.spend_text(p.text.size(), e);
    p.label = label_of(e);
    p.space_before = e.length_pt("space-before", style.size);
    p.space_after = e.length_pt("space-after", style.size);
    p.keep_with_next = e.choice("keep-with-next") == "yes";
    return p;
  }

  layout::Photo photo(const Element& e) {
    layout::Photo p;
    p.width = e.length_pt("width");
    p.height = e.length_pt("height");
    const std::string& align = e.choice("align");
    p.align = align == "left"    ? text::Align::Left
              : align == "right" ? text::Align::Right
                                 : text::Align::Center;
    std::string path = scope_.value(e.field("field"));
    if (!path.empty()) {
      const int dpi = static_cast<int>(e.integer("max-dpi"));
      try {
        p.image = image::prepare_for_print(path, p.width, p.height, dpi);
      } catch (const TuijieError& error) {
        for (Diagnostic d : error.diagnostics()) {
          d.record = record_name();
          d.column_name = e.field("field");
          diagnostics_.push_back(d);
        }
      }
    }
    return p;
  }

  layout::StampZone stamp(const Element& e, const layout::Style& style) const {
    layout::StampZone z;
    z.style = resolve_style(tpl_, e, style);
    z.label = expand(e.pattern("label"), scope_);
    z.signature = expand(e.pattern("signature"), scope_);
    z.date = expand(e.pattern("date"), scope_);
    z.width = e.length_pt("width");
    z.height = e.length_pt("height");
    z.guide = e.choice("guide") == "circle";
    z.seal_over = e.choice("seal") == "over";
    z.date_inset = e.length_pt("date-inset", z.style.size);
    z.keep_lines_before = static_cast<int>(e.integer("keep-lines-before"));
    z.keep_with_next = e.choice("keep-with-next") == "yes";
    return z;
  }

  static bool is_inline(const Element& e) {
    return e.is_text() || e.name == "field" || (e.name == "choices" && !e.has("columns")) ||
           e.name == "br" || e.name == "span" || e.name == "page-number" ||
           e.name == "page-count" || e.name == "section-title" ||
           (e.name == "when" && !e.children.empty() && is_inline(e.children.front()));
  }

  void cell_blocks(const Element& e, const layout::Style& style, std::vector<layout::Block>& out) {
    // Runs of inline content become one paragraph in the cell's style.
    // The run is a paragraph that carries the cell's field-label (what an overflow names).
    Element run;
    run.name = "p";
    run.pos = e.pos;
    if (auto label = e.attributes.find("field-label"); label != e.attributes.end())
      run.attributes.insert(*label);
    auto flush = [&] {
      if (run.children.empty())
        return;
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
    c.colspan = static_cast<int>(e.integer("colspan"));
    c.rowspan = static_cast<int>(e.integer("rowspan"));
    layout::Style style = resolve_style(tpl_, e, inherited);
    c.padding = property_source(e, "padding").length_pt("padding");
    const std::string& valign = property_source(e, "valign").choice("valign");
    c.valign = valign == "top"      ? layout::VAlign::Top
               : valign == "bottom" ? layout::VAlign::Bottom
                                    : layout::VAlign::Middle;
    c.splittable = e.choice("split") == "allow";
    c.fill = e.choice("fill") == "yes";
    cell_blocks(e, style, c.blocks);
    return c;
  }

  // Where a cell's property is set: the cell, else its named style, else the table; else
  // the cell itself, whose reading gives the language's default.
  const Element& property_source(const Element& cell, const std::string& key) const {
    if (cell.has(key))
      return cell;
    if (cell.has("style")) {
      auto it = tpl_.styles.find(cell.text_value("style"));
      if (it != tpl_.styles.end() && it->second.element.has(key))
        return it->second.element;
    }
    if (table_ && table_->has(key))
      return *table_;
    return cell;
  }

  void add_rows(const Element& e, const layout::Style& style, layout::Table& table) {
    for (const Element& child : e.children) {
      if (child.name == "row") {
        budget_.spend(1, child);
        layout::Row row;
        row.height = child.length_pt("height");
        row.min_height = child.length_pt("min-height");
        row.keep_with_next = child.choice("keep-with-next") == "yes";
        for (const Element& c : child.children) {
          if (c.name != "cell")
            continue;
          budget_.spend(1, c);
          if (c.choice("merge") == "same")
            merges_.push_back({table.rows.size(), row.cells.size(), inline_text(c)});
          row.cells.push_back(cell(c, style));
        }
        table.rows.push_back(std::move(row));
      } else if (child.name == "repeat" && child.has("choices")) {
        budget_.enter(child);
        for (const NodeScope& node : choice_nodes(child)) {
          budget_.spend(1, child);
          const NodeScope* saved = scope_.node;
          scope_.node = &node;
          add_rows(child, style, table);
          scope_.node = saved;
        }
        budget_.leave();
      } else if (child.name == "repeat" && child.has("records")) {
        add_record_rows(child, style, table);
      } else if (child.name == "repeat") {
        const auto& lists = scope_.record->lists;
        auto it = lists.find(child.field("list"));
        size_t count = it == lists.end() ? 0 : it->second.size();
        const auto min_rows = static_cast<size_t>(child.integer("min-rows"));
        static const records::Entry kEmpty;
        budget_.enter(child);
        for (size_t i = 0; i < std::max(count, min_rows); ++i) {
          budget_.spend(1, child);
          const records::Entry* saved = scope_.entry;
          scope_.entry = i < count ? &it->second[i] : &kEmpty;
          add_rows(child, style, table);
          scope_.entry = saved;
        }
        budget_.leave();
      } else if (child.name == "when") {
        if (condition_holds(child))
          add_rows(child, style, table);
      }
    }
  }

  // The records a <repeat records> runs over: the job's set of that kind, narrowed to those
  // whose `field` equals `equals` (read in the scope around the repeat: a section's records),
  // in `order-by` order.
  std::vector<const records::Record*> records_of(const Element& repeat) const {
    static const std::vector<records::Record> kNone;
    const std::vector<records::Record>* records = &kNone;
    if (sets_) {
      auto it = sets_->find(repeat.text_value("records"));
      if (it != sets_->end())
        records = &it->second;
    }
    // Ordering and filtering the set costs its size, each time the repeat runs.
    budget_.spend(records->size(), repeat);
    std::vector<const records::Record*> rows =
        ordered(*records, repeat.fields("order-by"),
                text_order_named(expand(repeat.pattern("text-order"), scope_)));
    if (repeat.has("field")) {
      const std::string& field = repeat.field("field");
      const std::string wanted = expand(repeat.pattern("equals"), scope_);
      std::erase_if(rows, [&](const records::Record* r) { return r->get(field) != wanted; });
    }
    return rows;
  }

  // Runs `each` once per record of a <repeat records>, with the record (and its 序号) in
  // scope; afterwards total.* hold the sums of those records' numeric fields (for a totals
  // row).
  template <typename Each>
  void for_each_record(const Element& repeat, Each each) {
    const std::vector<const records::Record*> rows = records_of(repeat);
    auto totals = std::make_shared<std::map<std::string, std::string>>(column_totals(rows));
    (*totals)["rows"] = std::to_string(rows.size());
    totals_.push_back(totals);
    const records::Record* saved = scope_.record;
    const size_t saved_number = scope_.row_number;
    budget_.enter(repeat);
    for (size_t i = 0; i < rows.size(); ++i) {
      budget_.spend(1, repeat);
      scope_.record = rows[i];
      scope_.row_number = i + 1;
      each();
    }
    budget_.leave();
    scope_.record = saved;
    scope_.row_number = saved_number;
    scope_.totals = totals.get();
  }

  void add_record_rows(const Element& repeat, const layout::Style& style, layout::Table& table) {
    for_each_record(repeat, [&] { add_rows(repeat, style, table); });
  }

  // The nodes at `level` of a choice field's tree (1 = outermost), in the options' order:
  // level 1 of 表格 2 gives ITO, BPO, KPO; level 2 its nine categories; level 3 the leaves.
  std::vector<NodeScope> choice_nodes(const Element& repeat) const {
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

  // Cells marked merge="same" join the same cell of the rows below while their text is equal:
  // the first keeps its content and spans them, the others give up their cell.
  void apply_merges(layout::Table& table) {
    struct Span {
      size_t row, cell, rows;
    };
    std::vector<Span> spans;
    for (size_t i = 0; i < merges_.size();) {
      size_t j = i + 1;
      while (j < merges_.size() && merges_[j].cell == merges_[i].cell &&
             merges_[j].row == merges_[j - 1].row + 1 && merges_[j].text == merges_[i].text &&
             table.rows[merges_[j].row].cells[merges_[j].cell].rowspan == 1)
        ++j;
      if (j - i > 1)
        spans.push_back({merges_[i].row, merges_[i].cell, j - i});
      i = j;
    }
    // Later cells first, so that erasing a cell leaves the other marks' positions valid.
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.cell > b.cell; });
    for (const Span& span : spans) {
      table.rows[span.row].cells[span.cell].rowspan = static_cast<int>(span.rows);
      for (size_t r = span.row + 1; r < span.row + span.rows; ++r) {
        auto& cells = table.rows[r].cells;
        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(span.cell));
      }
    }
  }

  void add_block(const Element& e, const layout::Style& inherited,
                 std::vector<layout::Block>& out) {
    if (e.is_text())
      return;
    budget_.spend(1, e);
    if (e.name == "p") {
      out.push_back(paragraph(e, resolve_style(tpl_, e, inherited)));
    } else if (e.name == "table") {
      auto table = std::make_shared<layout::Table>();
      table->columns = column_widths(e.column_widths("columns"));
      table->border = e.length_pt("border");
      table->header_rows = static_cast<int>(e.integer("header-rows"));
      table->space_before = e.length_pt("space-before", inherited.size);
      table->space_after = e.length_pt("space-after", inherited.size);
      const Element* saved = table_;
      std::vector<MergeMark> saved_merges = std::move(merges_);
      merges_.clear();
      table_ = &e;
      add_rows(e, resolve_style(tpl_, e, inherited), *table);
      apply_merges(*table);
      table_ = saved;
      merges_ = std::move(saved_merges);
      out.emplace_back(std::move(table));
    } else if (e.name == "photo") {
      out.push_back(photo(e));
    } else if (e.name == "stamp") {
      out.push_back(stamp(e, inherited));
    } else if (e.name == "choices") {
      out.push_back(choice_columns(e, inherited));
    } else if (e.name == "spacer") {
      out.push_back(layout::Spacer{e.length_pt("height")});
    } else if (e.name == "page-break") {
      out.push_back(layout::PageBreak{e.choice("start") == "right"});
    } else if (e.name == "repeat") {  // among blocks: <repeat records>
      for_each_record(e, [&] {
        for (const Element& child : e.children)
          add_block(child, inherited, out);
      });
    } else if (e.name == "section") {
      add_section(e, inherited, out);
    } else if (e.name == "page-numbering") {
      out.push_back(layout::FolioStart{static_cast<int>(e.integer("start"))});
    } else if (e.name == "contents") {
      // Filled in by fill_contents once every section of the document is known.
      layout::ContentsEntry entry;
      entry.style = resolve_style(tpl_, e, inherited);
      entry.leader = e.text_value("leader");
      entry.space_before = e.length_pt("space-before", entry.style.size);
      entry.space_after = e.length_pt("space-after", entry.style.size);
      entry.anchor = kContentsPlaceholder;
      out.push_back(std::move(entry));
    } else if (e.name == "when") {
      if (condition_holds(e)) {
        for (const Element& child : e.children)
          add_block(child, inherited, out);
      }
    }
  }

  // A section of a book: optionally a right-hand page break, then the mark that names its
  // pages (running headers, a bookmark, a contents entry), then its content.
  void add_section(const Element& e, const layout::Style& inherited,
                   std::vector<layout::Block>& out) {
    const std::string& start = e.choice("start");
    if (start == "right")
      out.push_back(layout::PageBreak{true});
    else if (start == "page")
      out.push_back(layout::PageBreak{false});
    layout::SectionMark mark;
    mark.title = expand(e.pattern("title"), scope_);
    mark.anchor = "section-" + std::to_string(++section_count_);
    if (e.choice("bookmark") == "yes")
      mark.bookmark = mark.title;
    mark.bookmark_level = static_cast<int>(e.integer("level")) - 1;
    if (e.choice("contents") == "yes")
      sections_.push_back({mark.title, mark.anchor});
    out.push_back(mark);
    std::string saved_title = std::move(section_title_);
    section_title_ = mark.title;
    for (const Element& child : e.children)
      add_block(child, inherited, out);
    section_title_ = std::move(saved_title);
  }

  // Each <contents> becomes one entry per section of the document, in document order.
  void fill_contents(std::vector<layout::Block>& blocks) const {
    for (size_t i = 0; i < blocks.size(); ++i) {
      auto* placeholder = std::get_if<layout::ContentsEntry>(&blocks[i]);
      if (!placeholder || placeholder->anchor != kContentsPlaceholder)
        continue;
      const layout::ContentsEntry pattern = *placeholder;
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
      for (const Section& section : sections_) {
        layout::ContentsEntry entry = pattern;
        entry.title = section.title;
        entry.anchor = section.anchor;
        blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(i++), std::move(entry));
      }
      --i;
    }
  }

  // Column widths: lengths, and at most one `*` for the rest of the text block's width (so
  // that one table fits every paper the template offers).
  std::vector<double> column_widths(const templates::ColumnWidths& columns) const {
    std::vector<double> widths = columns.widths;
    if (const std::optional<size_t> rest = columns.rest) {
      const layout::PageSetup& page = tpl_.page;
      double fixed = 0;
      for (double w : widths)
        fixed += w;
      widths[*rest] = std::max(0.0, page.width - page.margin_left - page.margin_right - fixed);
    }
    return widths;
  }

  const CompiledTemplate& tpl_;
  Scope scope_;
  const RecordSets* sets_ = nullptr;
  std::vector<std::shared_ptr<const std::map<std::string, std::string>>> totals_;
  Diagnostics& diagnostics_;
  layout::Style base_;
  const Element* table_ = nullptr;
  // Spent by const helpers too (inline_text): counting the work is not the document's state.
  mutable ExpansionBudget budget_;
  // A cell marked merge="same": row and cell index in the table being built, and its text.
  struct MergeMark {
    size_t row = 0, cell = 0;
    std::string text;
  };
  std::vector<MergeMark> merges_;
  // The sections built so far (for <contents>), and the one being built.
  struct Section {
    std::string title, anchor;
  };
  std::vector<Section> sections_;
  int section_count_ = 0;
  bool in_furniture_ = false;  // building a header's or footer's text
  std::string section_title_;
  static constexpr const char* kContentsPlaceholder = "\x01contents";
};

}  // namespace

std::string substitute(const templates::TextPattern& pattern, const records::Record& record,
                       const Globals& globals) {
  return expand(pattern, Scope{&record, globals});
}

layout::DocumentModel build_document(const CompiledTemplate& tpl, const records::Record& record,
                                     const Globals& globals, Diagnostics& diagnostics,
                                     const RecordSets* sets) {
  return Builder(tpl, globals, record, sets, diagnostics).build();
}

}  // namespace tuijie::merge
