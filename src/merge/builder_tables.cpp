// The document builder's tables: rows, cells and their properties, cells joined by
// merge="same", and column widths with a `*` column.
#include "merge/builder.hpp"

#include <algorithm>
#include <optional>

namespace tuijie::merge {

// A bordered grid; its rows (and repeats and conditions of rows) become the table's rows.
void Builder::add_table(const Element& e, const layout::Style& inherited, Blocks& out) {
  auto table = std::make_shared<layout::Table>();
  table->columns = column_widths(e.column_widths("columns"));
  table->border = e.length_pt("border");
  table->header_rows = static_cast<int>(e.integer("header-rows"));
  table->fit_content = e.choice("fit") == "content";
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
}

void Builder::add_rows(const Element& e, const layout::Style& style, layout::Table& table) {
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
      add_choice_rows(child, style, table);
    } else if (child.name == "repeat" && child.has("records")) {
      add_record_rows(child, style, table);
    } else if (child.name == "repeat") {
      add_list_rows(child, style, table);
    } else if (child.name == "when") {
      if (condition_holds(child))
        add_rows(child, style, table);
    }
  }
}

void Builder::cell_blocks(const Element& e, const layout::Style& style,
                          std::vector<layout::Block>& out) {
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

layout::Cell Builder::cell(const Element& e, const layout::Style& inherited) {
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
const templates::Element& Builder::property_source(const Element& cell,
                                                   const std::string& key) const {
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

// Cells marked merge="same" join the same cell of the rows below while their text is equal:
// the first keeps its content and spans them, the others give up their cell.
void Builder::apply_merges(layout::Table& table) {
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

// Column widths: lengths, and at most one `*` for the rest of the text block's width (so
// that one table fits every paper the template offers).
std::vector<double> Builder::column_widths(const templates::ColumnWidths& columns) const {
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

}  // namespace tuijie::merge
