// The PDF objects behind a Type0 font: its descendant CIDFontType2, the FontDescriptor and
// the FontFile2, ToUnicode and (when needed) CIDToGIDMap streams.
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
  std::string program;    // the TrueType subset
  CidWidths widths;
  std::string to_unicode;      // ToUnicode CMap text
  std::string cid_to_gid_map;  // 2 bytes per code; empty for /Identity
};

/// Fills the Type0 font dictionary `font` (already in the document's xref) and adds the
/// objects it refers to. Throws TuijieError "pdf-write" naming the face when libharu fails.
void add_cid_font_objects(HaruDocument& doc, HPDF_Dict font, const fonts::FontFace& face,
                          const CidFontContent& content, bool compress);

}  // namespace tuijie::pdf
