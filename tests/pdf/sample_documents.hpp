// Hand-built laid-out documents for the PDF writer's tests and timing: text is "shaped" by
// taking each character's nominal glyph from the first face of a fallback chain that has it,
// which is all a form's Chinese text needs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_face.hpp"
#include "page/page_model.hpp"

namespace tuijie::testing {

inline constexpr const char* kDroidPath =
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
inline constexpr const char* kDejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kWenKaiPath =
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";

/// Noto Serif CJK SC (fonts-noto-cjk): CID-keyed CFF outlines, face 2 of the collection.
inline constexpr const char* kNotoSerifPath =
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
inline constexpr unsigned kNotoSerifScIndex = 2;
/// Noto Serif CJK SC Regular, opened once per process.
const fonts::FontFace& noto_serif_sc();

/// The test fonts, opened once per process.
struct TestFonts {
  std::shared_ptr<const fonts::FontFace> droid, dejavu, wenkai;
  /// Droid Sans Fallback, then DejaVu Sans (Latin, ☑ ☐), then LXGW WenKai (𠮷).
  std::vector<const fonts::FontFace*> chain() const {
    return {droid.get(), dejavu.get(), wenkai.get()};
  }
};
const TestFonts& test_fonts();

/// Runs for `text` with its first glyph's origin at (x, y), split wherever the face changes.
/// A character no face has is left out.
std::vector<page::GlyphRun> text_runs(const std::vector<const fonts::FontFace*>& chain,
                                      std::u32string_view text, double x, double y, double size);
/// Appends the runs of `text` to `page`; returns the x after the last glyph.
double add_text(page::Page& page, const std::vector<const fonts::FontFace*>& chain,
                std::u32string_view text, double x, double y, double size);

/// A one-page form like the benchmark's candidate form: a ruled grid of labels and values and
/// a wrapped paragraph, ≈350 distinct CJK characters (Droid Sans Fallback) and a few Latin
/// ones (DejaVu Sans); `seed` varies the record's text.
page::PagedDocument sample_form(unsigned seed);

}  // namespace tuijie::testing
