// Which glyphs of which faces a document shows, and the character each glyph stands for.
//
// This is the input of subsetting (exactly these glyphs are embedded) and of the ToUnicode
// map (the character a viewer copies out for each glyph).
#pragma once

#include <cstdint>
#include <vector>

#include "fonts/font_face.hpp"
#include "layout/page_model.hpp"

namespace tuijie::pdf {

/// The glyphs of one face used by one document.
class FontUsage {
 public:
  explicit FontUsage(const fonts::FontFace& face);

  const fonts::FontFace& face() const { return *face_; }
  /// Number of glyphs in the face.
  uint32_t face_glyph_count() const { return static_cast<uint32_t>(text_.size()); }

  /// Records that `glyph` is shown for `character` (0 = no character known). The first
  /// character recorded for a glyph is the one it copies out as. Throws TuijieError
  /// "pdf-input" for .notdef or a glyph id the face does not have.
  void add(uint32_t glyph, char32_t character);

  /// Glyph ids in the order they were first shown.
  const std::vector<uint32_t>& glyphs() const { return glyphs_; }
  /// The character recorded for a used glyph (0 when none).
  char32_t text_of(uint32_t glyph) const { return text_[glyph] & ~kUsed; }

 private:
  static constexpr char32_t kUsed = 0x80000000;  // above every code point

  const fonts::FontFace* face_;
  std::vector<char32_t> text_;  // by glyph id: kUsed | character once used, else 0
  std::vector<uint32_t> glyphs_;
};

/// The faces a document uses, in the order of their first glyph run, with their glyphs.
/// Throws TuijieError "pdf-input" for a run without a face or whose text does not match its
/// glyphs one to one.
std::vector<FontUsage> collect_font_usage(const layout::PagedDocument& doc);

}  // namespace tuijie::pdf
