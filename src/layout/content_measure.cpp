#include "layout/content_measure.hpp"

#include <algorithm>

#include "core/units.hpp"
#include "core/utf8.hpp"

namespace tuijie::layout {
namespace {

Slice space_slice(double height) {
  Slice s;
  s.kind = Slice::Kind::Space;
  s.height = height;
  return s;
}

// One slice: the zone with the organisation and date lines in its lower half.
void measure_seal_over(const StampZone& stamp, double width, MeasuredContent& out);

// One slice per row of items: a row is as tall as its tallest item and moves whole.
void measure_columns(const ColumnList& list, double width, double shrink,
                     const std::string& document, Diagnostics& diagnostics, MeasuredContent& out);

// Each line's box shrinks to its glyphs' outlines: the baseline stays where it is on the
// page relative to the ink, and the line box runs from the highest point to the lowest.
void fit_lines_to_ink(text::ParagraphLayout& laid) {
  laid.height = 0;
  for (text::LaidLine& line : laid.lines) {
    double top = 0, bottom = 0;
    bool any = false;
    for (const page::GlyphRun& run : line.runs) {
      const double scale = run.size / run.face->units_per_em();
      for (uint32_t glyph : run.glyphs) {
        const fonts::FontFace::Ink ink = run.face->ink(glyph);
        if (ink.top == ink.bottom)
          continue;
        top = any ? std::max(top, ink.top * scale) : ink.top * scale;
        bottom = any ? std::min(bottom, ink.bottom * scale) : ink.bottom * scale;
        any = true;
      }
    }
    if (any) {
      line.ascent = top;
      line.height = top - bottom;
    }
    laid.height += line.height;
  }
}

}  // namespace

// First-line indent in Chinese typesetting is counted in characters; two ideographic spaces
// give exactly 2 em and copy out as the spaces a clerk would type.
std::string indented_text(const std::string& text, const Style& style) {
  if (style.indent <= 0)
    return text;
  int spaces = static_cast<int>(style.indent / style.size + 0.5);
  std::string indent;
  for (int i = 0; i < spaces; ++i)
    indent += "\u3000";
  // Every paragraph of a multi-paragraph value starts indented.
  std::string out = indent;
  for (char c : text) {
    out += c;
    if (c == '\n')
      out += indent;
  }
  return out;
}

void report_missing_characters(const text::ParagraphLayout& laid, const std::string& label,
                               const std::string& document, Diagnostics& diagnostics) {
  if (laid.missing.empty())
    return;
  Diagnostic d = make_error(
      "glyph-missing",
      "没有字体能显示字符 " + utf8::encode(laid.missing) + "（请在 fonts/ 中加入含此字的字体）",
      "no font has the character(s) " + utf8::encode(laid.missing) +
          " (add a font that has them to fonts/)");
  d.record = document;
  d.column_name = label;
  d.value = utf8::encode(laid.missing);
  diagnostics.push_back(d);
}

text::TextStyle text_style(const Style& style, double shrink, double width) {
  text::TextStyle ts;
  ts.chain = style.chain;
  ts.size = style.size;
  if (shrink > 0 && style.min_size > 0) {
    ts.size = std::max(style.min_size, style.size - shrink);
  }
  ts.leading = style.leading;
  ts.align = style.align;
  ts.color = style.color;
  ts.hang = style.hang;
  ts.terms = style.terms;
  if (style.chars_per_line > 0 && width > 0) {
    const double pitch = width / style.chars_per_line;
    ts.tracking = pitch - ts.size;
    ts.hang = style.hang / style.size * pitch;  // the hang was given in characters
  }
  return ts;
}

namespace {

bool paragraph_can_shrink(const Paragraph& p, double shrink) {
  return p.style.min_size > 0 && p.style.size - shrink + 1e-9 > p.style.min_size;
}

}  // namespace

bool can_shrink(std::span<const Block> blocks, double shrink) {
  for (const Block& b : blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      if (paragraph_can_shrink(*p, shrink))
        return true;
    } else if (const auto* list = std::get_if<ColumnList>(&b)) {
      for (const Paragraph& item : list->items) {
        if (paragraph_can_shrink(item, shrink))
          return true;
      }
    }
  }
  return false;
}

MeasuredContent measure_blocks(std::span<const Block> blocks, double width, double shrink,
                               const std::string& document, Diagnostics& diagnostics) {
  MeasuredContent out;
  for (const Block& block : blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      if (p->space_before > 0) {
        out.slices.push_back(space_slice(p->space_before));
      }
      auto laid = std::make_unique<text::ParagraphLayout>(text::layout_paragraph(
          indented_text(p->text, p->style), text_style(p->style, shrink, width), width));
      report_missing_characters(*laid, p->label, document, diagnostics);
      if (p->ink_box)
        fit_lines_to_ink(*laid);
      if (p->hidden) {
        for (text::LaidLine& line : laid->lines)
          line.runs.clear();
      }
      out.overfull = out.overfull || laid->overfull || laid->max_width > width + 0.01;
      out.compromised = out.compromised || laid->compromised;
      for (const auto& line : laid->lines) {
        Slice s;
        s.kind = Slice::Kind::Line;
        s.height = line.height;
        s.line = &line;
        s.keep_with_next = p->keep_with_next;
        out.slices.push_back(s);
      }
      out.paragraphs.push_back(std::move(laid));
      if (p->space_after > 0) {
        out.slices.push_back(space_slice(p->space_after));
      }
    } else if (const auto* photo = std::get_if<Photo>(&block)) {
      Slice s;
      s.kind = Slice::Kind::Photo;
      s.height = photo->height;
      s.photo = photo;
      out.slices.push_back(s);
      out.splittable = false;
    } else if (const auto* stamp = std::get_if<StampZone>(&block)) {
      if (stamp->seal_over) {
        measure_seal_over(*stamp, width, out);
        continue;
      }
      // Label and signature lines first, then the clear zone with the date under it.
      for (const std::string* text : {&stamp->label, &stamp->signature}) {
        if (text->empty())
          continue;
        auto laid = std::make_unique<text::ParagraphLayout>(
            text::layout_paragraph(*text, text_style(stamp->style), width));
        for (const auto& line : laid->lines) {
          Slice s;
          s.kind = Slice::Kind::Line;
          s.height = line.height;
          s.line = &line;
          s.keep_with_next = true;
          out.slices.push_back(s);
        }
        out.paragraphs.push_back(std::move(laid));
      }
      text::TextStyle date_style = text_style(stamp->style);
      date_style.align = text::Align::Right;
      auto date = std::make_unique<text::ParagraphLayout>(
          text::layout_paragraph(stamp->date, date_style, width));
      Slice s;
      s.kind = Slice::Kind::Stamp;
      s.stamp = stamp;
      s.stamp_zone_height = stamp->height;
      s.date_line = date->lines.empty() ? nullptr : &date->lines.front();
      s.height = stamp->height + (s.date_line ? s.date_line->height : 0);
      out.slices.push_back(s);
      out.paragraphs.push_back(std::move(date));
      out.splittable = false;
    } else if (const auto* list = std::get_if<ColumnList>(&block)) {
      measure_columns(*list, width, shrink, document, diagnostics, out);
    } else if (const auto* spacer = std::get_if<Spacer>(&block)) {
      out.slices.push_back(space_slice(spacer->height));
    }
  }
  out.height = slices_height(out, 0, out.slices.size());
  return out;
}

namespace {

void measure_seal_over(const StampZone& stamp, double width, MeasuredContent& out) {
  text::TextStyle style = text_style(stamp.style);
  style.align = text::Align::Left;  // placed by place_stamp, centred over the date
  auto label = std::make_unique<text::ParagraphLayout>(
      text::layout_paragraph(stamp.label, style, width - stamp.date_inset));
  auto date = std::make_unique<text::ParagraphLayout>(
      text::layout_paragraph(stamp.date, style, width - stamp.date_inset));
  Slice s;
  s.kind = Slice::Kind::Stamp;
  s.stamp = &stamp;
  s.stamp_zone_height = stamp.height;
  s.seal_label = label.get();
  s.date_line = date->lines.empty() ? nullptr : &date->lines.front();
  const double lines = label->height + (s.date_line ? s.date_line->height : 0);
  s.height = std::max(stamp.height, stamp.height / 2 + lines);
  out.slices.push_back(s);
  out.paragraphs.push_back(std::move(label));
  out.paragraphs.push_back(std::move(date));
  out.splittable = false;
}

void measure_columns(const ColumnList& list, double width, double shrink,
                     const std::string& document, Diagnostics& diagnostics, MeasuredContent& out) {
  const int columns = std::max(1, list.columns);
  const double column_width = (width - list.gap * (columns - 1)) / columns;
  if (list.space_before > 0)
    out.slices.push_back(space_slice(list.space_before));
  Slice row;
  row.kind = Slice::Kind::Columns;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const Paragraph& item = list.items[i];
    auto laid = std::make_unique<text::ParagraphLayout>(text::layout_paragraph(
        indented_text(item.text, item.style), text_style(item.style, shrink), column_width));
    report_missing_characters(*laid, item.label, document, diagnostics);
    out.overfull = out.overfull || laid->overfull || laid->max_width > column_width + 0.01;
    out.compromised = out.compromised || laid->compromised;
    const int column = static_cast<int>(i % static_cast<size_t>(columns));
    row.items.push_back({column * (column_width + list.gap), laid.get()});
    row.height = std::max(row.height, laid->height);
    out.paragraphs.push_back(std::move(laid));
    if (column == columns - 1 || i + 1 == list.items.size()) {
      out.slices.push_back(std::move(row));
      row = Slice{};
      row.kind = Slice::Kind::Columns;
    }
  }
  if (list.space_after > 0)
    out.slices.push_back(space_slice(list.space_after));
}

}  // namespace

double slices_height(const MeasuredContent& content, size_t first, size_t last) {
  double h = 0;
  for (size_t i = first; i < last && i < content.slices.size(); ++i)
    h += content.slices[i].height;
  return h;
}

size_t slices_fitting(const MeasuredContent& content, size_t first, double available) {
  double used = 0;
  size_t fit = first;
  size_t last_break = first;  // slices [first, last_break) end at an allowed break
  for (size_t i = first; i < content.slices.size(); ++i) {
    used += content.slices[i].height;
    if (used > available + 1e-6)
      break;
    fit = i + 1;
    if (!content.slices[i].keep_with_next)
      last_break = fit;
  }
  return fit == content.slices.size() ? fit : last_break;
}

void place_line(const text::LaidLine& line, double x, double top, page::Page& page) {
  for (const auto& run : line.runs) {
    page::GlyphRun placed = run;
    placed.x = x + run.x;
    placed.y = top + line.ascent;
    page.items.emplace_back(std::move(placed));
  }
}

namespace {

void place_photo(const Photo& photo, double x, double top, double width, page::Page& page) {
  double left = x;
  if (photo.align == text::Align::Center)
    left = x + (width - photo.width) / 2;
  if (photo.align == text::Align::Right)
    left = x + width - photo.width;
  if (photo.image && photo.image->width > 0 && photo.image->height > 0) {
    // Fit inside the frame without distortion, centred.
    double scale = std::min(photo.width / photo.image->width, photo.height / photo.image->height);
    double w = photo.image->width * scale;
    double h = photo.image->height * scale;
    page.items.emplace_back(page::ImageItem{photo.image, left + (photo.width - w) / 2,
                                            top + (photo.height - h) / 2, w, h});
  }
  if (photo.frame) {
    page::Rect frame;
    frame.x = left;
    frame.y = top;
    frame.w = photo.width;
    frame.h = photo.height;
    frame.stroke_width = 0.4;
    frame.stroke_color = {0.5, 0.5, 0.5};
    page.items.emplace_back(frame);
  }
}

// Records the clear zone on the page (not drawn): tests and checks measure it.
void note_zone(const StampZone& zone, double left, double top, page::Page& page) {
  page.fields.push_back({"stamp:" + zone.label, left, top, zone.width, zone.height});
}

void place_seal_over(const Slice& s, double x, double top, double width, page::Page& page) {
  const StampZone& zone = *s.stamp;
  const double right = x + width - zone.date_inset;
  const double date_width = s.date_line ? s.date_line->width : 0;
  const double centre = right - date_width / 2;
  double y = top + zone.height / 2;  // the lines stand in the zone's lower half
  for (const auto& line : s.seal_label->lines) {
    place_line(line, centre - line.width / 2, y, page);
    y += line.height;
  }
  if (s.date_line)
    place_line(*s.date_line, right - date_width, y, page);
  const double zone_left = centre - zone.width / 2;
  if (zone.guide) {
    page::Ellipse guide;
    guide.cx = centre;
    guide.cy = top + zone.height / 2;
    guide.rx = guide.ry = std::min(zone.width, zone.height) / 2;
    guide.stroke_width = 0.3;
    guide.color = {0.75, 0.75, 0.75};
    guide.dashed = true;
    page.items.emplace_back(guide);
  }
  note_zone(zone, zone_left, top, page);
}

void place_stamp(const Slice& s, double x, double top, double width, page::Page& page) {
  const StampZone& zone = *s.stamp;
  if (zone.seal_over) {
    place_seal_over(s, x, top, width, page);
    return;
  }
  double date_width = s.date_line ? s.date_line->width : 0;
  // The zone stands centred over the date line, which is flush right.
  double date_left = x + width - date_width;
  double centre = s.date_line ? date_left + date_width / 2 : x + width - zone.width / 2;
  double zone_left = std::min(centre - zone.width / 2, x + width - zone.width);
  if (zone.guide) {
    page::Ellipse guide;
    double r = std::min(zone.width, zone.height) / 2 - mm_to_pt(1.5);
    guide.cx = zone_left + zone.width / 2;
    guide.cy = top + zone.height / 2;
    guide.rx = guide.ry = r;
    guide.stroke_width = 0.3;
    guide.color = {0.75, 0.75, 0.75};
    guide.dashed = true;
    page.items.emplace_back(guide);
  }
  if (s.date_line)
    place_line(*s.date_line, x, top + zone.height, page);
  note_zone(zone, zone_left, top, page);
}

}  // namespace

void draw_slices(const MeasuredContent& content, size_t first, size_t last, double x, double y,
                 double width, page::Page& page) {
  double top = y;
  for (size_t i = first; i < last && i < content.slices.size(); ++i) {
    const Slice& s = content.slices[i];
    switch (s.kind) {
      case Slice::Kind::Line:
        place_line(*s.line, x, top, page);
        break;
      case Slice::Kind::Photo:
        place_photo(*s.photo, x, top, width, page);
        break;
      case Slice::Kind::Stamp:
        place_stamp(s, x, top, width, page);
        break;
      case Slice::Kind::Columns:
        for (const Slice::ColumnItem& item : s.items) {
          double line_top = top;
          for (const auto& line : item.laid->lines) {
            place_line(line, x + item.x, line_top, page);
            line_top += line.height;
          }
        }
        break;
      case Slice::Kind::Space:
        break;
    }
    top += s.height;
  }
}

}  // namespace tuijie::layout
