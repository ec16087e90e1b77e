#include "pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "fonts/cff_table.hpp"

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

// A CFF subset's charset must give each glyph the code the pages already show it with: its
// CID (CID-keyed), or its glyph id (name-keyed, subset with retained ids). hb-subset does
// keep them; this check makes sure a HarfBuzz that did otherwise fails loudly instead of
// writing a PDF whose text shows the wrong glyphs. Returns the subset's number of glyphs.
uint32_t check_cff_codes(const FontUsage& usage, const FontSubset& subset) {
  std::string why;
  const std::optional<fonts::CffTable> cff = fonts::read_cff_table(subset.program, why);
  const fonts::FontFace& face = usage.face();
  bool kept = cff && cff->cid_keyed == (face.outlines() == fonts::Outlines::CffCidKeyed);
  for (size_t i = 0; kept && i < usage.glyphs().size(); ++i) {
    const uint32_t glyph = usage.glyphs()[i];
    const uint16_t new_glyph = subset.new_glyphs[i];
    if (cff->cid_keyed) {
      kept = new_glyph < cff->cid_of_glyph.size() &&
             cff->cid_of_glyph[new_glyph] == face.cid_of(glyph);
    } else {
      kept = new_glyph == glyph && new_glyph < cff->glyph_count;
    }
  }
  if (!kept) {
    throw TuijieError(make_error(
        "pdf-write", "hb-subset 生成的 CFF 子集没有保留字形的 CID，无法嵌入",
        "the CFF subset hb-subset made does not keep the glyphs' CIDs", face.path(), why));
  }
  return cff->glyph_count;
}

void set_cff_input(const FontUsage& usage, hb_subset_input_t* input) {
  // Only the CFF table goes into the PDF: every other table is left out of the subset, which
  // also keeps HarfBuzz from closing the glyph set over GSUB.
  hb_face_t* face = usage.face().hb_face();
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_tag_t tags[64];
  for (unsigned start = 0;; start += 64) {
    unsigned count = 64;
    hb_face_get_table_tags(face, start, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
      if (tags[i] != HB_TAG('C', 'F', 'F', ' '))
        hb_set_add(dropped, tags[i]);
    }
    if (count < 64)
      break;
  }
  // Measured on a one-page letter of 465 glyphs of Noto Serif CJK SC (the CFF program, bytes
  // raw / deflated): no flag 129,646 / 112,154; NO_HINTING 109,403 / 93,973 (the 110 global
  // subroutines stay); DESUBROUTINIZE 119,488 / 98,605; both 100,556 / 81,475. Each takes
  // ≈ 10 ms. Both flags it is: 13 % smaller deflated than NO_HINTING alone.
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE;
  if (usage.face().outlines() == fonts::Outlines::CffNameKeyed) {
    // In a name-keyed CFF a CIDFontType0's codes are glyph ids of the embedded program, and a
    // page's codes are written as soon as it is drawn, before the document's last glyph (and
    // so the subset) is known. Retained ids are known at first show; compact ones are not,
    // and a CIDFontType0 has no CIDToGIDMap to map one to the other.
    flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  }
  hb_subset_input_set_flags(input, flags);
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
  const bool cff = usage.face().is_cff();
  if (cff) {
    set_cff_input(usage, input.get());
  } else {
    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : kDroppedTables) {
      hb_set_add(dropped, hb_tag_from_string(tag, 4));
    }
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  }

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
  BlobPtr blob(cff ? hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' '))
                   : hb_face_reference_blob(face.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (length == 0) {
    subset_failed(usage);
  }
  subset.program.assign(data, length);
  subset.tag = subset_tag(usage);
  if (cff) {
    subset.glyph_count = check_cff_codes(usage, subset);
  } else {
    subset.glyph_count = hb_face_get_glyph_count(face.get());
  }
  return subset;
}

}  // namespace tuijie::pdf
