// Which glyphs of which faces a document shows, and the character each glyph stands for.
//
// This is the input of subsetting (exactly these glyphs are embedded) and of the ToUnicode
// map (the character a viewer copies out for each glyph).
#pragma once

#include <cstdint>
#include <vector>

#include "fonts/font_face.hpp"
#include "page/page_model.hpp"

namespace tuijie::pdf {

/// The glyphs of one face used by one document, numbered in the order they are first shown.
class FontUsage {
 public:
  explicit FontUsage(const fonts::FontFace& face);

  const fonts::FontFace& face() const { return *face_; }
  /// Number of glyphs in the face.
  uint32_t face_glyph_count() const { return static_cast<uint32_t>(slot_of_glyph_.size()); }

  /// Records that `glyph` is shown for `character` (0 = no character known). A glyph shown
  /// for several characters (a font may draw 更 U+66F4 and its compatibility twin U+F901 with
  /// one glyph) keeps its first character and gets an alias for each other one, so that each
  /// copies out as itself. Throws TuijieError "pdf-input" for .notdef or a glyph id the face
  /// does not have.
  void add(uint32_t glyph, char32_t character);

  /// Glyph ids in the order they were first shown.
  const std::vector<uint32_t>& glyphs() const { return glyphs_; }
  /// Characters of glyphs(), in the same order (0 when none was recorded).
  const std::vector<char32_t>& characters() const { return characters_; }
  /// Position of `glyph` in glyphs(), or -1 when it was never recorded.
  int index_of(uint32_t glyph) const {
    return glyph < slot_of_glyph_.size() ? slot_of_glyph_[glyph] - 1 : -1;
  }

  /// A glyph shown for a character other than its first one.
  struct Alias {
    uint32_t glyph;
    char32_t character;
  };
  /// Aliases in the order they were first shown; usually none.
  const std::vector<Alias>& aliases() const { return aliases_; }
  /// Position in aliases() of (`glyph`, `character`), or -1 when it is not an alias.
  int alias_of(uint32_t glyph, char32_t character) const;

 private:
  const fonts::FontFace* face_;
  // By glyph id: 1 + its position in glyphs_, 0 when unused. A face has at most 65535 glyphs.
  std::vector<uint16_t> slot_of_glyph_;
  std::vector<uint32_t> glyphs_;
  std::vector<char32_t> characters_;
  std::vector<Alias> aliases_;
};

}  // namespace tuijie::pdf
