#include "layout/book_pages.hpp"

#include <algorithm>

namespace tuijie::layout {

void BookPages::defer(const SectionMark& mark) {
  deferred_sections_.push_back(mark);
}

void BookPages::defer(const FolioStart& start) {
  deferred_folios_.push_back(start);
}

void BookPages::content_at(size_t page, double y) {
  for (SectionMark& mark : deferred_sections_)
    sections_.push_back({std::move(mark), page, y});
  deferred_sections_.clear();
  for (const FolioStart& start : deferred_folios_)
    folio_restarts_.push_back({start.first, page});
  deferred_folios_.clear();
}

void BookPages::leave_blank(size_t page) {
  blank_pages_.push_back(page);
}

int BookPages::counted_folio(size_t page) const {
  // A document without a folio start numbers every page from 1.
  if (folio_restarts_.empty())
    return static_cast<int>(page) + 1;
  const FolioRestart* from = nullptr;
  for (const FolioRestart& restart : folio_restarts_) {
    if (restart.page <= page)
      from = &restart;
  }
  if (!from)
    return 0;  // front matter
  return from->first + static_cast<int>(page - from->page);
}

std::vector<int> BookPages::folios(size_t page_count) const {
  std::vector<int> out(page_count);
  for (size_t page = 0; page < page_count; ++page) {
    const bool blank =
        std::find(blank_pages_.begin(), blank_pages_.end(), page) != blank_pages_.end();
    out[page] = blank ? 0 : counted_folio(page);
  }
  return out;
}

bool BookPages::opens_section(size_t page) const {
  return std::any_of(sections_.begin(), sections_.end(),
                     [page](const SectionStart& section) { return section.page == page; });
}

std::string BookPages::section_title(size_t page) const {
  const SectionStart* last_before = nullptr;
  for (const SectionStart& section : sections_) {
    // The first section starting on the page names it, not a later one on the same page.
    if (section.page == page)
      return section.mark.title;
    if (section.page > page)
      break;
    last_before = &section;
  }
  return last_before ? last_before->mark.title : std::string();
}

std::optional<size_t> BookPages::section_page(const std::string& anchor) const {
  for (const SectionStart& section : sections_) {
    if (section.mark.anchor == anchor)
      return section.page;
  }
  return std::nullopt;
}

std::vector<page::Bookmark> BookPages::bookmarks() const {
  std::vector<page::Bookmark> out;
  for (const SectionStart& section : sections_) {
    if (section.mark.bookmark.empty())
      continue;
    out.push_back({section.mark.bookmark, static_cast<int>(section.page), section.y,
                   section.mark.bookmark_level});
  }
  return out;
}

}  // namespace tuijie::layout
