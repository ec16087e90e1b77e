#include "layout/table_layout.hpp"

#include <algorithm>
#include <numeric>

#include "core/utf8.hpp"
#include "layout/content_measure.hpp"

namespace tuijie::layout {
namespace {

constexpr double kShrinkStep = 0.5;  // pt per try when a fixed cell's text does not fit

struct PlacedCell {
  const Cell* cell = nullptr;
  int row = 0, col = 0;
  double x = 0, width = 0;  // outer box, pt
  MeasuredContent content;
  size_t next_slice = 0;  // first slice not yet drawn (rows split across pages)
};

// Every cell of the table with its grid position, measured, and the row heights.
struct TableGrid {
  std::vector<PlacedCell> cells;
  std::vector<double> heights;
  std::vector<std::vector<size_t>> cells_starting_in_row;
  std::vector<int> group_end;  // group_end[r]: one past the last row joined to r by spans
};

std::string cell_label(const Cell& cell) {
  for (const Block& b : cell.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      if (!p->label.empty())
        return p->label;
    } else if (const auto* list = std::get_if<ColumnList>(&b)) {
      if (!list->items.empty() && !list->items.front().label.empty())
        return list->items.front().label;
    }
  }
  return {};
}

// What a column's cells need: the widest piece that must not break (lo) and the widest
// unbroken line (hi), padding included. Cells spanning columns, and blocks other than text,
// keep the widths the template gave.
struct ColumnNeed {
  double lo = 0, hi = 0;
  const PlacedCell* widest = nullptr;  // the cell whose unbreakable piece is widest
};

std::string cell_excerpt(const Cell& cell);

void fit_columns_to_content(const Table& table, TableGrid& grid, Flow& flow) {
  const size_t n = table.columns.size();
  const double total = std::accumulate(table.columns.begin(), table.columns.end(), 0.0);
  std::vector<ColumnNeed> need(n);
  for (const PlacedCell& placed : grid.cells) {
    if (std::max(1, placed.cell->colspan) != 1)
      continue;
    ColumnNeed& column = need[static_cast<size_t>(placed.col)];
    const double pad = 2 * placed.cell->padding;
    for (const Block& b : placed.cell->blocks) {
      double lo = table.columns[static_cast<size_t>(placed.col)], hi = lo;
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        const text::ContentWidths w = text::content_widths(p->text, text_style(p->style));
        lo = w.min + pad;
        hi = w.max + pad;
      }
      if (lo > column.lo) {
        column.lo = lo;
        column.widest = &placed;
      }
      column.hi = std::max(column.hi, std::max(hi, lo));
    }
  }
  double sum_lo = 0, sum_hi = 0;
  for (const ColumnNeed& c : need) {
    sum_lo += c.lo;
    sum_hi += c.hi;
  }
  std::vector<double> widths(n);
  if (sum_hi <= total + 1e-6) {
    // Every line fits unbroken: the room left is shared in proportion to the lines.
    for (size_t c = 0; c < n; ++c)
      widths[c] = sum_hi > 0 ? need[c].hi * total / sum_hi : total / static_cast<double>(n);
  } else if (sum_lo <= total + 1e-6) {
    // The unbreakable pieces first, then the wrapping text shares the rest by how much more
    // it would take to stand on one line.
    for (size_t c = 0; c < n; ++c)
      widths[c] = need[c].lo + (total - sum_lo) * (need[c].hi - need[c].lo) / (sum_hi - sum_lo);
  } else {
    // Nothing fits: report the column that needs most, then shrink all alike (the text will
    // break where it should not, and the report says so).
    size_t worst = 0;
    for (size_t c = 1; c < n; ++c) {
      if (need[c].lo - table.columns[c] > need[worst].lo - table.columns[worst])
        worst = c;
    }
    const PlacedCell* cell = need[worst].widest;
    const std::string column = std::to_string(worst + 1);
    flow.report_overflow(cell ? cell_label(*cell->cell) : std::string(),
                         "表格第 " + column + " 列放不下其中不能断开的内容（表格总宽不够）",
                         "column " + column +
                             " of the table cannot hold the text that must not break there "
                             "(the table is too narrow)",
                         cell ? cell_excerpt(*cell->cell) : std::string());
    for (size_t c = 0; c < n; ++c)
      widths[c] = need[c].lo * total / sum_lo;
  }
  std::vector<double> x(n + 1, flow.left());
  for (size_t c = 0; c < n; ++c)
    x[c + 1] = x[c] + widths[c];
  for (PlacedCell& placed : grid.cells) {
    const size_t col = static_cast<size_t>(placed.col);
    const size_t span = static_cast<size_t>(std::max(1, placed.cell->colspan));
    placed.x = x[col];
    placed.width = x[std::min(n, col + span)] - x[col];
  }
}

void assign_positions(const Table& table, TableGrid& grid, Flow& flow) {
  size_t ncols = table.columns.size();
  std::vector<double> x(ncols + 1, flow.left());
  for (size_t c = 0; c < ncols; ++c)
    x[c + 1] = x[c] + table.columns[c];
  std::vector<std::vector<bool>> taken(table.rows.size(), std::vector<bool>(ncols, false));
  grid.cells_starting_in_row.assign(table.rows.size(), {});
  bool reported = false;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    size_t col = 0;
    for (const Cell& cell : table.rows[r].cells) {
      while (col < ncols && taken[r][col])
        ++col;
      size_t span = static_cast<size_t>(std::max(1, cell.colspan));
      size_t rows = static_cast<size_t>(std::max(1, cell.rowspan));
      if (col + span > ncols) {
        if (!reported) {
          flow.report_overflow(cell_label(cell),
                               "表格第 " + std::to_string(r + 1) + " 行的单元格超出列数",
                               "row " + std::to_string(r + 1) + " has more cells than columns");
          reported = true;
        }
        break;
      }
      for (size_t rr = r; rr < std::min(r + rows, table.rows.size()); ++rr) {
        for (size_t cc = col; cc < col + span; ++cc)
          taken[rr][cc] = true;
      }
      PlacedCell placed;
      placed.cell = &cell;
      placed.row = static_cast<int>(r);
      placed.col = static_cast<int>(col);
      placed.x = x[col];
      placed.width = x[col + span] - x[col];
      grid.cells_starting_in_row[r].push_back(grid.cells.size());
      grid.cells.push_back(std::move(placed));
      col += span;
    }
  }
  if (table.fit_content)
    fit_columns_to_content(table, grid, flow);
}

// The start of a cell's text, so that a report about a cell without a field (a label) says
// which one.
std::string cell_excerpt(const Cell& cell) {
  for (const Block& b : cell.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      std::u32string text = utf8::decode(p->text);
      if (text.size() > 16)
        return utf8::encode(text.substr(0, 16)) + "…";
      return p->text;
    }
  }
  return {};
}

int last_row(const PlacedCell& c, size_t nrows) {
  return std::min(c.row + std::max(1, c.cell->rowspan), static_cast<int>(nrows)) - 1;
}

double span_height(const TableGrid& grid, int from, int to_inclusive) {
  double h = 0;
  for (int r = from; r <= to_inclusive; ++r)
    h += grid.heights[static_cast<size_t>(r)];
  return h;
}

bool rows_fixed(const Table& table, int from, int to_inclusive) {
  for (int r = from; r <= to_inclusive; ++r) {
    if (table.rows[static_cast<size_t>(r)].height <= 0)
      return false;
  }
  return true;
}

// Measures every cell; fixed rows shrink their text to fit, growing rows take their height
// from the content, and a row span's extra height goes to its last row.
void measure(const Table& table, TableGrid& grid, Flow& flow) {
  const std::string& doc = flow.model().name;
  size_t nrows = table.rows.size();
  for (PlacedCell& c : grid.cells) {
    double inner = c.width - 2 * c.cell->padding;
    c.content = measure_blocks(c.cell->blocks, inner, 0, doc, flow.diagnostics());
  }
  grid.heights.assign(nrows, 0);
  for (size_t r = 0; r < nrows; ++r) {
    const Row& row = table.rows[r];
    grid.heights[r] = row.height > 0 ? row.height : row.min_height;
  }
  // Growing rows first take the height of their single-row cells.
  for (const PlacedCell& c : grid.cells) {
    if (c.cell->rowspan <= 1 && table.rows[static_cast<size_t>(c.row)].height <= 0) {
      double need = c.content.height + 2 * c.cell->padding;
      auto& h = grid.heights[static_cast<size_t>(c.row)];
      h = std::max(h, need);
    }
  }
  for (PlacedCell& c : grid.cells) {
    int last = last_row(c, nrows);
    double inner_width = c.width - 2 * c.cell->padding;
    if (rows_fixed(table, c.row, last)) {
      double available = span_height(grid, c.row, last) - 2 * c.cell->padding;
      double shrink = 0;
      // Shrink while the text overflows, and also while it only fits by breaking inside an
      // e-mail address, number or word: a smaller size that keeps them whole is better.
      while ((c.content.height > available + 1e-6 || c.content.overfull || c.content.compromised) &&
             can_shrink(c.cell->blocks, shrink)) {
        shrink += kShrinkStep;
        Diagnostics ignored;  // missing characters were reported by the first measure
        c.content = measure_blocks(c.cell->blocks, inner_width, shrink, doc, ignored);
      }
      if (c.content.height > available + 1e-6 || c.content.overfull) {
        flow.report_overflow(cell_label(*c.cell), "内容超出单元格，缩小到最小字号仍放不下",
                             "the text does not fit its cell even at the smallest size allowed",
                             cell_excerpt(*c.cell));
      }
    } else {
      if (c.content.overfull) {
        flow.report_overflow(cell_label(*c.cell), "内容宽于单元格",
                             "the text is wider than its cell", cell_excerpt(*c.cell));
      }
      double need = c.content.height + 2 * c.cell->padding - span_height(grid, c.row, last);
      if (need > 0)
        grid.heights[static_cast<size_t>(last)] += need;
    }
  }
  // Groups of rows that row spans join: they move to another page together.
  grid.group_end.assign(nrows, 0);
  int end = 0;
  for (size_t r = 0; r < nrows; ++r) {
    for (size_t i : grid.cells_starting_in_row[r]) {
      end = std::max(end, last_row(grid.cells[i], nrows) + 1);
    }
    end = std::max(end, static_cast<int>(r) + 1);
    grid.group_end[r] = end;
  }
  // group_end must name the end of the whole group for its first row.
  for (size_t r = nrows; r-- > 0;) {
    int e = grid.group_end[r];
    if (static_cast<size_t>(e) > r + 1) {
      grid.group_end[r] = std::max(e, grid.group_end[r + 1]);
    }
  }
}

void draw_cell_box(const PlacedCell& c, double border, double y, double height, page::Page& page) {
  page::Rect box;
  box.x = c.x;
  box.y = y;
  box.w = c.width;
  box.h = height;
  box.stroke_width = border;
  box.stroke = border > 0;
  box.fill = c.cell->fill;
  box.fill_color = c.cell->fill_color;
  if (box.stroke || box.fill)
    page.items.emplace_back(box);
}

void draw_cell_content(PlacedCell& c, size_t first, size_t last, double y, double height,
                       page::Page& page) {
  double pad = c.cell->padding;
  std::string field = cell_label(*c.cell);
  if (!field.empty()) {
    page.fields.push_back({field, c.x + pad, y + pad, c.width - 2 * pad, height - 2 * pad});
  }
  double content_h = slices_height(c.content, first, last);
  double offset = 0;
  if (c.cell->valign == VAlign::Middle)
    offset = std::max(0.0, (height - 2 * pad - content_h) / 2);
  if (c.cell->valign == VAlign::Bottom)
    offset = std::max(0.0, height - 2 * pad - content_h);
  draw_slices(c.content, first, last, c.x + pad, y + pad + offset, c.width - 2 * pad, page);
}

// Draws rows [from, to) whole at the flow's position.
void draw_rows(const Table& table, TableGrid& grid, int from, int to, Flow& flow) {
  flow.content_starts();
  double top = flow.y();
  for (int r = from; r < to; ++r) {
    for (size_t i : grid.cells_starting_in_row[static_cast<size_t>(r)]) {
      PlacedCell& c = grid.cells[i];
      int last = std::min(last_row(c, table.rows.size()), to - 1);
      double y = top + span_height(grid, from, r) - grid.heights[static_cast<size_t>(r)];
      double h = span_height(grid, r, last);
      draw_cell_box(c, table.border, y, h, flow.page());
      draw_cell_content(c, 0, c.content.slices.size(), y, h, flow.page());
    }
  }
  flow.advance(span_height(grid, from, to - 1));
}

void new_page_with_headers(const Table& table, TableGrid& grid, Flow& flow) {
  flow.new_page();
  if (table.header_rows > 0)
    draw_rows(table, grid, 0, table.header_rows, flow);
}

// A growing row may continue on the next page when its cells allow it (split="allow"); a row
// taller than a whole page may (`taller_than_page`) whatever the template says, as long as
// its cells hold only text: splitting it beats losing it.
bool row_splittable(const Table& table, const TableGrid& grid, int r,
                    bool taller_than_page = false) {
  if (table.rows[static_cast<size_t>(r)].height > 0)
    return false;
  if (grid.group_end[static_cast<size_t>(r)] != r + 1)
    return false;
  for (size_t i : grid.cells_starting_in_row[static_cast<size_t>(r)]) {
    const PlacedCell& c = grid.cells[i];
    if ((!c.cell->splittable && !taller_than_page) || !c.content.splittable)
      return false;
  }
  return true;
}

// A growing row too tall for the rest of the page continues on the next one, line by line.
void split_row(const Table& table, TableGrid& grid, int r, Flow& flow) {
  auto& ids = grid.cells_starting_in_row[static_cast<size_t>(r)];
  double min_height = table.rows[static_cast<size_t>(r)].min_height;
  while (true) {
    bool unfinished = false;
    bool progress = false;
    std::vector<size_t> ends;
    double segment = 0;
    for (size_t i : ids) {
      PlacedCell& c = grid.cells[i];
      double avail = flow.remaining() - 2 * c.cell->padding;
      size_t end = slices_fitting(c.content, c.next_slice, avail);
      if (end > c.next_slice)
        progress = true;
      if (end < c.content.slices.size())
        unfinished = true;
      ends.push_back(end);
      segment =
          std::max(segment, slices_height(c.content, c.next_slice, end) + 2 * c.cell->padding);
    }
    if (!progress && flow.y() > flow.top() + 1e-6) {
      new_page_with_headers(table, grid, flow);
      continue;
    }
    if (!unfinished)
      segment = std::max(segment, std::min(min_height, flow.remaining()));
    if (unfinished)
      segment = flow.remaining();  // the continued row fills the page
    flow.content_starts();
    double y = flow.y();
    for (size_t k = 0; k < ids.size(); ++k) {
      PlacedCell& c = grid.cells[ids[k]];
      draw_cell_box(c, table.border, y, segment, flow.page());
      draw_cell_content(c, c.next_slice, ends[k], y, segment, flow.page());
      c.next_slice = ends[k];
    }
    flow.advance(segment);
    if (!unfinished)
      return;
    if (!progress) {
      // A single slice taller than a whole page: give up on it rather than loop.
      flow.report_overflow(cell_label(*grid.cells[ids.front()].cell), "内容高于整页",
                           "the content is taller than a page");
      return;
    }
    new_page_with_headers(table, grid, flow);
  }
}

double group_height(const TableGrid& grid, int from) {
  return span_height(grid, from, grid.group_end[static_cast<size_t>(from)] - 1);
}

// The least a row that may split needs to start on a page: every cell's first line (a split
// row is only started where each cell can show something) or its minimum height.
double split_row_start_height(const Table& table, const TableGrid& grid, int r) {
  double need = table.rows[static_cast<size_t>(r)].min_height;
  for (size_t i : grid.cells_starting_in_row[static_cast<size_t>(r)]) {
    const PlacedCell& c = grid.cells[i];
    size_t first_drawn = 0;
    while (first_drawn < c.content.slices.size() &&
           c.content.slices[first_drawn].kind == Slice::Kind::Space)
      ++first_drawn;
    need = std::max(need, slices_height(c.content, 0, first_drawn + 1) + 2 * c.cell->padding);
  }
  return std::min(need, group_height(grid, r));
}

}  // namespace

double table_start_height(const Table& table, Flow& flow) {
  // A trial measure: its reports are dropped, place_table() makes them for real.
  size_t reported = flow.diagnostics().size();
  TableGrid grid;
  assign_positions(table, grid, flow);
  measure(table, grid, flow);
  flow.diagnostics().resize(reported);
  int first = std::min<int>(table.header_rows, static_cast<int>(table.rows.size()) - 1);
  if (first < 0)
    return 0;
  double headers = table.header_rows > 0 ? span_height(grid, 0, table.header_rows - 1) : 0;
  if (row_splittable(table, grid, first))
    return table.space_before + headers + split_row_start_height(table, grid, first);
  return table.space_before + headers + group_height(grid, first);
}

void place_table(const Table& table, Flow& flow) {
  if (table.rows.empty() || table.columns.empty())
    return;
  if (table.space_before > 0)
    flow.advance(std::min(table.space_before, flow.remaining()));
  TableGrid grid;
  assign_positions(table, grid, flow);
  measure(table, grid, flow);
  int nrows = static_cast<int>(table.rows.size());
  int headers = std::min(table.header_rows, nrows);
  if (headers > 0) {
    double need =
        span_height(grid, 0, headers - 1) + (headers < nrows ? group_height(grid, headers) : 0);
    if (need > flow.remaining() && flow.y() > flow.top() + 1e-6)
      flow.new_page();
    draw_rows(table, grid, 0, headers, flow);
  }
  int r = headers;
  while (r < nrows) {
    int end = grid.group_end[static_cast<size_t>(r)];
    double need = group_height(grid, r);
    // A row kept with the next needs room for that row's start too.
    const Row& last = table.rows[static_cast<size_t>(end - 1)];
    double keep = 0;
    if (last.keep_with_next && end < nrows) {
      keep =
          row_splittable(table, grid, end)
              ? std::min(group_height(grid, end), table.rows[static_cast<size_t>(end)].min_height)
              : group_height(grid, end);
    }
    if (need + keep <= flow.remaining() + 1e-6) {
      draw_rows(table, grid, r, end, flow);
    } else if (row_splittable(table, grid, r) && keep == 0) {
      split_row(table, grid, r, flow);
    } else {
      if (flow.y() > flow.top() + 1e-6)
        new_page_with_headers(table, grid, flow);
      if (need > flow.remaining() + 1e-6) {
        if (row_splittable(table, grid, r, true)) {
          split_row(table, grid, r, flow);
          r = end;
          continue;
        }
        flow.report_overflow({}, "表格中有一组行高于整页",
                             "a group of table rows is taller than a page");
      }
      draw_rows(table, grid, r, end, flow);
    }
    r = end;
  }
  if (table.space_after > 0)
    flow.advance(std::min(table.space_after, flow.remaining()));
}

}  // namespace tuijie::layout
