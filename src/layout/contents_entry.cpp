#include "layout/contents_entry.hpp"

#include <cmath>

#include "layout/content_measure.hpp"
#include "text/paragraph.hpp"

namespace tuijie::layout {
namespace {

// Room kept for the folio: three digits, as no booklet reaches page 1000.
constexpr const char* kWidestFolio = "000";

// The clear space between the title or folio and the nearest leader glyph.
// Contents lines are set flush left whatever the style says: the folio stands at the right.
text::TextStyle entry_style(const ContentsEntry& entry) {
  text::TextStyle style = text_style(entry.style);
  style.align = text::Align::Left;
  return style;
}

double leader_gap(const ContentsEntry& entry) {
  return entry.style.size * 0.5;
}

double title_width(const ContentsEntry& entry, double width) {
  const text::TextStyle style = entry_style(entry);
  return width - text::measure(kWidestFolio, style) - 2 * leader_gap(entry);
}

}  // namespace

double contents_entry_height(const ContentsEntry& entry, double width) {
  const auto laid =
      text::layout_paragraph(entry.title, entry_style(entry), title_width(entry, width));
  return entry.space_before + laid.height + entry.space_after;
}

PlacedContentsEntry place_contents_entry(const ContentsEntry& entry, Flow& flow) {
  const auto laid =
      text::layout_paragraph(entry.title, entry_style(entry), title_width(entry, flow.width()));
  report_missing_characters(laid, "contents", flow.model().name, flow.diagnostics());
  const double height = entry.space_before + laid.height + entry.space_after;
  if (height > flow.remaining() && flow.y() > flow.top() + 1e-6)
    flow.new_page();
  flow.content_starts();
  PlacedContentsEntry placed;
  placed.entry = &entry;
  placed.page = flow.page_index();
  placed.right = flow.left() + flow.width();
  double top = flow.y() + entry.space_before;
  for (const text::LaidLine& line : laid.lines) {
    place_line(line, flow.left(), top, flow.page());
    placed.baseline = top + line.ascent;
    placed.title_end = flow.left() + line.width;
    top += line.height;
  }
  if (laid.lines.empty()) {  // an empty title: the leader runs from the left edge
    placed.baseline = top + entry.style.size * 0.88;
    placed.title_end = flow.left();
  }
  flow.advance(height);
  return placed;
}

void finish_contents_entry(const PlacedContentsEntry& placed, int folio, page::Page& page) {
  const ContentsEntry& entry = *placed.entry;
  const text::TextStyle style = entry_style(entry);
  const double gap = leader_gap(entry);
  const double advance = text::measure(entry.leader, style);
  const double folio_room = text::measure(kWidestFolio, style);
  double folio_width = folio_room;  // no number: the leader still stops where one would
  if (folio > 0) {
    const auto number = text::layout_paragraph(std::to_string(folio), style, folio_room * 2);
    if (!number.lines.empty()) {
      const text::LaidLine& line = number.lines.front();
      place_line(line, placed.right - line.width, placed.baseline - line.ascent, page);
      folio_width = line.width;
    }
  }
  if (advance <= 0)
    return;
  // Leader glyphs on the grid x = right - k * advance, clear of the title and of the folio,
  // so that the leaders of all entries stand in the same columns.
  const double from = placed.title_end + gap;
  const double to = placed.right - folio_width - gap;
  const long k_first = static_cast<long>(std::floor((placed.right - from) / advance + 1e-9));
  const long k_last = static_cast<long>(std::ceil((placed.right - to) / advance + 1 - 1e-9));
  if (k_first < k_last)
    return;
  std::string leader;
  for (long k = k_first; k >= k_last; --k)
    leader += entry.leader;
  const auto dots = text::layout_paragraph(leader, style, placed.right);
  if (dots.lines.empty())
    return;
  const text::LaidLine& line = dots.lines.front();
  place_line(line, placed.right - static_cast<double>(k_first) * advance,
             placed.baseline - line.ascent, page);
}

}  // namespace tuijie::layout
