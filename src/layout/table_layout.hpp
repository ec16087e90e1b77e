// Tables: cells placed on a grid with column and row spans, rows sized to their content or
// fixed by the template, and pagination that never splits rows joined by a row span.
#pragma once

#include "layout/book_pages.hpp"
#include "layout/document_model.hpp"
#include "layout/layout_engine.hpp"

namespace tuijie::layout {

/// The page being filled: where the next block goes, and how to start another page.
class Flow {
 public:
  Flow(const DocumentModel& model, LayoutResult& result);
  void new_page();
  /// The next block starts on a right-hand (odd) page: a left-hand page that would come
  /// first is left blank. Nothing happens on a right-hand page that is still empty.
  void new_right_hand_page();
  page::Page& page() { return result_.pages.back(); }
  size_t page_index() const { return result_.pages.size() - 1; }
  /// Nothing drawn on the page yet.
  bool page_empty() const;
  /// Called before drawing a block's first line or row: marks waiting for it start here.
  void content_starts() { book_.content_at(page_index(), y_); }
  BookPages& book() { return book_; }
  double y() const { return y_; }
  void advance(double dy) { y_ += dy; }
  double remaining() const { return bottom() - y_; }
  double top() const;
  double bottom() const;
  double left() const;
  double width() const;
  const DocumentModel& model() const { return model_; }
  Diagnostics& diagnostics() { return result_.diagnostics; }
  void note_lines_moved_for_signoff() { result_.lines_moved_for_signoff = true; }
  /// `value`: what the reader should look for when no field is named (the text's start).
  void report_overflow(const std::string& field, const std::string& zh, const std::string& en,
                       const std::string& value = {});

 private:
  const DocumentModel& model_;
  LayoutResult& result_;
  BookPages book_;
  double y_ = 0;
};

void place_table(const Table& table, Flow& flow);

/// Height of the header rows plus the first row group: what must fit to start the table.
double table_start_height(const Table& table, Flow& flow);

}  // namespace tuijie::layout
