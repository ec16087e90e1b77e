// What embedding needs from a CFF font program (the 'CFF ' table of an OpenType font, or the
// bare program a PDF's FontFile3 holds): is it CID-keyed, its ROS, and the CID of each glyph.
//
// Read by hand from the Top DICT and the charset (Adobe TN 5176): HarfBuzz has no public API for
// the charset, and FreeType would have to parse the whole font a second time. The writer also
// reads its own hb-subset result with this, to check that the subset kept each glyph's CID.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuijie::fonts {

struct CffTable {
  /// True when the Top DICT has an ROS operator: glyphs are named by CIDs through the charset.
  bool cid_keyed = false;
  /// The ROS (CID-keyed only), e.g. Adobe / Identity / 0.
  std::string registry;
  std::string ordering;
  int supplement = 0;
  /// Number of glyphs (entries of the CharStrings INDEX).
  uint32_t glyph_count = 0;
  /// CID-keyed only: the CID of each glyph, by glyph id (glyph 0 is CID 0).
  std::vector<uint16_t> cid_of_glyph;
  /// CID-keyed only: where the charset starts in the table (0-2: a predefined one).
  uint32_t charset_offset = 0;
  /// Byte range [begin, end) of each glyph's charstring within the table.
  std::vector<std::pair<uint32_t, uint32_t>> charstrings;
};

/// Parses `table`. Returns nothing and sets `why` (English, for a diagnostic) when the table is
/// not a CFF program this reader understands: a CFF2 table, a truncated INDEX, a charset that
/// runs past the end, and so on.
std::optional<CffTable> read_cff_table(std::string_view table, std::string& why);

}  // namespace tuijie::fonts
