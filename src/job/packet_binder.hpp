// Documents bound into one bookmarked PDF: the bureau's 推荐材料包 (cover letter, summary
// tables, every recommended organisation's sheet) or a nominating body's bundle. Each document
// keeps its own page numbers; bookmarks name every part and every document.
//
// Documents are added one at a time, as they are composed, and painted into the bound PDF at
// once (pdf::PdfBuilder): the binder keeps their compressed page contents, never their page
// models, so a packet's memory grows by what its file holds, not by what its pages were.
#pragma once

#include <cstddef>
#include <string>

#include "page/page_model.hpp"
#include "pdf/pdf_writer.hpp"

namespace tuijie::job {

class PacketBinder {
 public:
  /// Opens a part of `entries` documents titled `title` (e.g. 企业基本信息表). A part of
  /// several documents, or of one named otherwise, gets a bookmark with one child per
  /// document; a part of one document named as the part gets a single bookmark.
  void start_part(const std::string& title, std::size_t entries, const std::string& first_entry);
  /// Paints a document of the open part, bookmarked `bookmark` (e.g. the organisation's name).
  /// Its pages are released from `document`.
  void add(const std::string& bookmark, page::PagedDocument& document);
  std::size_t pages() const { return builder_.pages(); }
  /// The bound PDF's bytes; the binder cannot be used afterwards.
  std::string finish(const page::DocumentInfo& info);
  /// The bound PDF written to `fd` (false, errno set, when a write failed), for a packet too
  /// large to hold twice; all the binder held is freed before it returns.
  bool finish(const page::DocumentInfo& info, int fd) { return builder_.finish(info, fd); }

 private:
  pdf::PdfBuilder builder_{pdf::PdfOptions{.compress = true, .spill_contents = true}};
  bool nested_ = false;
};

}  // namespace tuijie::job
