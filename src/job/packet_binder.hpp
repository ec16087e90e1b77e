// Documents bound into one bookmarked PDF: the bureau's 推荐材料包 (cover letter, summary
// tables, every recommended organisation's sheet) or a nominating body's bundle. Each document
// keeps its own page numbers; bookmarks name every part and every document.
//
// Documents are added one at a time, as they are composed, so that a job never holds more
// than one document's page model: the binder keeps what the finished file needs.
#pragma once

#include <cstddef>
#include <string>

#include "page/page_model.hpp"

namespace tuijie::job {

class PacketBinder {
 public:
  /// Opens a part of `entries` documents titled `title` (e.g. 企业基本信息表). A part of
  /// several documents, or of one named otherwise, gets a bookmark with one child per
  /// document; a part of one document named as the part gets a single bookmark.
  void start_part(const std::string& title, std::size_t entries, const std::string& first_entry);
  /// Adds a document of the open part under `bookmark` (e.g. the organisation's name). Its
  /// pages are moved out of `document`.
  void add(const std::string& bookmark, page::PagedDocument& document);
  std::size_t pages() const { return bound_.pages.size(); }
  /// The bound document; the binder is empty afterwards.
  page::PagedDocument finish(const page::DocumentInfo& info);

 private:
  page::PagedDocument bound_;
  bool nested_ = false;
};

}  // namespace tuijie::job
