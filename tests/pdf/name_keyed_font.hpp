// A small OpenType font with name-keyed CFF outlines, made by hand for the tests: Debian's CFF
// fonts (Noto CJK) are all CID-keyed, and a name-keyed one takes another code path (codes are
// retained glyph ids, not CIDs).
#pragma once

#include <string>

namespace tuijie::testing {

/// The characters the font draws, glyph 1, 2, 3 ... in this order: 口 日 工 A. Each glyph is
/// one or more rectangles of its own sizes, 1000 units wide on a 1000-unit em, except A (600).
inline constexpr char32_t kNameKeyedCharacters[] = {U'口', U'日', U'工', U'A'};
inline constexpr const char* kNameKeyedPostScriptName = "TuijieTestNameKeyed";

/// Writes the font to `path` (an .otf: CFF, cmap, head, hhea, hmtx, maxp, name tables).
void write_name_keyed_font(const std::string& path);

}  // namespace tuijie::testing
