// A font program holding only the glyphs a document shows, made with hb-subset.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pdf/font_usage.hpp"

namespace tuijie::pdf {

struct FontSubset {
  /// TrueType faces: a TrueType file with the used glyphs, the glyphs their composites are
  /// built from, and the tables a PDF viewer needs (no hinting, no layout tables, no cmap: the
  /// PDF maps codes to glyphs itself). CFF faces: the bare CFF program (the subset's 'CFF '
  /// table) that FontFile3 /CIDFontType0C holds, keeping each glyph's CID (CID-keyed) or its
  /// glyph id (name-keyed).
  std::string program;
  /// Glyph id in `program` of each glyph of FontUsage::glyphs(), in the same order.
  std::vector<uint16_t> new_glyphs;
  /// Number of glyphs in `program` (the used ones, .notdef and composite components).
  uint32_t glyph_count = 0;
  /// Six upper-case letters derived from the face and the glyph set, so that two different
  /// subsets of a font never share a name and the same subset always gets the same one.
  std::string tag;
};

/// Throws TuijieError "pdf-write" naming the font file if hb-subset fails, or if a CFF subset
/// does not keep the CIDs (glyph ids) the document's codes were given as.
FontSubset subset_font(const FontUsage& usage);

}  // namespace tuijie::pdf
