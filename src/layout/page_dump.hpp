// A text dump of laid-out pages, one line per thing drawn, every length in mm rounded to
// 0.01 mm: the layout's "QDF mode", for golden documents (tests/golden) and for reading what
// the engine decided. Stable from run to run and diff-friendly: items keep their drawing
// order, and a change of one item changes one line.
#pragma once

#include <string>
#include <vector>

#include "page/page_model.hpp"

namespace tuijie::layout {

/// One line per item, lengths in mm from the page's top-left corner (y grows downwards):
///
///   page 1 210.00x297.00
///   text 25.00 30.12 48.30 5.25 10.50pt "参选人姓名" [WenQuanYi Micro Hei]
///   line 25.00 40.00 185.00 40.00 w=0.21 dashed
///   rect 25.00 40.00 160.00 8.00 w=0.21 fill=#e6e6e6
///   ellipse 105.00 60.00 21.00 21.00 w=0.18
///   image 150.00 45.00 25.00 35.00 295x413
///   fills 187 180.00 270.00 11.00 11.00 #5d0c3a1f
///   field name 50.00 40.50 40.00 7.00
///
/// text: one line of text, the glyph runs that follow one another on a baseline (at most half
/// an em apart) joined: left, top, width and height of its box (the faces' ascender to
/// descender), the type size, the text (`"` and `\` escaped, control characters as \xNN) and
/// the faces used, each once in the order first used. line: from and to, stroke
/// width. rect and ellipse: box or centre and radii; w= when stroked, fill= when filled.
/// Colours other than black follow as #rrggbb. image: the box and the prepared pixels.
/// fills: a run of 16 or more filled, unstroked rectangles in a row (a QR code's modules):
/// their count, bounding box and a checksum of their positions, so a changed code shows as
/// one changed line. field: a field's box (not drawn; where its value was set).
std::string dump_pages(const std::vector<page::Page>& pages);

/// dump_pages preceded by what a reader's PDF viewer shows of the document besides its
/// pages: `title "..."`, `author`, `subject` and `keywords` (the information the template
/// sets), then one line per bookmark, `bookmark 0 3 24.00 "中国服务外包领军企业"` (level,
/// page from 1, top in mm, title).
std::string dump_document(const page::PagedDocument& document);

}  // namespace tuijie::layout
