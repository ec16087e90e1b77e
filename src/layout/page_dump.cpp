#include "layout/page_dump.hpp"

#include <cstdio>

#include "core/units.hpp"
#include "core/utf8.hpp"

namespace tuijie::layout {
namespace {

// snprintf with "%.2f" ignores the global locale only for the "C" locale, which a library
// cannot assume; format by hand from an integer instead.
std::string mm(double pt) {
  long hundredths = static_cast<long>(pt_to_mm(pt) * 100 + (pt >= 0 ? 0.5 : -0.5));
  std::string sign = hundredths < 0 ? "-" : "";
  if (hundredths < 0)
    hundredths = -hundredths;
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2)
    frac = "0" + frac;
  return sign + std::to_string(hundredths / 100) + "." + frac;
}

std::string points(double pt) {
  long hundredths = static_cast<long>(pt * 100 + 0.5);
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2)
    frac = "0" + frac;
  return std::to_string(hundredths / 100) + "." + frac;
}

}  // namespace

std::string dump_pages(const std::vector<page::Page>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    const page::Page& page = pages[i];
    out += "page " + std::to_string(i + 1) + " " + mm(page.width) + " " + mm(page.height) + "\n";
    for (const page::Item& item : page.items) {
      if (const auto* run = std::get_if<page::GlyphRun>(&item)) {
        out += "text " + mm(run->x) + " " + mm(run->y) + " " + run->face->family_name() + " " +
               points(run->size) + " \"" + utf8::encode(run->text) + "\"\n";
      } else if (const auto* line = std::get_if<page::Line>(&item)) {
        out += "line " + mm(line->x1) + " " + mm(line->y1) + " " + mm(line->x2) + " " +
               mm(line->y2) + "\n";
      } else if (const auto* rect = std::get_if<page::Rect>(&item)) {
        out += std::string(rect->fill ? "fill" : "rect") + " " + mm(rect->x) + " " + mm(rect->y) +
               " " + mm(rect->w) + " " + mm(rect->h) + "\n";
      } else if (const auto* e = std::get_if<page::Ellipse>(&item)) {
        out += "ellipse " + mm(e->cx) + " " + mm(e->cy) + " " + mm(e->rx) + " " + mm(e->ry) + "\n";
      } else if (const auto* img = std::get_if<page::ImageItem>(&item)) {
        out += "image " + mm(img->x) + " " + mm(img->y) + " " + mm(img->w) + " " + mm(img->h) +
               " " + std::to_string(img->image ? img->image->width : 0) + "x" +
               std::to_string(img->image ? img->image->height : 0) + "\n";
      }
    }
  }
  return out;
}

}  // namespace tuijie::layout
