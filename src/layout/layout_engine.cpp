#include "layout/layout_engine.hpp"

#include <algorithm>

#include "core/units.hpp"
#include "layout/content_measure.hpp"
#include "layout/contents_entry.hpp"
#include "layout/qr_code.hpp"
#include "layout/table_layout.hpp"

namespace tuijie::layout {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

void place_lines(const text::ParagraphLayout& laid, double x, double top, page::Page& page) {
  for (const auto& line : laid.lines) {
    for (const auto& run : line.runs) {
      page::GlyphRun placed = run;
      placed.x = x + run.x;
      placed.y = top + line.ascent;
      page.items.emplace_back(std::move(placed));
    }
    top += line.height;
  }
}

// Running text is laid out after the body, when every page's folio and section are known.
// Pages without a folio (a book's front matter, blank left-hand pages) carry none.
void place_furniture(const DocumentModel& model, const BookPages& book,
                     const std::vector<int>& folios, std::vector<page::Page>& pages) {
  const PageSetup& setup = model.page;
  double width = setup.width - setup.margin_left - setup.margin_right;
  const int last_folio = folios.empty() ? 0 : *std::max_element(folios.begin(), folios.end());
  // Every page shows the same code: encoded once, shared by the pages.
  std::shared_ptr<const std::vector<page::Area>> qr_modules;
  if (model.qr && !model.qr->data.empty())
    qr_modules = qr_code_modules(model.qr->data, std::min(model.qr->size, setup.margin_bottom));
  for (size_t i = 0; i < pages.size(); ++i) {
    auto fill = [&](std::string text) {
      replace_all(text, kPageNumberMark, std::to_string(folios[i]));
      replace_all(text, kPageCountMark, std::to_string(last_folio));
      replace_all(text, kSectionTitleMark, book.section_title(i));
      return text;
    };
    const bool right_hand = i % 2 == 0;  // page i + 1: odd pages are right-hand pages
    auto on_page = [&](const PageFurniture& f) {
      if (f.skip_section_openings && book.opens_section(i))
        return false;
      switch (f.sides) {
        case PageSides::All:
          return true;
        case PageSides::AfterFirst:
          return i > 0;
        case PageSides::Odd:
          return right_hand;
        case PageSides::Even:
          return !right_hand;
      }
      return true;
    };
    auto style_on_page = [&](const PageFurniture& f) {
      text::TextStyle style = text_style(f.style);
      if (f.outer_side)
        style.align = right_hand ? text::Align::Right : text::Align::Left;
      return style;
    };
    const bool qr_here = model.qr && !model.qr->data.empty() &&
                         (model.qr->pages == QrMark::Pages::First  ? i == 0
                          : model.qr->pages == QrMark::Pages::Last ? i + 1 == pages.size()
                                                                   : folios[i] > 0);
    if (qr_here) {
      // In a bottom corner of the text block, centred in the bottom margin, clear of the
      // centred footer text.
      const double size = std::min(model.qr->size, setup.margin_bottom);
      const double x = model.qr->left ? setup.margin_left : setup.width - setup.margin_right - size;
      draw_qr_code(qr_modules, x, setup.height - setup.margin_bottom / 2 - size / 2, pages[i]);
    }
    if (folios[i] == 0)
      continue;
    // Footers sit in the middle of the bottom margin, headers in the middle of the top one.
    // Footers keep clear of the QR mark: the same room is kept on both sides, so that
    // centred text stays centred on the page.
    const double qr_room =
        qr_here ? std::min(model.qr->size, setup.margin_bottom) + mm_to_pt(2) : 0;
    for (const auto& footer : model.footers) {
      if (!on_page(footer))
        continue;
      const double side = std::max(qr_room, footer.inset);
      auto laid =
          text::layout_paragraph(fill(footer.text), style_on_page(footer), width - 2 * side);
      const double block_bottom = setup.height - setup.margin_bottom;
      const double top = footer.offset >= 0
                             ? block_bottom + footer.offset
                             : block_bottom + setup.margin_bottom / 2 - laid.height / 2;
      place_lines(laid, setup.margin_left + side, top, pages[i]);
    }
    for (const auto& header : model.headers) {
      if (!on_page(header))
        continue;
      auto laid = text::layout_paragraph(fill(header.text), style_on_page(header),
                                         width - 2 * header.inset);
      const double top = header.offset >= 0 ? setup.margin_top - header.offset - laid.height
                                            : setup.margin_top / 2 - laid.height / 2;
      place_lines(laid, setup.margin_left + header.inset, top, pages[i]);
    }
  }
}

// Draws the rule's lines with the top of the first at `top`, aligned in the text block. A
// rule longer than the block (GB/T 9704's 170 mm over a 156 mm block) reaches out on both
// sides when centred.
void draw_rule(const Rule& rule, double top, const Flow& flow, page::Page& page) {
  if (rule.hidden)
    return;
  const double width = flow.width();
  const double length = rule.length > 0 ? rule.length : width;
  const double left = rule.align == text::Align::Center  ? flow.left() + (width - length) / 2
                      : rule.align == text::Align::Right ? flow.left() + width - length
                                                         : flow.left();
  double y = top;
  for (double thickness : rule.lines) {
    page::Line line;
    line.x1 = left;
    line.x2 = left + length;
    line.y1 = line.y2 = y + thickness / 2;
    line.width = thickness;
    line.color = rule.color;
    page.items.emplace_back(line);
    y += thickness + rule.gap;
  }
}

// A rule in the flow moves to the next page whole; one measured from the paper's bottom
// edge stands on the page where the flow is, and takes no room in it.
void place_rule(const Rule& rule, Flow& flow) {
  if (rule.from_bottom >= 0) {
    draw_rule(rule, flow.model().page.height - rule.from_bottom - rule.height(), flow, flow.page());
    return;
  }
  const double height = rule.space_before + rule.height();
  if (height > flow.remaining() && flow.y() > flow.top() + 1e-6)
    flow.new_page();
  flow.content_starts();
  draw_rule(rule, flow.y() + rule.space_before, flow, flow.page());
  flow.advance(std::min(height + rule.space_after, flow.remaining()));
}

// The smallest height a block needs at the bottom of a page to start there, so that a
// heading kept with its next block does not stand alone.
double start_height(const Block& block, Flow& flow) {
  if (const auto* p = std::get_if<Paragraph>(&block)) {
    return p->space_before + p->style.size * p->style.leading;
  }
  if (const auto* t = std::get_if<std::shared_ptr<Table>>(&block)) {
    return table_start_height(**t, flow);
  }
  if (const auto* photo = std::get_if<Photo>(&block))
    return photo->height;
  if (const auto* entry = std::get_if<ContentsEntry>(&block))
    return contents_entry_height(*entry, flow.width());
  if (std::holds_alternative<StampZone>(block)) {
    Diagnostics ignored;  // reported when the block is placed
    return measure_blocks(std::span<const Block>(&block, 1), flow.width(), 0, flow.model().name,
                          ignored)
        .height;
  }
  if (const auto* list = std::get_if<ColumnList>(&block)) {
    if (list->items.empty())
      return 0;
    const Style& style = list->items.front().style;
    return list->space_before + style.size * style.leading;
  }
  return 0;
}

// What the block after a paragraph asks of it: a sign-off that needs `height` points and
// the paragraph's last `lines` lines on its page.
struct TailKeep {
  int lines = 0;
  double height = 0;
};

// The first slice of the paragraph's last `lines` lines (with the space after them).
size_t tail_start(const MeasuredContent& content, int lines) {
  size_t i = content.slices.size();
  int seen = 0;
  while (i > 0 && seen < lines) {
    --i;
    if (content.slices[i].kind == Slice::Kind::Line)
      ++seen;
  }
  return i;
}

// `keep`: the room the blocks kept with this one need below it on its page.
void place_content_block(const Block& block, Flow& flow, double keep, TailKeep tail = {}) {
  MeasuredContent content = measure_blocks(std::span<const Block>(&block, 1), flow.width(), 0,
                                           flow.model().name, flow.diagnostics());
  if (content.overfull)
    flow.report_overflow("", "文字超出版心宽度", "text wider than the page");
  // Atomic blocks (photo, stamp) move whole; text may break between lines.
  if (!content.splittable || keep > 0) {
    if (content.height + keep > flow.remaining() && flow.y() > flow.top() + 1e-6) {
      flow.new_page();
    }
    flow.content_starts();
    draw_slices(content, 0, content.slices.size(), flow.left(), flow.y(), flow.width(),
                flow.page());
    flow.advance(content.height);
    return;
  }
  const size_t kept_tail = tail.lines > 0 ? tail_start(content, tail.lines) : content.slices.size();
  size_t first = 0;
  while (first < content.slices.size()) {
    size_t last = slices_fitting(content, first, flow.remaining());
    // The rest fits but leaves no room for the sign-off after it: the last lines go over
    // with it (GB/T 9704: a signature never stands alone), unless this page holds nothing
    // else to move.
    if (last == content.slices.size() && tail.lines > 0 &&
        slices_height(content, first, last) + tail.height > flow.remaining() + 1e-6 &&
        kept_tail > first) {
      last = kept_tail;
      flow.note_lines_moved_for_signoff();
    }
    // Split by the page anyway: the sign-off's page still gets at least the last lines.
    if (last < content.slices.size() && tail.lines > 0 && last > kept_tail && kept_tail > first)
      last = kept_tail;
    if (last == first) {
      if (flow.y() > flow.top() + 1e-6) {
        flow.new_page();
        continue;
      }
      last = first + 1;  // taller than a page: place it anyway rather than loop
    }
    flow.content_starts();
    draw_slices(content, first, last, flow.left(), flow.y(), flow.width(), flow.page());
    flow.advance(slices_height(content, first, last));
    first = last;
    if (first < content.slices.size())
      flow.new_page();
  }
}

}  // namespace

Flow::Flow(const DocumentModel& model, LayoutResult& result) : model_(model), result_(result) {
  new_page();
}

void Flow::new_page() {
  page::Page page;
  page.width = model_.page.width;
  page.height = model_.page.height;
  result_.pages.push_back(std::move(page));
  y_ = top();
}

void Flow::new_right_hand_page() {
  if (!page_empty())
    new_page();
  if (page_index() % 2 == 1) {  // a left-hand page: it stays blank
    book_.leave_blank(page_index());
    new_page();
  }
}

bool Flow::page_empty() const {
  return result_.pages.back().items.empty() && y_ <= top() + 1e-6;
}

double Flow::top() const {
  if (page_index() == 0 && model_.page.first_margin_top >= 0)
    return model_.page.first_margin_top;
  return model_.page.margin_top;
}
double Flow::bottom() const {
  return model_.page.height - model_.page.margin_bottom;
}
double Flow::left() const {
  return model_.page.margin_left;
}
double Flow::width() const {
  return model_.page.width - model_.page.margin_left - model_.page.margin_right;
}

void Flow::report_overflow(const std::string& field, const std::string& zh, const std::string& en,
                           const std::string& value) {
  Diagnostic d = make_error("overflow", zh, en);
  d.record = model_.name;
  d.column_name = field;
  d.value = value;
  result_.diagnostics.push_back(d);
}

namespace {

// What the block at `i` (kept with what follows it) needs below it on its page: the whole of
// the paragraphs also kept with their next, then the start of the first block that is not.
// Section and folio marks take no room and are looked through; a page break ends the chain.
double kept_height(const DocumentModel& model, size_t i, Flow& flow) {
  double height = 0;
  for (size_t j = i + 1; j < model.blocks.size(); ++j) {
    const Block& block = model.blocks[j];
    if (std::holds_alternative<SectionMark>(block) || std::holds_alternative<FolioStart>(block))
      continue;
    if (std::holds_alternative<PageBreak>(block))
      return height;
    const auto* p = std::get_if<Paragraph>(&block);
    if (p && p->keep_with_next) {
      Diagnostics ignored;  // reported when the paragraph is placed
      height += measure_blocks(std::span<const Block>(&block, 1), flow.width(), 0,
                               flow.model().name, ignored)
                    .height;
      continue;
    }
    return height + start_height(block, flow);
  }
  return height;
}

LayoutResult layout_once(const DocumentModel& model) {
  LayoutResult result;
  Flow flow(model, result);
  std::vector<PlacedContentsEntry> contents;
  for (size_t i = 0; i < model.blocks.size(); ++i) {
    const Block& block = model.blocks[i];
    const Block* next = i + 1 < model.blocks.size() ? &model.blocks[i + 1] : nullptr;
    if (const auto* page_break = std::get_if<PageBreak>(&block)) {
      if (page_break->right_hand)
        flow.new_right_hand_page();
      else
        flow.new_page();
    } else if (const auto* mark = std::get_if<SectionMark>(&block)) {
      flow.book().defer(*mark);
    } else if (const auto* folios = std::get_if<FolioStart>(&block)) {
      flow.book().defer(*folios);
    } else if (const auto* entry = std::get_if<ContentsEntry>(&block)) {
      contents.push_back(place_contents_entry(*entry, flow));
    } else if (const auto* spacer = std::get_if<Spacer>(&block)) {
      flow.advance(std::min(spacer->height, flow.remaining()));
    } else if (const auto* rule = std::get_if<Rule>(&block)) {
      place_rule(*rule, flow);
    } else if (const auto* table = std::get_if<std::shared_ptr<Table>>(&block)) {
      place_table(**table, flow);
    } else {
      const auto* p = std::get_if<Paragraph>(&block);
      const auto* zone = std::get_if<StampZone>(&block);
      TailKeep tail;
      if (const auto* signoff = next ? std::get_if<StampZone>(next) : nullptr; p && signoff) {
        tail.lines = signoff->keep_lines_before;
        tail.height = start_height(*next, flow);
        if (signoff->keep_with_next && i + 2 < model.blocks.size())
          tail.height += start_height(model.blocks[i + 2], flow);
      }
      const bool keep = (p && p->keep_with_next) || (zone && zone->keep_with_next);
      place_content_block(block, flow, keep ? kept_height(model, i, flow) : 0, tail);
    }
  }
  // Marks after the last block (a section with nothing in it) belong to the last page.
  flow.content_starts();
  const BookPages& book = flow.book();
  result.folios = book.folios(result.pages.size());
  for (const PlacedContentsEntry& placed : contents) {
    const auto page = book.section_page(placed.entry->anchor);
    if (!page) {
      Diagnostic d =
          make_error("contents-anchor", "目录条目「" + placed.entry->title + "」指向的章节不存在",
                     "the contents entry '" + placed.entry->title +
                         "' names a section the document does not have");
      d.record = model.name;
      d.value = placed.entry->anchor;
      result.diagnostics.push_back(d);
    }
    finish_contents_entry(placed, page ? book.counted_folio(*page) : 0, result.pages[placed.page]);
  }
  result.bookmarks = book.bookmarks();
  place_furniture(model, book, result.folios, result.pages);
  return result;
}

// Every paragraph's line spacing times `scale` (tables keep theirs: their rows are sized).
DocumentModel with_leading(const DocumentModel& model, double scale) {
  DocumentModel tightened = model;
  for (Block& block : tightened.blocks) {
    if (auto* p = std::get_if<Paragraph>(&block))
      p->style.leading *= scale;
  }
  return tightened;
}

}  // namespace

LayoutResult layout_document(const DocumentModel& model) {
  LayoutResult result = layout_once(model);
  constexpr double kStep = 0.01;
  for (double scale = 1 - kStep; result.lines_moved_for_signoff && scale >= model.tighten_to - 1e-9;
       scale -= kStep) {
    LayoutResult tighter = layout_once(with_leading(model, scale));
    tighter.leading_scale = scale;
    if (!tighter.lines_moved_for_signoff)
      return tighter;
  }
  return result;
}

}  // namespace tuijie::layout
