#include "pdf/page_painter.hpp"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <span>
#include <string>

#include "core/diagnostic.hpp"
#include "pdf/cid_tables.hpp"

namespace tuijie::pdf {
namespace {

// Glyphs per HPDF_Page_ShowText call, within libharu's 65535-byte string limit.
constexpr size_t kGlyphsPerShow = 16384;

[[noreturn]] void bad_item(const std::string& zh, const std::string& en) {
  throw TuijieError(make_error("pdf-input", zh + "（排版错误）", en + " (a layout error)"));
}

void require_finite(std::initializer_list<double> values) {
  for (double v : values) {
    if (!std::isfinite(v)) {
      bad_item("页面元素的坐标或尺寸不是有限数",
               "a page item has a coordinate or size that is not finite");
    }
  }
}

void require_color(const page::Color& c) {
  for (double v : {c.r, c.g, c.b}) {
    if (!(v >= 0 && v <= 1)) {
      bad_item("颜色分量不在 0 到 1 之间", "a colour component is outside 0..1");
    }
  }
}

}  // namespace

HPDF_Image ImageTable::get(const HaruDocument& doc,
                           const std::shared_ptr<const image::PreparedImage>& shown) {
  const image::PreparedImage& image = *shown;
  auto& [kept, embedded] = images_[&image];
  if (!embedded) {
    kept = shown;
    if (image.jpeg.empty()) {
      bad_item("图片没有数据", "an image has no data");
    }
    embedded = doc.check(HPDF_LoadJpegImageFromMem(doc.get(), image.jpeg.data(),
                                                   static_cast<HPDF_UINT>(image.jpeg.size())),
                         "embedding a JPEG image");
  }
  return embedded;
}

PagePainter::PagePainter(const HaruDocument& doc, HPDF_Page page, double page_height,
                         const FontTable& fonts, ImageTable& images)
    : doc_(doc), page_(page), page_height_(page_height), fonts_(fonts), images_(images) {}

void PagePainter::paint(const page::Item& item) {
  std::visit([this](const auto& i) { paint(i); }, item);
}

void PagePainter::set_fill(const page::Color& color) {
  if (color != fill_) {
    require_color(color);
    doc_.check(
        HPDF_Page_SetRGBFill(page_, static_cast<HPDF_REAL>(color.r),
                             static_cast<HPDF_REAL>(color.g), static_cast<HPDF_REAL>(color.b)),
        "setting a fill colour");
    fill_ = color;
  }
}

void PagePainter::set_stroke(const page::Color& color, double width, bool dashed) {
  if (color != stroke_) {
    require_color(color);
    doc_.check(
        HPDF_Page_SetRGBStroke(page_, static_cast<HPDF_REAL>(color.r),
                               static_cast<HPDF_REAL>(color.g), static_cast<HPDF_REAL>(color.b)),
        "setting a stroke colour");
    stroke_ = color;
  }
  if (width != line_width_) {
    require_finite({width});
    doc_.check(HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(std::max(width, 0.0))),
               "setting a line width");
    line_width_ = width;
  }
  if (dashed != dashed_) {
    if (dashed) {
      // 3 on, 2 off, in whole points (libharu's dash lengths are integers), scaled with the
      // line so that a heavy dashed line still reads as dashed.
      HPDF_UINT16 unit = static_cast<HPDF_UINT16>(std::clamp(std::lround(width), 1L, 20L));
      const HPDF_UINT16 pattern[] = {static_cast<HPDF_UINT16>(3 * unit),
                                     static_cast<HPDF_UINT16>(2 * unit)};
      doc_.check(HPDF_Page_SetDash(page_, pattern, 2, 0), "setting a dash pattern");
    } else {
      doc_.check(HPDF_Page_SetDash(page_, nullptr, 0, 0), "clearing a dash pattern");
    }
    dashed_ = dashed;
  }
}

void PagePainter::paint(const page::GlyphRun& run) {
  if (run.glyphs.empty()) {
    return;
  }
  require_finite({run.x, run.y, run.size, run.char_spacing});
  if (run.size <= 0 || run.size > HPDF_MAX_FONTSIZE || run.char_spacing < HPDF_MIN_CHARSPACE ||
      run.char_spacing > HPDF_MAX_CHARSPACE) {
    bad_item("字号或字距超出 PDF 允许的范围", "a font size or character spacing is out of range");
  }
  if (!run.face) {
    bad_item("文字段没有字体", "a glyph run has no font");
  }
  if (!run.text.empty() && run.text.size() != run.glyphs.size()) {
    bad_item("文字段的字形与字符数目不一致",
             "a glyph run has a different number of glyphs and characters");
  }
  auto font = fonts_.find(run.face);
  if (font == fonts_.end()) {  // the builder makes a font for every face before painting
    bad_item("文字段的字体未登记", "a glyph run's font was not made");
  }
  const char* step = "drawing text";
  set_fill(run.color);
  if (font->second->handle() != font_ || run.size != font_size_) {
    doc_.check(
        HPDF_Page_SetFontAndSize(page_, font->second->handle(), static_cast<HPDF_REAL>(run.size)),
        step);
    font_ = font->second->handle();
    font_size_ = run.size;
  }
  if (run.char_spacing != char_spacing_) {
    doc_.check(HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>(run.char_spacing)), step);
    char_spacing_ = run.char_spacing;
  }
  doc_.check(HPDF_Page_BeginText(page_), step);
  doc_.check(HPDF_Page_MoveTextPos(page_, static_cast<HPDF_REAL>(run.x),
                                   static_cast<HPDF_REAL>(flip(run.y))),
             step);
  std::string text;
  std::vector<size_t> actual_text;
  std::span<const uint32_t> glyphs(run.glyphs);
  std::u32string_view characters(run.text);
  for (size_t start = 0; start < glyphs.size(); start += kGlyphsPerShow) {
    size_t count = std::min(kGlyphsPerShow, glyphs.size() - start);
    text.clear();
    actual_text.clear();
    std::u32string_view shown = characters.empty() ? characters : characters.substr(start, count);
    font->second->encode(glyphs.subspan(start, count), shown, text, actual_text);
    if (actual_text.empty()) {
      doc_.check(HPDF_Page_ShowText(page_, text.c_str()), step);
    } else {
      show_with_actual_text(text, shown, actual_text);
    }
  }
  doc_.check(HPDF_Page_EndText(page_), step);
}

void PagePainter::show_with_actual_text(const std::string& text, std::u32string_view characters,
                                        const std::vector<size_t>& actual_text) {
  const char* step = "drawing text";
  HPDF_Stream content = static_cast<HPDF_PageAttr>(page_->attr)->stream;
  size_t shown = 0;  // glyphs of `text` shown so far
  auto show = [&](size_t end) {
    if (end > shown) {
      const std::string part =
          text.substr(shown * Type0Font::kBytesPerGlyph, (end - shown) * Type0Font::kBytesPerGlyph);
      doc_.check(HPDF_Page_ShowText(page_, part.c_str()), step);
      shown = end;
    }
  };
  for (size_t at : actual_text) {
    show(at);
    // A marked-content span changes no graphics or text state, so libharu's idea of the text
    // position stays right; it may sit inside BT/ET as long as it ends there.
    std::string span = "/Span <</ActualText <FEFF";
    append_utf16be_hex(span, characters[at]);
    span += ">>> BDC\n";
    doc_.check(HPDF_Stream_WriteStr(content, span.c_str()), step);
    show(at + 1);
    doc_.check(HPDF_Stream_WriteStr(content, "EMC\n"), step);
  }
  show(text.size() / Type0Font::kBytesPerGlyph);
}

void PagePainter::paint(const page::Line& line) {
  require_finite({line.x1, line.y1, line.x2, line.y2});
  const char* step = "drawing a line";
  set_stroke(line.color, line.width, line.dashed);
  doc_.check(HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(line.x1),
                              static_cast<HPDF_REAL>(flip(line.y1))),
             step);
  doc_.check(HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(line.x2),
                              static_cast<HPDF_REAL>(flip(line.y2))),
             step);
  doc_.check(HPDF_Page_Stroke(page_), step);
}

void PagePainter::paint(const page::Rect& rect) {
  if (!rect.stroke && !rect.fill) {
    return;
  }
  require_finite({rect.x, rect.y, rect.w, rect.h});
  const char* step = "drawing a rectangle";
  if (rect.fill) {
    set_fill(rect.fill_color);
  }
  if (rect.stroke) {
    set_stroke(rect.stroke_color, rect.stroke_width, rect.dashed);
  }
  doc_.check(HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(rect.x),
                                 static_cast<HPDF_REAL>(flip(rect.y + rect.h)),
                                 static_cast<HPDF_REAL>(rect.w), static_cast<HPDF_REAL>(rect.h)),
             step);
  if (rect.fill && rect.stroke) {
    doc_.check(HPDF_Page_FillStroke(page_), step);
  } else if (rect.fill) {
    doc_.check(HPDF_Page_Fill(page_), step);
  } else {
    doc_.check(HPDF_Page_Stroke(page_), step);
  }
}

void PagePainter::paint(const page::FilledAreas& fills) {
  if (!fills.areas || fills.areas->empty())
    return;
  const char* step = "drawing filled areas";
  set_fill(fills.color);
  // One path of every rectangle, filled once.
  for (const page::Area& a : *fills.areas) {
    require_finite({fills.x + a.x, fills.y + a.y, a.w, a.h});
    doc_.check(HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(fills.x + a.x),
                                   static_cast<HPDF_REAL>(flip(fills.y + a.y + a.h)),
                                   static_cast<HPDF_REAL>(a.w), static_cast<HPDF_REAL>(a.h)),
               step);
  }
  doc_.check(HPDF_Page_Fill(page_), step);
}

void PagePainter::paint(const page::Ellipse& ellipse) {
  require_finite({ellipse.cx, ellipse.cy, ellipse.rx, ellipse.ry});
  const char* step = "drawing an ellipse";
  set_stroke(ellipse.color, ellipse.stroke_width, ellipse.dashed);
  doc_.check(
      HPDF_Page_Ellipse(page_, static_cast<HPDF_REAL>(ellipse.cx),
                        static_cast<HPDF_REAL>(flip(ellipse.cy)),
                        static_cast<HPDF_REAL>(ellipse.rx), static_cast<HPDF_REAL>(ellipse.ry)),
      step);
  doc_.check(HPDF_Page_Stroke(page_), step);
}

void PagePainter::paint(const page::ImageItem& item) {
  if (!item.image) {
    bad_item("图片元素没有图片", "an image item has no image");
  }
  require_finite({item.x, item.y, item.w, item.h});
  HPDF_Image image = images_.get(doc_, item.image);
  doc_.check(HPDF_Page_DrawImage(page_, image, static_cast<HPDF_REAL>(item.x),
                                 static_cast<HPDF_REAL>(flip(item.y + item.h)),
                                 static_cast<HPDF_REAL>(item.w), static_cast<HPDF_REAL>(item.h)),
             "drawing an image");
}

}  // namespace tuijie::pdf
