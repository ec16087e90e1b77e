// The PDF objects behind a Type0 font: its descendant CIDFont, the FontDescriptor and the
// font program, ToUnicode and (when needed) CIDToGIDMap streams.
//
// A TrueType face gives a CIDFontType2 with FontFile2. A CFF face gives a CIDFontType0 with
// FontFile3 /Subtype /CIDFontType0C holding the bare CFF program, which PDF 1.3 already
// knows (FontFile3 /OpenType would need a PDF 1.6 header), and no CIDToGIDMap, which a
// CIDFontType0 does not have: its codes are mapped through the CFF charset.
#pragma once

#include <hpdf.h>

#include <string>

#include "fonts/font_face.hpp"
#include "pdf/cid_tables.hpp"
#include "pdf/haru_document.hpp"

namespace tuijie::pdf {

/// What the objects of one embedded font say.
struct CidFontContent {
  std::string base_font;  // subset tag + "+" + PostScript name
  std::string program;    // the TrueType subset, or the bare CFF program of a CFF face
  CidWidths widths;
  std::string to_unicode;      // ToUnicode CMap text
  std::string cid_to_gid_map;  // 2 bytes per code; empty for /Identity (TrueType only)
};

/// Fills the Type0 font dictionary `font` (already in the document's xref) and adds the
/// objects it refers to. Throws TuijieError "pdf-write" naming the face when libharu fails.
void add_cid_font_objects(HaruDocument& doc, HPDF_Dict font, const fonts::FontFace& face,
                          const CidFontContent& content, bool compress);

}  // namespace tuijie::pdf
