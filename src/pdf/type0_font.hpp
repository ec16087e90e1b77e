// One embedded font of one document: a Type0 font with Identity-H encoding over a
// CIDFontType2 whose program is the document's subset of the face.
//
// The objects are built with libharu's object API so that the public page API works on them:
// HPDF_Page_SetFontAndSize registers the font in the page resources, and HPDF_Page_ShowText
// measures the text through this font's width callback (keeping libharu's text state right)
// and writes the 2-byte codes produced by this font's encoder. libharu 2.3.0's own TrueType
// route cannot be used: it drops the parts of composite glyphs whose ids are above 32767 and
// writes a malformed ToUnicode map.
//
// Codes are the glyph ids of the subset (CIDToGIDMap /Identity), so no code-to-glyph map is
// needed. Only when a glyph is shown for more than one character (FontUsage::Alias) do the
// extra characters get codes after the subset's last glyph, and then a CIDToGIDMap stream
// maps every code. A document's glyphs are all known before the first page is drawn, so the
// font is complete when it is created.
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
  /// Subsets the face to the glyphs of `usage` and adds the font's objects to `doc`. `usage`
  /// must outlive this font.
  Type0Font(HaruDocument& doc, const FontUsage& usage, bool compress);
  Type0Font(const Type0Font&) = delete;
  Type0Font& operator=(const Type0Font&) = delete;

  HPDF_Font handle() const { return font_; }

  /// Appends to `out` the string HPDF_Page_ShowText takes to show `glyphs` (source glyph ids,
  /// all recorded in the usage this font was made from) for `text` (the character of each
  /// glyph, or empty). libharu takes NUL-terminated text, so each code travels as three bytes
  /// that are never 0, and the encoder turns them back into the 2-byte code.
  void encode(std::span<const uint32_t> glyphs, std::u32string_view text, std::string& out) const;

  /// Bytes `encode` appends per glyph; libharu limits one string to 65535 bytes.
  static constexpr size_t kBytesPerGlyph = 3;

 private:
  void assign_codes(const FontSubset& subset, CidFontContent& content);
  void create_font_dictionary(HaruDocument& doc, const std::string& base_font);

  static HPDF_TextWidth text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT length);
  static char* encode_text(HPDF_Encoder encoder, const char* text, HPDF_UINT length,
                           HPDF_UINT* encoded_length);

  // libharu reads these through the font dictionary's attr pointer; they live as long as
  // this object, which outlives the document's use of them.
  HPDF_FontAttr_Rec attr_{};
  HPDF_FontDef_Rec fontdef_{};
  HPDF_Encoder_Rec encoder_{};

  const FontUsage& usage_;
  std::vector<uint16_t> code_of_index_;  // code of each glyph of usage_, in its order
  std::vector<uint16_t> alias_codes_;    // code of each alias of usage_, in its order
  std::vector<uint32_t> width_of_code_;  // thousandths of an em, rounded
  HPDF_Font font_ = nullptr;
};

}  // namespace tuijie::pdf
