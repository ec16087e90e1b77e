#include "pdf/type0_font.hpp"

#include <hb.h>
#include <hpdf_encoder.h>
#include <hpdf_error.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "core/diagnostic.hpp"
#include "pdf/cid_tables.hpp"
#include "pdf/font_subset.hpp"

namespace tuijie::pdf {
namespace {

// FontDescriptor flags (PDF 32000-1, table 123).
constexpr HPDF_INT32 kFixedPitch = 1;
constexpr HPDF_INT32 kSerif = 2;
constexpr HPDF_INT32 kSymbolic = 4;  // glyphs outside the standard Latin set, by CID
constexpr HPDF_INT32 kItalic = 64;

// TrueType records no stem width; this is the usual estimate from the OS/2 weight class
// (≈ 88 for regular, ≈ 166 for bold).
int estimated_stem_v(const fonts::FontFace& face) {
  hb_blob_t* os2 = hb_face_reference_table(face.hb_face(), HB_TAG('O', 'S', '/', '2'));
  unsigned length = 0;
  const char* data = hb_blob_get_data(os2, &length);
  int weight = 400;
  if (length >= 6) {
    weight = (static_cast<uint8_t>(data[4]) << 8) | static_cast<uint8_t>(data[5]);
  }
  hb_blob_destroy(os2);
  double ratio = weight / 65.0;
  return static_cast<int>(std::lround(50 + ratio * ratio));
}

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

}  // namespace

Type0Font::Type0Font(const HaruDocument& doc, const FontUsage& usage, bool compress) {
  const fonts::FontFace& face = usage.face();
  const std::string step = "embedding font " + face.path();
  auto ok = [&doc, &step](HPDF_STATUS status) { doc.check(status, step); };

  FontSubset subset = subset_font(usage);
  const std::string base_font = subset.tag + "+" + face.postscript_name().substr(0, 100);

  // Codes, widths and characters of the glyphs shown.
  code_of_glyph_.assign(usage.face_glyph_count(), 0);
  std::vector<std::pair<uint16_t, double>> widths;
  std::vector<std::pair<uint16_t, char32_t>> texts;
  widths.reserve(usage.glyphs().size());
  texts.reserve(usage.glyphs().size());
  uint16_t max_code = 0;
  for (size_t i = 0; i < usage.glyphs().size(); ++i) {
    uint32_t glyph = usage.glyphs()[i];
    uint16_t code = subset.new_glyphs[i];
    code_of_glyph_[glyph] = code;
    max_code = std::max(max_code, code);
    widths.emplace_back(code, width_in_thousandths(face, glyph));
    texts.emplace_back(code, usage.text_of(glyph));
  }
  width_of_code_.assign(max_code + 1, 0);
  for (const auto& [code, width] : widths) {
    width_of_code_[code] = static_cast<uint32_t>(std::lround(width));
  }

  // The stand-ins libharu's font code expects. The font definition's type stays
  // "uninitialised" so that no libharu TrueType helper ever treats it as one of its own.
  fontdef_.sig_bytes = HPDF_FONTDEF_SIG_BYTES;
  std::strncpy(fontdef_.base_font, base_font.c_str(), HPDF_LIMIT_MAX_NAME_LEN);
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

  HPDF_MMgr mmgr = doc.mmgr();
  HPDF_Xref xref = doc.xref();

  // Once added to the xref an object belongs to it (and is freed by it when adding fails).
  HPDF_Dict font = doc.check(HPDF_Dict_New(mmgr), step);
  font->header.obj_class |= HPDF_OSUBCLASS_FONT;
  font->attr = &attr_;
  ok(HPDF_Xref_Add(xref, font));
  HPDF_Dict cid_font = doc.check(HPDF_Dict_New(mmgr), step);
  ok(HPDF_Xref_Add(xref, cid_font));
  HPDF_Dict descriptor = doc.check(HPDF_Dict_New(mmgr), step);
  ok(HPDF_Xref_Add(xref, descriptor));
  HPDF_Dict font_file = doc.check(HPDF_DictStream_New(mmgr, xref), step);
  HPDF_Dict to_unicode = doc.check(HPDF_DictStream_New(mmgr, xref), step);

  ok(HPDF_Dict_AddName(font, "Type", "Font"));
  ok(HPDF_Dict_AddName(font, "Subtype", "Type0"));
  ok(HPDF_Dict_AddName(font, "BaseFont", base_font.c_str()));
  ok(HPDF_Dict_AddName(font, "Encoding", "Identity-H"));
  HPDF_Array descendants = doc.check(HPDF_Array_New(mmgr), step);
  ok(HPDF_Dict_Add(font, "DescendantFonts", descendants));
  ok(HPDF_Array_Add(descendants, cid_font));
  ok(HPDF_Dict_Add(font, "ToUnicode", to_unicode));
  attr_.descendant_font = cid_font;
  font_ = font;

  ok(HPDF_Dict_AddName(cid_font, "Type", "Font"));
  ok(HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2"));
  ok(HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str()));
  HPDF_Dict system_info = doc.check(HPDF_Dict_New(mmgr), step);
  ok(HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info));
  ok(HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr)));
  ok(HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr)));
  ok(HPDF_Dict_AddNumber(system_info, "Supplement", 0));
  ok(HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor));
  ok(HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity"));

  CidWidths cid_widths = build_cid_widths(std::move(widths));
  auto add_width = [&](HPDF_Array array, double width) {
    if (width == std::floor(width)) {
      ok(HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(width)));
    } else {
      ok(HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(width)));
    }
  };
  if (cid_widths.default_width != 1000) {  // 1000 is the default DW
    if (cid_widths.default_width == std::floor(cid_widths.default_width)) {
      ok(HPDF_Dict_AddNumber(cid_font, "DW", static_cast<HPDF_INT32>(cid_widths.default_width)));
    } else {
      ok(HPDF_Dict_AddReal(cid_font, "DW", static_cast<HPDF_REAL>(cid_widths.default_width)));
    }
  }
  if (!cid_widths.runs.empty()) {
    HPDF_Array w = doc.check(HPDF_Array_New(mmgr), step);
    ok(HPDF_Dict_Add(cid_font, "W", w));
    for (const auto& [first, run] : cid_widths.runs) {
      ok(HPDF_Array_AddNumber(w, first));
      HPDF_Array run_widths = doc.check(HPDF_Array_New(mmgr), step);
      ok(HPDF_Array_Add(w, run_widths));
      for (double width : run) {
        add_width(run_widths, width);
      }
    }
  }

  const double scale = 1000.0 / face.units_per_em();
  auto scaled = [scale](int value) { return static_cast<HPDF_INT32>(std::lround(value * scale)); };
  HPDF_INT32 flags = kSymbolic;
  if (face.is_fixed_pitch()) {
    flags |= kFixedPitch;
  }
  if (face.is_serif()) {
    flags |= kSerif;
  }
  if (face.italic_angle() != 0) {
    flags |= kItalic;
  }
  ok(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"));
  ok(HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str()));
  ok(HPDF_Dict_AddNumber(descriptor, "Flags", flags));
  HPDF_Array bbox = doc.check(HPDF_Array_New(mmgr), step);
  ok(HPDF_Dict_Add(descriptor, "FontBBox", bbox));
  for (int16_t value : face.bbox()) {
    ok(HPDF_Array_AddNumber(bbox, scaled(value)));
  }
  ok(HPDF_Dict_AddNumber(descriptor, "ItalicAngle", face.italic_angle()));
  ok(HPDF_Dict_AddNumber(descriptor, "Ascent", scaled(face.ascender())));
  ok(HPDF_Dict_AddNumber(descriptor, "Descent", scaled(face.descender())));
  ok(HPDF_Dict_AddNumber(descriptor, "CapHeight", scaled(face.cap_height())));
  ok(HPDF_Dict_AddNumber(descriptor, "StemV", estimated_stem_v(face)));
  ok(HPDF_Dict_Add(descriptor, "FontFile2", font_file));

  ok(HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_INT32>(subset.program.size())));
  doc.set_stream_data(font_file, subset.program, compress);
  doc.set_stream_data(to_unicode, build_to_unicode_cmap(std::move(texts)), compress);
}

void Type0Font::encode(std::span<const uint32_t> glyphs, std::string& out) const {
  for (uint32_t glyph : glyphs) {
    uint16_t code = glyph < code_of_glyph_.size() ? code_of_glyph_[glyph] : 0;
    if (code == 0) {  // collect_font_usage saw every glyph of the document
      throw TuijieError(make_error("pdf-write", "字形不在字体子集中（内部错误）",
                                   "a glyph is missing from the font subset (internal error)"));
    }
    out += static_cast<char>(0x80 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

HPDF_TextWidth Type0Font::text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT length) {
  const auto* attr = static_cast<const HPDF_FontAttr_Rec*>(font->attr);
  const auto* self = static_cast<const Type0Font*>(attr->encoder->attr);
  HPDF_TextWidth result{};
  const char* bytes = reinterpret_cast<const char*>(text);
  for (HPDF_UINT i = 0; i + kBytesPerGlyph <= length; i += kBytesPerGlyph) {
    uint16_t code = decode_code(bytes + i);
    if (code < self->width_of_code_.size()) {
      result.width += self->width_of_code_[code];
    }
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
