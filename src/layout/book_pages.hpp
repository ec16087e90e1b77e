// What a book needs beyond blocks stacked on pages: where its sections and its folios start,
// which pages a right-hand page break left blank, and what follows from those once every page
// is known (the folio and the running section title of each page, the bookmarks).
//
// Section and folio marks take no room: they take effect where the first line of the block
// after them is drawn, which is only known once that block has been placed (it may move to
// the next page when it does not fit). So the flow defers them and resolves them at the
// next drawing position it reports.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/document_model.hpp"

namespace tuijie::layout {

class BookPages {
 public:
  void defer(const SectionMark& mark);
  void defer(const FolioStart& start);
  /// Something is about to be drawn with its top at `y` on page `page`: deferred marks
  /// take effect there.
  void content_at(size_t page, double y);
  /// A blank left-hand page left by a right-hand page break: no folio, no running text.
  void leave_blank(size_t page);

  /// The folio printed on each of `page_count` pages; 0 for front matter and blank pages.
  std::vector<int> folios(size_t page_count) const;
  /// The number page `page` counts as (blank pages count), 0 in the front matter.
  int counted_folio(size_t page) const;
  /// Whether a section starts on the page: its opening page, which carries no running head.
  bool opens_section(size_t page) const;
  /// The title of the first section starting on the page, else of the last one before it.
  std::string section_title(size_t page) const;
  /// The page on which the section named `anchor` starts.
  std::optional<size_t> section_page(const std::string& anchor) const;
  /// One per section with a bookmark, in document order.
  std::vector<page::Bookmark> bookmarks() const;

 private:
  struct SectionStart {
    SectionMark mark;
    size_t page = 0;
    double y = 0;
  };
  struct FolioRestart {
    int first = 1;
    size_t page = 0;
  };
  std::vector<SectionMark> deferred_sections_;
  std::vector<FolioStart> deferred_folios_;
  std::vector<SectionStart> sections_;  // in document order, so pages never decrease
  std::vector<FolioRestart> folio_restarts_;
  std::vector<size_t> blank_pages_;
};

}  // namespace tuijie::layout
