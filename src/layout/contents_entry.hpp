// Contents entries (目录): the title at the left, wrapped clear of the folio; a leader of
// repeated glyphs; the folio right-aligned at the text block's right edge on the title's last
// line.
//
// Leader glyphs stand on one grid measured from the right edge (x = right − k·advance), so
// the leaders of all entries in the same style line up in columns whatever the titles' and
// folios' widths. The folio is only known once the whole document is laid out: placing an
// entry draws its title and keeps room for the widest folio; finish_contents_entry draws the
// leader and the number afterwards.
#pragma once

#include <cstddef>

#include "layout/document_model.hpp"
#include "layout/table_layout.hpp"

namespace tuijie::layout {

/// Where an entry's title ended: what is left to draw once its folio is known.
struct PlacedContentsEntry {
  const ContentsEntry* entry = nullptr;
  size_t page = 0;
  double baseline = 0;   // of the title's last line
  double title_end = 0;  // x where the title's last line ends
  double right = 0;      // the text block's right edge, where the folio ends
};

/// The room the entry takes, spaces before and after included: it never splits across pages.
double contents_entry_height(const ContentsEntry& entry, double width);

/// Draws the entry's title at the flow's position, or at the top of the next page when the
/// whole entry does not fit.
PlacedContentsEntry place_contents_entry(const ContentsEntry& entry, Flow& flow);

/// Draws the leader and the folio (`folio` <= 0: no number, only the leader) on `page`.
void finish_contents_entry(const PlacedContentsEntry& placed, int folio, page::Page& page);

}  // namespace tuijie::layout
