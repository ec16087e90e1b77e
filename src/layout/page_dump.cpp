#include "layout/page_dump.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/units.hpp"
#include "core/utf8.hpp"

namespace tuijie::layout {
namespace {

// Runs of this many filled rectangles or more are summarised (a QR code has hundreds).
constexpr std::size_t kFillRun = 16;
// Glyph runs on one baseline are one line when the next starts where the last ended, give or
// take this (pt) ...
constexpr double kJoinTolerance = 0.01;
// ... or after a gap of at most this part of the type size (justification stretches the
// space between runs, e.g. between a figure and a Han character).
constexpr double kJoinGap = 0.5;

long long hundredths(double value) {
  return std::llround(value * 100);
}

// Two decimals by hand from an integer: snprintf's "%.2f" follows the global locale, which a
// library cannot assume to be "C".
std::string two_decimals(double value) {
  long long h = hundredths(value);
  const std::string sign = h < 0 ? "-" : "";
  h = h < 0 ? -h : h;
  const std::string frac = std::to_string(h % 100);
  return sign + std::to_string(h / 100) + "." + (frac.size() < 2 ? "0" : "") + frac;
}

std::string mm(double pt) {
  return two_decimals(pt_to_mm(pt));
}

std::string hex_color(const page::Color& c) {
  static const char* digits = "0123456789abcdef";
  std::string out = "#";
  for (double v : {c.r, c.g, c.b}) {
    const long byte = std::clamp(std::lround(v * 255), 0L, 255L);
    out += digits[byte / 16];
    out += digits[byte % 16];
  }
  return out;
}

std::string unless_black(const page::Color& c) {
  return c == page::Color{} ? "" : " " + hex_color(c);
}

std::string quoted(const std::u32string& text) {
  std::string out = "\"";
  for (char32_t c : text) {
    if (c == U'"' || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      static const char* digits = "0123456789abcdef";
      out += "\\x";
      out += digits[c / 16];
      out += digits[c % 16];
    } else {
      out += utf8::encode(std::u32string_view(&c, 1));
    }
  }
  return out + "\"";
}

// Where a run's last glyph ends: its advances and the spacing between its glyphs.
double run_end(const page::GlyphRun& run) {
  return run.x + run.width() - (run.glyphs.empty() ? 0 : run.char_spacing);
}

bool continues(const page::GlyphRun& last, const page::GlyphRun& next) {
  const double gap = next.x - run_end(last);
  return std::abs(next.y - last.y) < kJoinTolerance && next.size == last.size &&
         next.color == last.color && gap >= -kJoinTolerance && gap <= kJoinGap * last.size;
}

// One line of text: glyph runs that continue one another on a baseline.
std::string text_line(const std::vector<const page::GlyphRun*>& runs) {
  const page::GlyphRun& first = *runs.front();
  double top = first.y, bottom = first.y;
  std::u32string text;
  std::vector<std::string> faces;  // each once, in the order first used
  for (const page::GlyphRun* run : runs) {
    const double per_unit = run->size / run->face->units_per_em();
    top = std::min(top, run->y - run->face->ascender() * per_unit);
    bottom = std::max(bottom, run->y - run->face->descender() * per_unit);
    text += run->text;
    const std::string& face = run->face->family_name();
    if (std::find(faces.begin(), faces.end(), face) == faces.end())
      faces.push_back(face);
  }
  std::string face_list;
  for (const std::string& face : faces)
    face_list += (face_list.empty() ? "" : ", ") + face;
  const double right = run_end(*runs.back());
  return "text " + mm(first.x) + " " + mm(top) + " " + mm(right - first.x) + " " +
         mm(bottom - top) + " " + two_decimals(first.size) + "pt " + quoted(text) + " [" +
         face_list + "]" + unless_black(first.color) + "\n";
}

std::string stroke(double width, bool dashed, const page::Color& color) {
  return " w=" + mm(width) + (dashed ? " dashed" : "") + unless_black(color);
}

std::string rect_line(const page::Rect& r) {
  std::string out = "rect " + mm(r.x) + " " + mm(r.y) + " " + mm(r.w) + " " + mm(r.h);
  if (r.stroke)
    out += stroke(r.stroke_width, r.dashed, r.stroke_color);
  if (r.fill)
    out += " fill=" + hex_color(r.fill_color);
  return out + "\n";
}

bool is_plain_fill(const page::Item& item) {
  const auto* r = std::get_if<page::Rect>(&item);
  return r != nullptr && r->fill && !r->stroke;
}

// Filled rectangles as one line: count, bounding box, FNV-1a of their positions.
std::string fills_line(const std::vector<page::Area>& areas) {
  double left = HUGE_VAL, top = HUGE_VAL, right = -HUGE_VAL, bottom = -HUGE_VAL;
  std::uint32_t hash = 2166136261u;
  for (const page::Area& r : areas) {
    left = std::min(left, r.x);
    top = std::min(top, r.y);
    right = std::max(right, r.x + r.w);
    bottom = std::max(bottom, r.y + r.h);
    for (double v : {r.x, r.y, r.w, r.h}) {
      for (char c : mm(v) + ";") {
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
      }
    }
  }
  static const char* digits = "0123456789abcdef";
  std::string checksum;
  for (int shift = 28; shift >= 0; shift -= 4)
    checksum += digits[(hash >> shift) & 0xf];
  return "fills " + std::to_string(areas.size()) + " " + mm(left) + " " + mm(top) + " " +
         mm(right - left) + " " + mm(bottom - top) + " #" + checksum + "\n";
}

// A run of plain filled Rects, as fills_line prints them.
std::string fills_line(const std::vector<page::Item>& items, std::size_t begin, std::size_t end) {
  std::vector<page::Area> areas;
  for (std::size_t i = begin; i < end; ++i) {
    const auto& r = std::get<page::Rect>(items[i]);
    areas.push_back({r.x, r.y, r.w, r.h});
  }
  return fills_line(areas);
}

// Shared areas at their place on the page: the same line as the Rects they replace.
std::string fills_line(const page::FilledAreas& fills) {
  std::vector<page::Area> areas;
  if (fills.areas) {
    for (const page::Area& a : *fills.areas)
      areas.push_back({fills.x + a.x, fills.y + a.y, a.w, a.h});
  }
  return fills_line(areas);
}

std::string page_items(const std::vector<page::Item>& items) {
  std::string out;
  std::size_t i = 0;
  while (i < items.size()) {
    const page::Item& item = items[i];
    if (const auto* run = std::get_if<page::GlyphRun>(&item)) {
      std::vector<const page::GlyphRun*> line = {run};
      ++i;
      while (i < items.size()) {
        const auto* next = std::get_if<page::GlyphRun>(&items[i]);
        if (next == nullptr || !continues(*line.back(), *next))
          break;
        line.push_back(next);
        ++i;
      }
      out += text_line(line);
      continue;
    }
    if (is_plain_fill(item)) {
      std::size_t end = i;
      while (end < items.size() && is_plain_fill(items[end]))
        ++end;
      if (end - i >= kFillRun) {
        out += fills_line(items, i, end);
        i = end;
        continue;
      }
    }
    if (const auto* line = std::get_if<page::Line>(&item)) {
      out += "line " + mm(line->x1) + " " + mm(line->y1) + " " + mm(line->x2) + " " + mm(line->y2) +
             stroke(line->width, line->dashed, line->color) + "\n";
    } else if (const auto* rect = std::get_if<page::Rect>(&item)) {
      out += rect_line(*rect);
    } else if (const auto* e = std::get_if<page::Ellipse>(&item)) {
      out += "ellipse " + mm(e->cx) + " " + mm(e->cy) + " " + mm(e->rx) + " " + mm(e->ry) +
             stroke(e->stroke_width, e->dashed, e->color) + "\n";
    } else if (const auto* fills = std::get_if<page::FilledAreas>(&item)) {
      out += fills_line(*fills);
    } else if (const auto* img = std::get_if<page::ImageItem>(&item)) {
      out += "image " + mm(img->x) + " " + mm(img->y) + " " + mm(img->w) + " " + mm(img->h) + " " +
             std::to_string(img->image ? img->image->width : 0) + "x" +
             std::to_string(img->image ? img->image->height : 0) + "\n";
    }
    ++i;
  }
  return out;
}

}  // namespace

std::string dump_pages(const std::vector<page::Page>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const page::Page& page = pages[i];
    out += "page " + std::to_string(i + 1) + " " + mm(page.width) + "x" + mm(page.height) + "\n";
    out += page_items(page.items);
    for (const page::FieldBox& field : page.fields) {
      out += "field " + field.field + " " + mm(field.x) + " " + mm(field.y) + " " + mm(field.w) +
             " " + mm(field.h) + "\n";
    }
  }
  return out;
}

std::string dump_document(const page::PagedDocument& document) {
  const page::DocumentInfo& info = document.info;
  std::string out;
  for (const auto& [name, value] : {std::pair{"title", &info.title},
                                    {"author", &info.author},
                                    {"subject", &info.subject},
                                    {"keywords", &info.keywords}}) {
    out += std::string(name) + " " + quoted(utf8::decode(*value)) + "\n";
  }
  for (const page::Bookmark& mark : document.bookmarks) {
    out += "bookmark " + std::to_string(mark.level) + " " + std::to_string(mark.page + 1) + " " +
           mm(mark.y) + " " + quoted(utf8::decode(mark.title)) + "\n";
  }
  return out + dump_pages(document.pages);
}

}  // namespace tuijie::layout
