// One embedded font of one document: a Type0 font with Identity-H encoding over a CIDFont
// whose program is the document's subset of the face: a CIDFontType2 for a TrueType face, a
// CIDFontType0 (FontFile3 /CIDFontType0C) for a CFF face.
//
// The objects are built with libharu's object API so that the public page API works on them:
// HPDF_Page_SetFontAndSize registers the font in the page resources, and HPDF_Page_ShowText
// measures the text through this font's width callback (keeping libharu's text state right)
// and writes the 2-byte codes produced by this font's encoder. libharu 2.3.0's own TrueType
// route cannot be used: it drops the parts of composite glyphs whose ids are above 32767 and
// writes a malformed ToUnicode map.
//
// Codes are given out as glyphs are first shown (1, 2, 3, ...; a glyph shown for a second
// character gets a code of its own, so that each copies out as itself), and a CIDToGIDMap
// stream maps each code to its glyph in the subset. So a page can be drawn, compressed and
// forgotten before the document's last glyph is known: the subset, widths and ToUnicode map
// are made once by finish(), after the last page. That is what lets a packet of thousands of
// pages be written without holding its page models.
//
// A CIDFontType0 has no CIDToGIDMap: the viewer takes a code as a CID and finds the glyph
// through the program's charset. So for a CID-keyed CFF the codes are the font's own CIDs,
// which hb-subset keeps in the subset's charset, and for a name-keyed CFF they are glyph ids,
// which the subset retains. Both are known at first show, as compact codes are. A glyph shown
// for a second character cannot get a code of its own there: encode() names the glyphs that
// must be shown inside an /ActualText span instead.
#pragma once

#include <hpdf.h>
#include <hpdf_font.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/cid_font_objects.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/font_usage.hpp"
#include "pdf/haru_document.hpp"

namespace tuijie::pdf {

class Type0Font {
 public:
  /// Adds the (still empty) font dictionary for `face` to `doc`; finish() completes it.
  Type0Font(HaruDocument& doc, const fonts::FontFace& face, bool compress);
  Type0Font(const Type0Font&) = delete;
  Type0Font& operator=(const Type0Font&) = delete;

  HPDF_Font handle() const { return font_; }

  /// Appends to `out` the string HPDF_Page_ShowText takes to show `glyphs` (source glyph ids)
  /// for `text` (the character of each glyph, or empty), giving codes to glyphs shown for the
  /// first time. libharu takes NUL-terminated text, so each code travels as three bytes that
  /// are never 0, and the encoder turns them back into the 2-byte code. Appends to
  /// `actual_text` the position in `glyphs` of each glyph whose code copies out as another
  /// character than its own (CFF faces only: a glyph shown for two characters), which the
  /// caller shows inside an /ActualText span. Throws TuijieError "pdf-input" for a glyph the
  /// face does not have, or more codes than a PDF font holds.
  void encode(std::span<const uint32_t> glyphs, std::u32string_view text, std::string& out,
              std::vector<size_t>& actual_text);

  /// Subsets the face to the glyphs shown and adds the font's objects (CIDFont, descriptor,
  /// program, widths, ToUnicode, CIDToGIDMap). Once, after the last page.
  void finish();

  /// Bytes `encode` appends per glyph; libharu limits one string to 65535 bytes.
  static constexpr size_t kBytesPerGlyph = 3;

 private:
  uint16_t next_code();
  void encode_cff(std::span<const uint32_t> glyphs, std::u32string_view text, std::string& out,
                  std::vector<size_t>& actual_text);
  void finish_cff(CidFontContent& content);
  /// Width of what `code` shows, in whole thousandths of an em, as text_width reports it.
  uint32_t width_of_code(uint16_t code) const;
  void create_font_dictionary(HaruDocument& doc);

  static HPDF_TextWidth text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT length);
  static char* encode_text(HPDF_Encoder encoder, const char* text, HPDF_UINT length,
                           HPDF_UINT* encoded_length);

  // libharu reads these through the font dictionary's attr pointer; they live as long as
  // this object, which outlives the document's use of them.
  HPDF_FontAttr_Rec attr_{};
  HPDF_FontDef_Rec fontdef_{};
  HPDF_Encoder_Rec encoder_{};

  HaruDocument& doc_;
  bool compress_;
  FontUsage usage_;
  std::vector<uint16_t> code_of_index_;  // code of each glyph of usage_, in its order
  std::vector<uint16_t> alias_codes_;    // code of each alias of usage_, in its order
  std::vector<uint32_t> width_of_code_;  // TrueType: thousandths of an em, rounded; [0] unused
  HPDF_Font font_ = nullptr;
};

}  // namespace tuijie::pdf
