#include "pdf/type0_font.hpp"

#include <hpdf_encoder.h>
#include <hpdf_error.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "core/diagnostic.hpp"
#include "pdf/cid_font_objects.hpp"
#include "pdf/cid_tables.hpp"
#include "pdf/font_subset.hpp"

namespace tuijie::pdf {
namespace {

// Widths in thousandths of an em, to 1/8 so that viewers place glyphs where layout did (an
// integer would be off by up to 0.0005 em per glyph). Eighths are exact in binary, so
// libharu's float formatting writes them without noise digits ("634.875", not "634.87").
double width_in_thousandths(const fonts::FontFace& face, uint32_t glyph) {
  double width = face.advance(glyph) * 1000.0 / face.units_per_em();
  return std::round(width * 8) / 8;
}

uint16_t decode_code(const char* bytes) {
  return static_cast<uint16_t>(((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) |
                               (bytes[2] & 0x3F));
}

void append_code(std::string& out, uint16_t code) {
  out += static_cast<char>(0x80 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code & 0x3F));
}

}  // namespace

Type0Font::Type0Font(HaruDocument& doc, const fonts::FontFace& face, bool compress)
    : doc_(doc), compress_(compress), usage_(face) {
  width_of_code_.push_back(0);  // code 0 is never given: .notdef
  create_font_dictionary(doc);
}

uint16_t Type0Font::next_code() {
  if (width_of_code_.size() > 0xFFFF) {
    throw TuijieError(make_error("pdf-input", "一种字体用到的字形和字符过多，超出 PDF 编码范围",
                                 "a font is used for more glyphs and characters than PDF codes "
                                 "can hold",
                                 usage_.face().path()));
  }
  return static_cast<uint16_t>(width_of_code_.size());
}

void Type0Font::finish() {
  const fonts::FontFace& face = usage_.face();
  CidFontContent content;
  if (face.is_cff()) {
    finish_cff(content);
    return;
  }
  FontSubset subset = subset_font(usage_);
  content.base_font = subset.tag + "+" + face.postscript_name().substr(0, 100);
  std::vector<std::pair<uint16_t, double>> widths;
  std::vector<std::pair<uint16_t, char32_t>> texts;
  // Big-endian subset glyph id for every code: its glyph's, for a glyph and for each alias.
  std::vector<uint16_t> glyph_of_code(width_of_code_.size(), 0);
  for (size_t i = 0; i < usage_.glyphs().size(); ++i) {
    const uint16_t code = code_of_index_[i];
    glyph_of_code[code] = subset.new_glyphs[i];
    widths.emplace_back(code, width_in_thousandths(face, usage_.glyphs()[i]));
    texts.emplace_back(code, usage_.characters()[i]);
  }
  for (size_t k = 0; k < usage_.aliases().size(); ++k) {
    const FontUsage::Alias& alias = usage_.aliases()[k];
    const uint16_t code = alias_codes_[k];
    glyph_of_code[code] = subset.new_glyphs[static_cast<size_t>(usage_.index_of(alias.glyph))];
    widths.emplace_back(code, width_in_thousandths(face, alias.glyph));
    texts.emplace_back(code, alias.character);
  }
  std::string& map = content.cid_to_gid_map;
  map.reserve(2 * glyph_of_code.size());
  for (uint16_t glyph : glyph_of_code) {
    map += static_cast<char>(glyph >> 8);
    map += static_cast<char>(glyph & 0xFF);
  }
  content.widths = build_cid_widths(std::move(widths));
  content.to_unicode = build_to_unicode_cmap(std::move(texts));
  content.program = std::move(subset.program);
  std::strncpy(fontdef_.base_font, content.base_font.c_str(), HPDF_LIMIT_MAX_NAME_LEN);
  add_cid_font_objects(doc_, font_, face, content, compress_);
}

void Type0Font::finish_cff(CidFontContent& content) {
  const fonts::FontFace& face = usage_.face();
  FontSubset subset = subset_font(usage_);
  content.base_font = subset.tag + "+" + face.postscript_name().substr(0, 100);
  std::vector<std::pair<uint16_t, double>> widths;
  std::vector<std::pair<uint16_t, char32_t>> texts;
  for (size_t i = 0; i < usage_.glyphs().size(); ++i) {
    const uint32_t glyph = usage_.glyphs()[i];
    const auto code = static_cast<uint16_t>(face.cid_of(glyph));
    widths.emplace_back(code, width_in_thousandths(face, glyph));
    texts.emplace_back(code, usage_.characters()[i]);
  }
  content.widths = build_cid_widths(std::move(widths));
  content.to_unicode = build_to_unicode_cmap(std::move(texts));
  content.program = std::move(subset.program);
  std::strncpy(fontdef_.base_font, content.base_font.c_str(), HPDF_LIMIT_MAX_NAME_LEN);
  add_cid_font_objects(doc_, font_, face, content, compress_);
}

void Type0Font::create_font_dictionary(HaruDocument& doc) {
  // The stand-ins libharu's font code expects. The font definition's type stays
  // "uninitialised" so that no libharu TrueType helper ever treats it as one of its own.
  fontdef_.sig_bytes = HPDF_FONTDEF_SIG_BYTES;
  fontdef_.mmgr = doc.mmgr();
  fontdef_.error = doc.mmgr()->error;
  fontdef_.type = HPDF_FONTDEF_TYPE_UNINITIALIZED;
  encoder_.sig_bytes = HPDF_ENCODER_SIG_BYTES;
  std::strncpy(encoder_.name, "Identity-H", HPDF_LIMIT_MAX_NAME_LEN);
  encoder_.mmgr = doc.mmgr();
  encoder_.error = doc.mmgr()->error;
  encoder_.type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
  encoder_.encode_text_fn = &Type0Font::encode_text;
  encoder_.attr = this;
  attr_.type = HPDF_FONT_TYPE0_TT;
  attr_.writing_mode = HPDF_WMODE_HORIZONTAL;
  attr_.text_width_fn = &Type0Font::text_width;
  attr_.fontdef = &fontdef_;
  attr_.encoder = &encoder_;
  attr_.xref = doc.xref();

  const std::string step = "embedding font " + usage_.face().path();
  HPDF_Dict font = doc.check(HPDF_Dict_New(doc.mmgr()), step);
  font->header.obj_class |= HPDF_OSUBCLASS_FONT;  // what HPDF_Page_SetFontAndSize checks
  font->attr = &attr_;
  // The xref owns the dictionary from here on (and frees it itself when adding fails).
  doc.check(HPDF_Xref_Add(doc.xref(), font), step);
  font_ = font;
}

void Type0Font::encode_cff(std::span<const uint32_t> glyphs, std::u32string_view text,
                           std::string& out, std::vector<size_t>& actual_text) {
  const fonts::FontFace& face = usage_.face();
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const uint32_t glyph = glyphs[i];
    const char32_t character = i < text.size() ? text[i] : 0;
    usage_.add(glyph, character);  // validates the glyph id
    const auto index = static_cast<size_t>(usage_.index_of(glyph));
    // The code's ToUnicode entry is the glyph's first character; any other needs a span.
    if (character != 0 && character != usage_.characters()[index]) {
      actual_text.push_back(i);
    }
    append_code(out, static_cast<uint16_t>(face.cid_of(glyph)));
  }
}

void Type0Font::encode(std::span<const uint32_t> glyphs, std::u32string_view text, std::string& out,
                       std::vector<size_t>& actual_text) {
  if (usage_.face().is_cff()) {
    encode_cff(glyphs, text, out, actual_text);
    return;
  }
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const uint32_t glyph = glyphs[i];
    const char32_t character = i < text.size() ? text[i] : 0;
    const size_t known_glyphs = usage_.glyphs().size();
    const size_t known_aliases = usage_.aliases().size();
    usage_.add(glyph, character);  // validates the glyph id
    const auto index = static_cast<size_t>(usage_.index_of(glyph));
    if (usage_.glyphs().size() > known_glyphs) {
      code_of_index_.push_back(next_code());
      width_of_code_.push_back(
          static_cast<uint32_t>(std::lround(width_in_thousandths(usage_.face(), glyph))));
    }
    if (usage_.aliases().size() > known_aliases) {
      alias_codes_.push_back(next_code());
      width_of_code_.push_back(width_of_code_[code_of_index_[index]]);
    }
    uint16_t code = code_of_index_[index];
    if (character != 0 && character != usage_.characters()[index]) {
      const int alias = usage_.alias_of(glyph, character);
      if (alias >= 0)
        code = alias_codes_[static_cast<size_t>(alias)];
    }
    append_code(out, code);
  }
}

uint32_t Type0Font::width_of_code(uint16_t code) const {
  const fonts::FontFace& face = usage_.face();
  if (face.is_cff()) {
    const uint32_t glyph = face.glyph_of_cid(code);
    return glyph == 0 ? 0 : static_cast<uint32_t>(std::lround(width_in_thousandths(face, glyph)));
  }
  return code < width_of_code_.size() ? width_of_code_[code] : 0;
}

HPDF_TextWidth Type0Font::text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT length) {
  const auto* attr = static_cast<const HPDF_FontAttr_Rec*>(font->attr);
  const auto* self = static_cast<const Type0Font*>(attr->encoder->attr);
  HPDF_TextWidth result{};
  const char* bytes = reinterpret_cast<const char*>(text);
  for (HPDF_UINT i = 0; i + kBytesPerGlyph <= length; i += kBytesPerGlyph) {
    result.width += self->width_of_code(decode_code(bytes + i));
    ++result.numchars;
  }
  // HPDF_Page_ShowText writes nothing for text it measures as 0 wide; a run of zero-advance
  // glyphs must still be drawn. The 1/1000 em only moves libharu's idea of the text position,
  // which the writer never relies on (every run starts with its own Td).
  if (result.width == 0 && result.numchars > 0) {
    result.width = 1;
  }
  return result;
}

char* Type0Font::encode_text(HPDF_Encoder encoder, const char* text, HPDF_UINT length,
                             HPDF_UINT* encoded_length) {
  HPDF_UINT count = length / kBytesPerGlyph;
  // libharu releases the result with free().
  char* out = static_cast<char*>(std::malloc(count * 2 + 1));
  if (!out) {  // recorded, so that the writer's next check throws
    HPDF_RaiseError(encoder->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    *encoded_length = 0;
    return nullptr;
  }
  for (HPDF_UINT i = 0; i < count; ++i) {
    uint16_t code = decode_code(text + i * kBytesPerGlyph);
    out[2 * i] = static_cast<char>(code >> 8);
    out[2 * i + 1] = static_cast<char>(code & 0xFF);
  }
  *encoded_length = count * 2;
  return out;
}

}  // namespace tuijie::pdf
