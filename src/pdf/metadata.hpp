// The document-level parts of a PDF: the Info dictionary and the outline (bookmarks).
#pragma once

#include <hpdf.h>

#include <vector>

#include "page/page_model.hpp"
#include "pdf/haru_document.hpp"

namespace tuijie::pdf {

/// Fills the Info dictionary with the non-empty fields of `info`; the dates only when given
/// (CreationDate and ModDate both take `info.creation_date`). Throws TuijieError "pdf-input"
/// for a malformed date.
void write_info(const HaruDocument& doc, const page::DocumentInfo& info);

/// Adds an outline item per bookmark, nested by level, each opening its page at the
/// bookmark's top edge. `pages` and `page_heights` are indexed by page. Throws TuijieError
/// "pdf-input" for a bookmark to a page that does not exist.
void write_outline(const HaruDocument& doc, const std::vector<HPDF_Page>& pages,
                   const std::vector<double>& page_heights,
                   const std::vector<page::Bookmark>& bookmarks);

}  // namespace tuijie::pdf
