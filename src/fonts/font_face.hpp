// One font file (or one face of a .ttc/.otc), parsed once per process and shared read-only.
//
// The layout stage asks it for glyph ids and advances; the PDF writer asks it for the
// HarfBuzz face to subset and for the FontDescriptor figures. Nothing here is per document.
//
// Outlines may be TrueType (glyf) or CFF, CID-keyed or name-keyed (OpenType fonts such as Noto
// Serif CJK, including the faces of a collection). CFF2 (variable fonts), WOFF and WOFF2 web
// fonts and bitmap-only fonts cannot be embedded in a PDF 1.4 and are refused when opened.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct hb_face_t;

namespace tuijie::fonts {

/// How a face draws its glyphs, which decides how the PDF writer embeds it.
enum class Outlines {
  TrueType,      // glyf: CIDFontType2 with FontFile2
  CffCidKeyed,   // CFF with an ROS: CIDFontType0, codes are the font's CIDs
  CffNameKeyed,  // CFF without: CIDFontType0, codes are glyph ids
};

/// The ROS of a CID-keyed CFF face; Adobe / Identity / 0 for every other face.
struct CidSystemInfo {
  std::string registry = "Adobe";
  std::string ordering = "Identity";
  int supplement = 0;
};

class FontFace {
 public:
  /// Opens face `index` of a TrueType or OpenType file (glyf or CFF outlines). Throws
  /// TuijieError naming the file (category Data) when it cannot be used: "font-unreadable"
  /// (not a font, no such face, a damaged CFF table), "font-web" (WOFF, WOFF2), "font-cff2",
  /// "font-bitmap" (no outlines at all).
  static std::shared_ptr<const FontFace> open(const std::string& path, unsigned index = 0);

  /// Checks everything open() checks, without keeping anything open: the
  /// font manifest asks this of every face it chooses, so that a file that cannot be used is
  /// reported when the manifest is read, not when a rare character first needs the face.
  /// Throws as open() does.
  static void check_usable(const std::string& path, unsigned index = 0);

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

  Outlines outlines() const;
  bool is_cff() const { return outlines() != Outlines::TrueType; }
  /// Number of glyphs in the face.
  uint32_t glyph_count() const;
  /// CID-keyed CFF: the CID of `glyph` from the CFF charset. Other faces: `glyph` itself.
  uint32_t cid_of(uint32_t glyph) const;
  /// CID-keyed CFF: the glyph of `cid`, 0 when the charset has none. Other faces: `cid`.
  uint32_t glyph_of_cid(uint32_t cid) const;
  const CidSystemInfo& cid_system_info() const;

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

  /// The face for the PDF writer's subsetting. A TrueType face is run through
  /// hb_subset_preprocess on first use (150-250 ms once, then ≈ 0.2 ms per subset instead of
  /// 6.5 ms). A CFF face is not: preprocessing Noto Serif CJK takes 1.5-2.4 s and ≈ 500 MB per
  /// face, while one document's subset of the plain face takes ≈ 20 ms and 24 MB.
  hb_face_t* hb_face() const;
  /// Held while a subset of this face is made. HarfBuzz 6.0 keeps caches on the preprocessed
  /// face that plans running at once can corrupt: two render threads crashed inside
  /// hb_subset_plan_execute_or_fail (seen in a core dump, about one run in 400). A subset
  /// takes about 0.2 ms, so one at a time per face costs nothing a run would notice. CFF faces
  /// are held too: their subsets were never seen to run safely at once, and waiting costs a
  /// thread at most one other document's subset.
  std::mutex& subset_mutex() const;

  struct Impl;

 private:
  explicit FontFace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tuijie::fonts
