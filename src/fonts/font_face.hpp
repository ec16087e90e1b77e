// One font file (or one face of a .ttc), parsed once per process and shared read-only.
//
// The layout stage asks it for glyph ids and advances; the PDF writer asks it for the
// HarfBuzz face to subset and for the FontDescriptor figures. Nothing here is per document.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

struct hb_face_t;

namespace tuijie::fonts {

class FontFace {
 public:
  /// Opens face `index` of a TrueType/OpenType (glyf) file. Throws TuijieError (code
  /// "font-unreadable" or "font-cff") naming the file when it cannot be used.
  static std::shared_ptr<const FontFace> open(const std::string& path, unsigned index = 0);

  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& path() const;
  unsigned index() const;
  /// PostScript name with characters unsafe in a PDF name removed (no subset tag).
  const std::string& postscript_name() const;
  const std::string& family_name() const;

  uint16_t units_per_em() const;
  int16_t ascender() const;   // font units, positive (hhea/OS2 typo)
  int16_t descender() const;  // font units, negative
  int16_t cap_height() const;
  std::array<int16_t, 4> bbox() const;  // xMin, yMin, xMax, yMax in font units
  int italic_angle() const;
  bool is_fixed_pitch() const;
  bool is_serif() const;

  /// Glyph id for a code point, or 0 when the face has none (per-character fallback asks
  /// the next face of the chain). Thread-safe.
  uint32_t glyph_for(char32_t code_point) const;
  /// Horizontal advance of a glyph in font units. Thread-safe.
  uint16_t advance(uint32_t glyph) const;
  /// The vertical extent of a glyph's outline in font units, y up from the baseline (top > 0
  /// for a glyph above it); {0, 0} for a glyph with no outline (a space). Thread-safe.
  struct Ink {
    int top = 0, bottom = 0;
  };
  Ink ink(uint32_t glyph) const;
  /// Advance in points at the given size.
  double advance_pt(uint32_t glyph, double size_pt) const {
    return advance(glyph) * size_pt / units_per_em();
  }

  /// The face, already run through hb_subset_preprocess, for the PDF writer's subsetting.
  hb_face_t* hb_face() const;
  /// Held while a subset of this face is made. HarfBuzz 6.0 keeps caches on the preprocessed
  /// face that plans running at once can corrupt: two render threads crashed inside
  /// hb_subset_plan_execute_or_fail (seen in a core dump, about one run in 400). A subset
  /// takes about 0.2 ms, so one at a time per face costs nothing a run would notice.
  std::mutex& subset_mutex() const;

  struct Impl;

 private:
  explicit FontFace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tuijie::fonts
