#include "pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/diagnostic.hpp"

namespace tuijie::pdf {
namespace {

template <class T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using InputPtr =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using PlanPtr =
    std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;

// Tables a PDF viewer never reads from an embedded CIDFontType2 program: shaping and
// vertical metrics (the writer places every glyph itself), the character map (the PDF's
// CIDToGIDMap and ToUnicode replace it) and hinting helpers (hinting is dropped).
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern",
                                          "morx", "mort", "feat", "vhea", "vmtx", "VORG", "DSIG",
                                          "gasp", "hdmx", "LTSH", "VDMX", "cmap"};

[[noreturn]] void subset_failed(const FontUsage& usage) {
  throw TuijieError(make_error("pdf-write", "无法为 PDF 生成字体子集（hb-subset 失败）",
                               "cannot make the font subset for the PDF (hb-subset failed)",
                               usage.face().path()));
}

// FNV-1a over the face's name and the sorted glyph ids, spelled in base 26.
std::string subset_tag(const FontUsage& usage) {
  std::vector<uint32_t> sorted = usage.glyphs();
  std::sort(sorted.begin(), sorted.end());
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](uint8_t byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (char c : usage.face().postscript_name()) {
    mix(static_cast<uint8_t>(c));
  }
  for (uint32_t glyph : sorted) {
    for (int shift = 0; shift < 32; shift += 8) {
      mix(static_cast<uint8_t>(glyph >> shift));
    }
  }
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

}  // namespace

FontSubset subset_font(const FontUsage& usage) {
  InputPtr input(hb_subset_input_create_or_fail());
  if (!input) {
    subset_failed(usage);
  }
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (uint32_t glyph : usage.glyphs()) {
    hb_set_add(glyph_set, glyph);
  }
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) {
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  const std::lock_guard<std::mutex> one_at_a_time(usage.face().subset_mutex());
  PlanPtr plan(hb_subset_plan_create_or_fail(usage.face().hb_face(), input.get()));
  if (!plan) {
    subset_failed(usage);
  }
  FontSubset subset;
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  subset.new_glyphs.reserve(usage.glyphs().size());
  for (uint32_t glyph : usage.glyphs()) {
    hb_codepoint_t new_glyph = hb_map_get(old_to_new, glyph);
    if (new_glyph == HB_MAP_VALUE_INVALID || new_glyph > 0xFFFF) {
      subset_failed(usage);
    }
    subset.new_glyphs.push_back(static_cast<uint16_t>(new_glyph));
  }

  FacePtr face(hb_subset_plan_execute_or_fail(plan.get()));
  if (!face) {
    subset_failed(usage);
  }
  subset.glyph_count = hb_face_get_glyph_count(face.get());
  BlobPtr blob(hb_face_reference_blob(face.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (length == 0) {
    subset_failed(usage);
  }
  subset.program.assign(data, length);
  subset.tag = subset_tag(usage);
  return subset;
}

}  // namespace tuijie::pdf
