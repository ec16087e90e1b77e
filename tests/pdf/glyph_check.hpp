// Glyph completeness of a PDF: is every glyph a page shows embedded whole?
//
// For each font a page uses (Type0 with Identity-H), every code the content streams show is
// followed to the glyph in the embedded program the way a viewer does: for a CIDFontType2
// code → CID → GID through the CIDToGIDMap into the FontFile2; for a CIDFontType0 (FontFile3
// /CIDFontType0C, a bare CFF) code = CID → GID through the CFF charset when the program is
// CID-keyed, code = GID when it is name-keyed. The code is also followed to its character
// through the ToUnicode map, and to the glyph the source font draws for that character. The
// two outlines are loaded with FreeType (FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING, which
// assembles composite glyphs from their components and reads bare CFF programs) and must
// have the same contours, points, on/off-curve flags and advance, and the width W (or DW)
// gives the code must be the source glyph's advance. A subset that lost a component or a
// charstring, a wrong CIDToGIDMap or charset, a wrong width or a wrong ToUnicode entry all show
// up as a mismatch.
//
// The PDF is read through `qpdf --json` (stream data decoded inline).
#pragma once

#include <string>
#include <vector>

namespace tuijie::testing {

/// Problems found, one line each; empty when every shown glyph matches its source. The source
/// of a font is the file among `source_font_paths` whose PostScript name the font's BaseFont
/// carries after its subset tag, or failing that the first that has the character; every face
/// of a collection (.ttc, .otc) is a candidate.
std::vector<std::string> check_glyphs_complete(const std::string& pdf_path,
                                               const std::vector<std::string>& source_font_paths);

/// The decoded data of each embedded font program (FontFile2, or FontFile3's bare CFF) in
/// `pdf_path`, by BaseFont name (for tests that need the embedded programs themselves).
std::vector<std::pair<std::string, std::string>> embedded_font_programs(
    const std::string& pdf_path);

}  // namespace tuijie::testing
