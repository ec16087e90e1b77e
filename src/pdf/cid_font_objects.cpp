#include "pdf/cid_font_objects.hpp"

#include <hb.h>
#include <hpdf_objects.h>

#include <cmath>

namespace tuijie::pdf {
namespace {

// FontDescriptor flags (PDF 32000-1, table 123).
constexpr HPDF_INT32 kFixedPitch = 1;
constexpr HPDF_INT32 kSerif = 2;
constexpr HPDF_INT32 kSymbolic = 4;  // glyphs outside the standard Latin set, by CID
constexpr HPDF_INT32 kItalic = 64;

// TrueType records no stem width; this is the usual estimate from the OS/2 weight class
// (≈ 88 for regular, ≈ 166 for bold). CFF faces get the same estimate: StemV is advisory.
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

// Adds libharu calls' results to one check naming the face.
class Builder {
 public:
  Builder(HaruDocument& doc, const fonts::FontFace& face)
      : doc_(doc), step_("embedding font " + face.path()) {}

  void ok(HPDF_STATUS status) const { doc_.check(status, step_); }
  template <class T>
  T* ok(T* object) const {
    return doc_.check(object, step_);
  }
  HPDF_Dict indirect_dict() const {
    HPDF_Dict dict = ok(HPDF_Dict_New(doc_.mmgr()));
    ok(HPDF_Xref_Add(doc_.xref(), dict));  // the xref owns it now, even when this fails
    return dict;
  }
  HPDF_Dict stream(std::string data, bool compress) const {
    HPDF_Dict stream = ok(HPDF_DictStream_New(doc_.mmgr(), doc_.xref()));
    doc_.set_stream_data(stream, std::move(data), compress);
    return stream;
  }
  HPDF_Array array() const { return ok(HPDF_Array_New(doc_.mmgr())); }
  void add_number(HPDF_Array array, double value) const {
    if (value == std::floor(value)) {
      ok(HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(value)));
    } else {
      ok(HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(value)));
    }
  }
  HPDF_MMgr mmgr() const { return doc_.mmgr(); }

 private:
  HaruDocument& doc_;
  std::string step_;
};

void add_widths(const Builder& b, HPDF_Dict cid_font, const CidWidths& widths) {
  if (widths.default_width != 1000) {  // 1000 is PDF's default DW
    b.ok(HPDF_Dict_AddNumber(cid_font, "DW", static_cast<HPDF_INT32>(widths.default_width)));
  }
  if (widths.runs.empty()) {
    return;
  }
  HPDF_Array w = b.array();
  b.ok(HPDF_Dict_Add(cid_font, "W", w));
  for (const auto& [first, run] : widths.runs) {
    b.ok(HPDF_Array_AddNumber(w, first));
    HPDF_Array run_widths = b.array();
    b.ok(HPDF_Array_Add(w, run_widths));
    for (double width : run) {
      b.add_number(run_widths, width);
    }
  }
}

void fill_descriptor(const Builder& b, HPDF_Dict descriptor, const fonts::FontFace& face,
                     const std::string& base_font, HPDF_Dict font_file) {
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
  b.ok(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"));
  b.ok(HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str()));
  b.ok(HPDF_Dict_AddNumber(descriptor, "Flags", flags));
  HPDF_Array bbox = b.array();
  b.ok(HPDF_Dict_Add(descriptor, "FontBBox", bbox));
  for (int16_t value : face.bbox()) {
    b.ok(HPDF_Array_AddNumber(bbox, scaled(value)));
  }
  b.ok(HPDF_Dict_AddNumber(descriptor, "ItalicAngle", face.italic_angle()));
  b.ok(HPDF_Dict_AddNumber(descriptor, "Ascent", scaled(face.ascender())));
  b.ok(HPDF_Dict_AddNumber(descriptor, "Descent", scaled(face.descender())));
  b.ok(HPDF_Dict_AddNumber(descriptor, "CapHeight", scaled(face.cap_height())));
  b.ok(HPDF_Dict_AddNumber(descriptor, "StemV", estimated_stem_v(face)));
  b.ok(HPDF_Dict_Add(descriptor, face.is_cff() ? "FontFile3" : "FontFile2", font_file));
}

}  // namespace

void add_cid_font_objects(HaruDocument& doc, HPDF_Dict font, const fonts::FontFace& face,
                          const CidFontContent& content, bool compress) {
  Builder b(doc, face);
  HPDF_Dict cid_font = b.indirect_dict();
  HPDF_Dict descriptor = b.indirect_dict();
  const bool cff = face.is_cff();
  HPDF_Dict font_file = b.stream(content.program, compress);
  if (cff) {
    b.ok(HPDF_Dict_AddName(font_file, "Subtype", "CIDFontType0C"));
  } else {
    b.ok(
        HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_INT32>(content.program.size())));
  }
  HPDF_Dict to_unicode = b.stream(content.to_unicode, compress);

  b.ok(HPDF_Dict_AddName(font, "Type", "Font"));
  b.ok(HPDF_Dict_AddName(font, "Subtype", "Type0"));
  b.ok(HPDF_Dict_AddName(font, "BaseFont", content.base_font.c_str()));
  b.ok(HPDF_Dict_AddName(font, "Encoding", "Identity-H"));
  HPDF_Array descendants = b.array();
  b.ok(HPDF_Dict_Add(font, "DescendantFonts", descendants));
  b.ok(HPDF_Array_Add(descendants, cid_font));
  b.ok(HPDF_Dict_Add(font, "ToUnicode", to_unicode));

  b.ok(HPDF_Dict_AddName(cid_font, "Type", "Font"));
  b.ok(HPDF_Dict_AddName(cid_font, "Subtype", cff ? "CIDFontType0" : "CIDFontType2"));
  b.ok(HPDF_Dict_AddName(cid_font, "BaseFont", content.base_font.c_str()));
  // A CID-keyed CFF's own ROS (Adobe / Identity / 0 for Noto); Adobe-Identity-0 otherwise.
  const fonts::CidSystemInfo& ros = face.cid_system_info();
  HPDF_Dict system_info = b.ok(HPDF_Dict_New(b.mmgr()));
  b.ok(HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info));
  b.ok(HPDF_Dict_Add(system_info, "Registry",
                     HPDF_String_New(b.mmgr(), ros.registry.c_str(), nullptr)));
  b.ok(HPDF_Dict_Add(system_info, "Ordering",
                     HPDF_String_New(b.mmgr(), ros.ordering.c_str(), nullptr)));
  b.ok(HPDF_Dict_AddNumber(system_info, "Supplement", ros.supplement));
  b.ok(HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor));
  // A CIDFontType0 has no CIDToGIDMap: its codes are mapped through the program's charset.
  if (!cff && content.cid_to_gid_map.empty()) {
    b.ok(HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity"));
  } else if (!cff) {
    b.ok(HPDF_Dict_Add(cid_font, "CIDToGIDMap", b.stream(content.cid_to_gid_map, compress)));
  }
  add_widths(b, cid_font, content.widths);
  fill_descriptor(b, descriptor, face, content.base_font, font_file);
}

}  // namespace tuijie::pdf
