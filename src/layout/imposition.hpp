// Imposition: laying a booklet's pages out on the sheets a print shop prints, two pages to a
// sheet side, so that the printed sheets, stacked and folded once, read in page order.
#pragma once

#include "page/page_model.hpp"

namespace tuijie::layout {

/// Saddle-stitch imposition of `booklet` (n pages, all w × h) onto sheet sides `sheet_width`
/// wide and h high, two pages to a side. `sheet_width` 0 means exactly 2w. It may be wider,
/// because ISO 216 rounds sizes to whole millimetres: A5 is 148 × 210 mm but A4 is 297 mm
/// wide, not 296, so A5 pages two-up on A4 landscape need sheet_width = 297 mm (A4 pages on A3
/// fit exactly: 2 × 210 = 420 mm). Each page then stands against the fold and the spare width
/// goes to the sheet's outer edges, so the inner margins, measured from the spine, stay as
/// designed.
///
/// Why this order: a saddle-stitched booklet is a stack of sheets folded once down the middle
/// and stapled on the fold, so every sheet carries four pages, two on each side, and the page
/// count is padded with blank pages at the end to N = 4·ceil(n/4). The outermost sheet holds
/// the first two and the last two pages, the next sheet the two after and the two before
/// them, and so on inwards to the centre spread. With sheets numbered k = 0, 1, ... from the
/// outside and pages 1-based:
///   front of sheet k: left page N − 2k,  right page 2k + 1
///   back  of sheet k: left page 2k + 2,  right page N − 2k − 1
/// Result page 2k is sheet k's front, 2k + 1 its back. The print shop prints the result
/// double-sided flipping on the short edge (the sheet turns over about its vertical centre
/// line, like a book's page), so that page 2k + 2 lies behind page 2k + 1 and page N − 2k − 1
/// behind page N − 2k; then it stacks the sheets in order, sheet 0 outermost, folds the stack
/// and staples it.
///
/// Each page's items and field boxes are moved onto its half of the sheet side; padding pages
/// stay empty. Nothing else is drawn: the sheet is the paper itself (no trim margin outside
/// the pages), so a fold or crop mark would be printed on a page of the finished booklet, and
/// the fold is simply the sheet's centre, which folding machines and hands find from the
/// paper's edges. A bookmark points to the sheet side that holds its page, at the same
/// height. The document information is copied.
///
/// Throws TuijieError (code "impose-empty") for a document without pages,
/// ("impose-page-size") when the pages' sizes differ or are not positive,
/// ("impose-sheet-size") when `sheet_width` is narrower than two pages, and
/// ("impose-bookmark") for a bookmark naming a page the document does not have.
page::PagedDocument impose_saddle(const page::PagedDocument& booklet, double sheet_width = 0);

}  // namespace tuijie::layout
