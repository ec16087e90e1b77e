// The layout stage: a DocumentModel becomes pages of positioned glyph runs, rules and images.
//
// Flow: blocks are stacked down the content area of a page; a block that does not fit moves to
// the next page. Tables are laid out row by row: rows grow with their content unless the
// template fixed their height (then text shrinks down to its floor, and past that the field is
// reported as overflowing); rows joined by row spans move together; a growing row whose
// cells may split continues on the next page, below the repeated header rows.
#pragma once

#include "core/diagnostic.hpp"
#include "layout/document_model.hpp"
#include "page/page_model.hpp"

namespace tuijie::layout {

struct LayoutResult {
  std::vector<page::Page> pages;
  Diagnostics diagnostics;  // overflow and missing characters, each naming the field
  /// Lines moved to the next page to keep a sign-off company (StampZone::keep_lines_before).
  bool lines_moved_for_signoff = false;
  double leading_scale = 1;  // the line spacing the document was set with (see tighten_to)
  /// One per SectionMark with a bookmark, in document order, on the page its section starts.
  std::vector<page::Bookmark> bookmarks;
  /// The folio printed on each page (same index as `pages`); 0 for front matter and the
  /// blank left-hand pages a right-hand page break leaves, which print none.
  std::vector<int> folios;
};

/// Lays the document out. When that moves lines over to keep a sign-off company and the
/// model allows tightening (DocumentModel::tighten_to < 1), the line spacing of every
/// paragraph is tightened step by step down to that limit, and the first setting that keeps
/// the sign-off on the page without moving lines wins (GB/T 9704-2012, 7.3.5.2).
LayoutResult layout_document(const DocumentModel& model);

}  // namespace tuijie::layout
