#include "fonts/font_face.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "fonts/cff_table.hpp"

namespace tuijie::fonts {

struct FontFace::Impl {
  std::string path;
  unsigned index = 0;
  std::string postscript_name;
  std::string family_name;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  uint16_t upem = 1000;
  int16_t ascender = 0, descender = 0, cap_height = 0;
  std::array<int16_t, 4> bbox{};
  int italic_angle = 0;
  bool fixed_pitch = false;
  bool serif = false;
  Outlines outlines = Outlines::TrueType;
  uint32_t glyph_count = 0;
  CidSystemInfo cid_system_info;
  std::vector<uint16_t> cid_of_glyph;  // CID-keyed CFF only
  std::vector<uint16_t> glyph_of_cid;  // CID-keyed CFF only; 0 = no glyph
  // Preprocessing for hb-subset costs 150-250 ms on a large CJK font, so it is done on first
  // use by the PDF writer, once per process, not when the manifest is read.
  mutable std::once_flag preprocess_once;
  mutable hb_face_t* preprocessed = nullptr;
  mutable std::mutex subsetting;

  ~Impl() {
    if (preprocessed)
      hb_face_destroy(preprocessed);
    if (font)
      hb_font_destroy(font);
    if (face)
      hb_face_destroy(face);
    if (blob)
      hb_blob_destroy(blob);
  }
};

namespace {

// Big-endian readers over a table blob; out-of-range reads give 0.
int16_t be16(const char* data, unsigned length, unsigned at) {
  if (at + 2 > length)
    return 0;
  return static_cast<int16_t>((static_cast<uint8_t>(data[at]) << 8) |
                              static_cast<uint8_t>(data[at + 1]));
}

int32_t be32(const char* data, unsigned length, unsigned at) {
  if (at + 4 > length)
    return 0;
  uint32_t v = 0;
  for (unsigned i = 0; i < 4; ++i)
    v = (v << 8) | static_cast<uint8_t>(data[at + i]);
  return static_cast<int32_t>(v);
}

std::string face_name(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned size = 0;
  size = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, nullptr);
  std::string out(size + 1, '\0');
  unsigned capacity = size + 1;
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &capacity, out.data());
  out.resize(capacity);
  return out;
}

// A PDF name may not hold white space or delimiters; keep it to printable ASCII.
std::string pdf_safe_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f && std::string_view("()<>[]{}/%#").find(c) == std::string::npos) {
      out += c;
    }
  }
  return out.empty() ? "Font" : out;
}

Diagnostic font_error(const std::string& code, const std::string& path, const std::string& zh,
                      const std::string& en) {
  return make_error(code, zh, en, path);
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* table = hb_face_reference_table(face, tag);
  const bool present = hb_blob_get_length(table) > 0;
  hb_blob_destroy(table);
  return present;
}

// Opens the file and the face, and says how the face draws. Throws for what cannot be embedded.
Outlines open_face(FontFace::Impl& impl) {
  const std::string& path = impl.path;
  impl.blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!impl.blob) {
    throw TuijieError(
        font_error("font-unreadable", path, "无法读取字体文件", "cannot read the font file"));
  }
  unsigned length = 0;
  const char* data = hb_blob_get_data(impl.blob, &length);
  const std::string_view magic(data, std::min(length, 4u));
  if (magic == "wOFF" || magic == "wOF2") {
    throw TuijieError(font_error(
        "font-web", path,
        "这是网页字体（WOFF/WOFF2），无法嵌入 PDF；请使用 .ttf、.otf 或 .ttc 文件",
        "this is a web font (WOFF/WOFF2), which cannot be embedded in a PDF; use the .ttf, .otf "
        "or .ttc file"));
  }
  if (impl.index >= hb_face_count(impl.blob)) {
    throw TuijieError(font_error("font-unreadable", path,
                                 "字体文件中没有第 " + std::to_string(impl.index) + " 个字形集",
                                 "the font file has no face number " + std::to_string(impl.index)));
  }
  impl.face = hb_face_create(impl.blob, impl.index);
  if (has_table(impl.face, HB_TAG('g', 'l', 'y', 'f'))) {
    return Outlines::TrueType;
  }
  if (has_table(impl.face, HB_TAG('C', 'F', 'F', ' '))) {
    return Outlines::CffNameKeyed;  // or CID-keyed: read_cff() tells
  }
  if (has_table(impl.face, HB_TAG('C', 'F', 'F', '2'))) {
    throw TuijieError(font_error(
        "font-cff2", path,
        "字体的轮廓是 CFF2 格式（可变字体），PDF 1.4 无法嵌入；请使用该字体的静态 .otf/.ttf 版本",
        "the font's outlines are CFF2 (a variable font), which a PDF 1.4 cannot embed; use a "
        "static .otf/.ttf instance of the font"));
  }
  for (hb_tag_t bitmaps : {HB_TAG('E', 'B', 'D', 'T'), HB_TAG('C', 'B', 'D', 'T'),
                           HB_TAG('s', 'b', 'i', 'x'), HB_TAG('b', 'd', 'a', 't')}) {
    if (has_table(impl.face, bitmaps)) {
      throw TuijieError(font_error("font-bitmap", path, "字体只有点阵字形，没有可嵌入 PDF 的轮廓",
                                   "the font has bitmap glyphs only, no outlines to embed"));
    }
  }
  throw TuijieError(font_error("font-unreadable", path, "字体没有字形轮廓（既无 glyf 也无 CFF 表）",
                               "the font has no glyph outlines (neither a glyf nor a CFF table)"));
}

// Reads the CFF table's keying and charset into `impl`.
void read_cff(FontFace::Impl& impl) {
  hb_blob_t* table = hb_face_reference_table(impl.face, HB_TAG('C', 'F', 'F', ' '));
  unsigned length = 0;
  const char* data = hb_blob_get_data(table, &length);
  std::string why;
  std::optional<CffTable> cff = read_cff_table(std::string_view(data, length), why);
  hb_blob_destroy(table);
  if (cff && cff->glyph_count < impl.glyph_count) {
    why = "the CFF table has fewer glyphs than the maxp table";
    cff.reset();
  }
  if (!cff) {
    throw TuijieError(font_error("font-unreadable", impl.path, "字体的 CFF 表已损坏：" + why,
                                 "the font's CFF table is damaged: " + why));
  }
  if (!cff->cid_keyed) {
    impl.outlines = Outlines::CffNameKeyed;
    return;
  }
  impl.outlines = Outlines::CffCidKeyed;
  impl.cid_system_info = {cff->registry, cff->ordering, cff->supplement};
  impl.cid_of_glyph = std::move(cff->cid_of_glyph);
  impl.cid_of_glyph.resize(impl.glyph_count);
  for (uint32_t glyph = 0; glyph < impl.cid_of_glyph.size(); ++glyph) {
    const uint16_t cid = impl.cid_of_glyph[glyph];
    if (cid >= impl.glyph_of_cid.size())
      impl.glyph_of_cid.resize(size_t{cid} + 1, 0);
    if (glyph != 0 && impl.glyph_of_cid[cid] == 0)
      impl.glyph_of_cid[cid] = static_cast<uint16_t>(glyph);
  }
}

}  // namespace

void FontFace::check_usable(const std::string& path, unsigned index) {
  // Opening reads only the table directory, a few small tables and a CFF charset (≈ 1.5 ms for
  // a Noto Serif CJK face); the mapped file is let go at once.
  open(path, index);
}

std::shared_ptr<const FontFace> FontFace::open(const std::string& path, unsigned index) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->index = index;
  impl->outlines = open_face(*impl);
  impl->glyph_count = hb_face_get_glyph_count(impl->face);
  if (impl->outlines != Outlines::TrueType) {
    read_cff(*impl);
  }
  hb_face_make_immutable(impl->face);
  impl->upem = static_cast<uint16_t>(hb_face_get_upem(impl->face));
  impl->font = hb_font_create(impl->face);
  hb_font_set_scale(impl->font, impl->upem, impl->upem);
  hb_ot_font_set_funcs(impl->font);
  hb_font_make_immutable(impl->font);

  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(impl->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) {
    impl->ascender = static_cast<int16_t>(v);
  }
  if (hb_ot_metrics_get_position(impl->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) {
    impl->descender = static_cast<int16_t>(v);
  }
  if (hb_ot_metrics_get_position(impl->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0) {
    impl->cap_height = static_cast<int16_t>(v);
  } else {
    impl->cap_height = impl->ascender;
  }

  hb_blob_t* head = hb_face_reference_table(impl->face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_len = 0;
  const char* head_data = hb_blob_get_data(head, &head_len);
  impl->bbox = {be16(head_data, head_len, 36), be16(head_data, head_len, 38),
                be16(head_data, head_len, 40), be16(head_data, head_len, 42)};
  hb_blob_destroy(head);

  hb_blob_t* post = hb_face_reference_table(impl->face, HB_TAG('p', 'o', 's', 't'));
  unsigned post_len = 0;
  const char* post_data = hb_blob_get_data(post, &post_len);
  impl->italic_angle = be32(post_data, post_len, 4) / 65536;
  impl->fixed_pitch = be32(post_data, post_len, 12) != 0;
  hb_blob_destroy(post);

  hb_blob_t* os2 = hb_face_reference_table(impl->face, HB_TAG('O', 'S', '/', '2'));
  unsigned os2_len = 0;
  const char* os2_data = hb_blob_get_data(os2, &os2_len);
  int family_class = be16(os2_data, os2_len, 30) >> 8;
  impl->serif = family_class >= 1 && family_class <= 7;
  hb_blob_destroy(os2);

  impl->postscript_name = pdf_safe_name(face_name(impl->face, HB_OT_NAME_ID_POSTSCRIPT_NAME));
  impl->family_name = face_name(impl->face, HB_OT_NAME_ID_FONT_FAMILY);
  return std::shared_ptr<const FontFace>(new FontFace(std::move(impl)));
}

FontFace::FontFace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontFace::~FontFace() = default;

const std::string& FontFace::path() const {
  return impl_->path;
}
unsigned FontFace::index() const {
  return impl_->index;
}
const std::string& FontFace::postscript_name() const {
  return impl_->postscript_name;
}
const std::string& FontFace::family_name() const {
  return impl_->family_name;
}
uint16_t FontFace::units_per_em() const {
  return impl_->upem;
}
int16_t FontFace::ascender() const {
  return impl_->ascender;
}
int16_t FontFace::descender() const {
  return impl_->descender;
}
int16_t FontFace::cap_height() const {
  return impl_->cap_height;
}
std::array<int16_t, 4> FontFace::bbox() const {
  return impl_->bbox;
}
int FontFace::italic_angle() const {
  return impl_->italic_angle;
}
bool FontFace::is_fixed_pitch() const {
  return impl_->fixed_pitch;
}
bool FontFace::is_serif() const {
  return impl_->serif;
}
Outlines FontFace::outlines() const {
  return impl_->outlines;
}
uint32_t FontFace::glyph_count() const {
  return impl_->glyph_count;
}
const CidSystemInfo& FontFace::cid_system_info() const {
  return impl_->cid_system_info;
}

uint32_t FontFace::cid_of(uint32_t glyph) const {
  if (impl_->outlines != Outlines::CffCidKeyed) {
    return glyph;
  }
  return glyph < impl_->cid_of_glyph.size() ? impl_->cid_of_glyph[glyph] : 0;
}

uint32_t FontFace::glyph_of_cid(uint32_t cid) const {
  if (impl_->outlines != Outlines::CffCidKeyed) {
    return cid;
  }
  return cid < impl_->glyph_of_cid.size() ? impl_->glyph_of_cid[cid] : 0;
}

uint32_t FontFace::glyph_for(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(impl_->font, code_point, &glyph)) {
    return 0;
  }
  return glyph;
}

uint16_t FontFace::advance(uint32_t glyph) const {
  return static_cast<uint16_t>(hb_font_get_glyph_h_advance(impl_->font, glyph));
}

FontFace::Ink FontFace::ink(uint32_t glyph) const {
  hb_glyph_extents_t extents{};
  if (!hb_font_get_glyph_extents(impl_->font, glyph, &extents))
    return {};
  return {extents.y_bearing, extents.y_bearing + extents.height};
}

hb_face_t* FontFace::hb_face() const {
  if (impl_->outlines != Outlines::TrueType) {
    return impl_->face;  // never preprocessed: see the header
  }
  std::call_once(impl_->preprocess_once,
                 [this] { impl_->preprocessed = hb_subset_preprocess(impl_->face); });
  return impl_->preprocessed;
}

std::mutex& FontFace::subset_mutex() const {
  return impl_->subsetting;
}

}  // namespace tuijie::fonts
