// Draws the items of one page through libharu's page API.
//
// Layout coordinates have their origin at the top-left corner and y grows downwards; PDF's
// grow upwards from the bottom-left, so every y is flipped against the page height. Colours,
// line width, dash, font and character spacing are set only when they change.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "page/page_model.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/type0_font.hpp"

namespace tuijie::pdf {

using FontTable = std::unordered_map<const fonts::FontFace*, Type0Font*>;

/// Embeds each prepared image once per document, however many pages show it. It keeps every
/// image it embedded alive: pages may be dropped once painted, and another image must never
/// be taken for one of theirs because it was given the same address.
class ImageTable {
 public:
  HPDF_Image get(const HaruDocument& doc, const std::shared_ptr<const image::PreparedImage>& image);

 private:
  std::unordered_map<const image::PreparedImage*,
                     std::pair<std::shared_ptr<const image::PreparedImage>, HPDF_Image>>
      images_;
};

class PagePainter {
 public:
  PagePainter(const HaruDocument& doc, HPDF_Page page, double page_height, const FontTable& fonts,
              ImageTable& images);

  /// Throws TuijieError "pdf-input" for a non-finite coordinate or a colour outside 0..1,
  /// "pdf-write" when libharu fails.
  void paint(const page::Item& item);

 private:
  void paint(const page::GlyphRun& run);
  void paint(const page::Line& line);
  void paint(const page::Rect& rect);
  void paint(const page::FilledAreas& fills);
  void paint(const page::Ellipse& ellipse);
  void paint(const page::ImageItem& image);
  /// Shows the encoded `text` (Type0Font::encode's output for `characters`), putting each
  /// glyph at a position of `actual_text` alone inside a /Span with /ActualText, so that it
  /// copies out as its own character.
  void show_with_actual_text(const std::string& text, std::u32string_view characters,
                             const std::vector<size_t>& actual_text);

  void set_fill(const page::Color& color);
  void set_stroke(const page::Color& color, double width, bool dashed);
  double flip(double y) const { return page_height_ - y; }

  const HaruDocument& doc_;
  HPDF_Page page_;
  double page_height_;
  const FontTable& fonts_;
  ImageTable& images_;

  // The graphics state as written so far, starting from PDF's defaults.
  page::Color fill_{};
  page::Color stroke_{};
  double line_width_ = 1;
  bool dashed_ = false;
  HPDF_Font font_ = nullptr;
  double font_size_ = 0;
  double char_spacing_ = 0;
};

}  // namespace tuijie::pdf
