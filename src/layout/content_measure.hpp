// Cell and page content measured into slices: the smallest pieces a page break may fall
// between (one line of text, a photo, a whole stamp zone). Tables split between slices.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/document_model.hpp"

namespace tuijie::layout {

struct Slice {
  enum class Kind { Line, Photo, Stamp, Space, Columns };
  Kind kind = Kind::Space;
  double height = 0;
  const text::LaidLine* line = nullptr;  // Kind::Line
  const Photo* photo = nullptr;          // Kind::Photo
  const StampZone* stamp = nullptr;      // Kind::Stamp: the clear zone and the date line
  const text::LaidLine* date_line = nullptr;
  const text::ParagraphLayout* seal_label = nullptr;  // StampZone::seal_over: the organisation
  double stamp_zone_height = 0;
  /// Kind::Columns: one row of a ColumnList, each item's lines with its column's x offset.
  struct ColumnItem {
    double x = 0;
    const text::ParagraphLayout* laid = nullptr;
  };
  std::vector<ColumnItem> items;
  bool keep_with_next = false;  // no break allowed after this slice
};

struct MeasuredContent {
  std::vector<std::unique_ptr<text::ParagraphLayout>> paragraphs;  // owned; slices point in
  std::vector<Slice> slices;
  double height = 0;
  bool overfull = false;     // a line wider than the box
  bool compromised = false;  // a line broke at a last-resort opportunity
  bool splittable = true;    // false when it holds a photo or stamp zone
};

/// Measures blocks set in a box (the slices point into `blocks`, which must outlive them) `width`
/// points wide. `shrink` (0 = none) lowers every font size by that many points, never below the
/// paragraph's floor. Characters no font has are reported against `document` and the paragraph's
/// label.
MeasuredContent measure_blocks(std::span<const Block> blocks, double width, double shrink,
                               const std::string& document, Diagnostics& diagnostics);

/// Draws slices [first, last) with their top at y, inside a box starting at x, `width` wide.
void draw_slices(const MeasuredContent& content, size_t first, size_t last, double x, double y,
                 double width, page::Page& page);

/// Height of slices [first, last).
double slices_height(const MeasuredContent& content, size_t first, size_t last);

/// How many slices from `first` fit in `available` points, honouring keep_with_next.
size_t slices_fitting(const MeasuredContent& content, size_t first, double available);

/// The smallest font size any paragraph reaches with `shrink`; used to stop shrinking.
bool can_shrink(std::span<const Block> blocks, double shrink);

/// `width`: the box the text is set in, which a character grid (chars_per_line) divides.
text::TextStyle text_style(const Style& style, double shrink = 0, double width = 0);

/// Draws a laid-out line with its left edge at `x` and the top of its line box at `top`.
void place_line(const text::LaidLine& line, double x, double top, page::Page& page);

/// The text with the style's first-line indent as ideographic spaces, at the start of the text
/// and after every '\n'.
std::string indented_text(const std::string& text, const Style& style);

/// Reports the characters no font of the chain has, naming the document and the field.
void report_missing_characters(const text::ParagraphLayout& laid, const std::string& label,
                               const std::string& document, Diagnostics& diagnostics);

}  // namespace tuijie::layout
