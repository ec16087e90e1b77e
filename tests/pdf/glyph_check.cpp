#include "glyph_check.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "content_scanner.hpp"
#include "fonts/cff_table.hpp"
#include "pdf_objects.hpp"
#include "pdf_tools.hpp"
#include "to_unicode_parser.hpp"

namespace tuijie::testing {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

struct FreeType {
  FT_Library library = nullptr;
  FreeType() {
    if (FT_Init_FreeType(&library)) {
      throw std::runtime_error("FreeType cannot start");
    }
  }
  ~FreeType() { FT_Done_FreeType(library); }
};

struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using FacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, FaceDeleter>;

struct GlyphOutline {
  std::vector<short> contour_ends;
  std::vector<FT_Vector> points;
  std::vector<char> on_curve;
  FT_Pos advance = 0;
};

std::optional<GlyphOutline> load_outline(FT_Face face, FT_UInt glyph) {
  if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
      face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) {
    return std::nullopt;
  }
  const FT_Outline& o = face->glyph->outline;
  GlyphOutline out;
  out.contour_ends.assign(o.contours, o.contours + o.n_contours);
  out.points.assign(o.points, o.points + o.n_points);
  for (int k = 0; k < o.n_points; ++k) {
    out.on_curve.push_back(static_cast<char>(FT_CURVE_TAG(o.tags[k])));
  }
  out.advance = face->glyph->metrics.horiAdvance;
  return out;
}

// "" when equal, else what differs.
std::string compare_outlines(const GlyphOutline& embedded, const GlyphOutline& source) {
  std::ostringstream why;
  if (embedded.contour_ends != source.contour_ends ||
      embedded.points.size() != source.points.size()) {
    why << "embedded outline has " << embedded.contour_ends.size() << " contours / "
        << embedded.points.size() << " points, the source " << source.contour_ends.size() << " / "
        << source.points.size();
  } else if (embedded.on_curve != source.on_curve) {
    why << "on/off-curve flags differ";
  } else {
    for (size_t k = 0; k < source.points.size(); ++k) {
      if (embedded.points[k].x != source.points[k].x ||
          embedded.points[k].y != source.points[k].y) {
        why << "point " << k << " is (" << embedded.points[k].x << "," << embedded.points[k].y
            << ") embedded but (" << source.points[k].x << "," << source.points[k].y
            << ") in the source";
        break;
      }
    }
  }
  if (why.tellp() == 0 && embedded.advance != source.advance) {
    why << "advance " << embedded.advance << " embedded but " << source.advance << " in the source";
  }
  return why.str();
}

std::string describe(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X ", static_cast<unsigned>(c));
  return hex + to_utf8(std::u32string(1, c));
}

struct SourceFont {
  std::string path;
  long face_index = 0;  // within a .ttc/.otc collection
  std::string postscript_name;
  FacePtr face;
};

// One embedded font and what the pages show with it.
struct UsedFont {
  std::string base_font;
  Var font_ref;
  std::set<uint32_t> codes;
};

std::string postscript_part(const std::string& base_font) {
  std::string name = base_font.substr(base_font.find('/') == 0 ? 1 : 0);
  size_t plus = name.find('+');
  return plus == 6 ? name.substr(7) : name;
}

// What a Type0 font embeds, read from the PDF.
struct EmbeddedCidFont {
  std::string program;                    // FontFile2, or FontFile3's bare CFF, decoded
  std::optional<std::string> cid_to_gid;  // none for /Identity (and for CFF)
  std::map<uint32_t, std::u32string> to_unicode;
  // CIDFontType0: the program's Top DICT and charset, and for a CID-keyed one the glyph of
  // each CID in it.
  std::optional<fonts::CffTable> cff;
  std::map<uint32_t, uint32_t> glyph_of_cid;
  // Widths in thousandths of an em: DW, and W for each code it lists.
  double default_width = 1000;
  std::map<uint32_t, double> widths;
};

double as_number(const Var& v) {
  return v.isNumeric() ? v.convert<double>() : std::nan("");
}

// W: runs "first [w1 w2 ...]" and ranges "first last w".
bool read_widths(const PdfObjects& pdf, const Object::Ptr& cid_font, EmbeddedCidFont& out) {
  if (cid_font->has("/DW")) {
    out.default_width = as_number(pdf.get(cid_font, "/DW"));
  }
  Array::Ptr w = as_array(pdf.get(cid_font, "/W"));
  if (!w) {
    return !cid_font->has("/W");
  }
  for (size_t i = 0; i < w->size();) {
    const double first = as_number(pdf.resolve(w->get(i)));
    if (i + 1 >= w->size() || std::isnan(first))
      return false;
    if (Array::Ptr run = as_array(pdf.resolve(w->get(i + 1)))) {
      for (size_t k = 0; k < run->size(); ++k) {
        out.widths[static_cast<uint32_t>(first) + k] = as_number(pdf.resolve(run->get(k)));
      }
      i += 2;
    } else {
      if (i + 2 >= w->size())
        return false;
      const double last = as_number(pdf.resolve(w->get(i + 1)));
      const double width = as_number(pdf.resolve(w->get(i + 2)));
      for (double code = first; code <= last; ++code) {
        out.widths[static_cast<uint32_t>(code)] = width;
      }
      i += 3;
    }
  }
  return true;
}

std::optional<EmbeddedCidFont> read_cid_font(const PdfObjects& pdf, const UsedFont& used,
                                             std::vector<std::string>& problems) {
  const std::string& name = used.base_font;
  Object::Ptr font = pdf.dict(used.font_ref);
  if (as_string(pdf.get(font, "/Subtype")) != "/Type0" ||
      as_string(pdf.get(font, "/Encoding")) != "/Identity-H") {
    problems.push_back(name + ": not a Type0 font with Identity-H encoding");
    return std::nullopt;
  }
  Array::Ptr descendants = as_array(pdf.get(font, "/DescendantFonts"));
  Object::Ptr cid_font =
      descendants && descendants->size() ? pdf.dict(descendants->get(0)) : nullptr;
  Object::Ptr descriptor = pdf.dict(pdf.get(cid_font, "/FontDescriptor"));
  if (!cid_font || !descriptor) {
    problems.push_back(name + ": no descendant CIDFont with a FontDescriptor");
    return std::nullopt;
  }
  const std::string subtype = as_string(pdf.get(cid_font, "/Subtype"));
  const bool cff = subtype == "/CIDFontType0";
  if (!cff && subtype != "/CIDFontType2") {
    problems.push_back(name + ": descendant font of subtype " + subtype);
    return std::nullopt;
  }
  // CIDFontType2 embeds a TrueType FontFile2; CIDFontType0 a bare CFF as FontFile3
  // /CIDFontType0C (FontFile3 /OpenType would need PDF 1.6).
  const char* file_key = cff ? "/FontFile3" : "/FontFile2";
  std::optional<std::string> program;
  if (descriptor->has(file_key)) {
    program = pdf.stream_data(descriptor->get(file_key));
  }
  if (!program) {
    problems.push_back(name + ": no embedded " + std::string(file_key + 1) + " program");
    return std::nullopt;
  }
  if (cff &&
      as_string(pdf.get(pdf.dict(descriptor->get(file_key)), "/Subtype")) != "/CIDFontType0C") {
    problems.push_back(name + ": FontFile3 is not of subtype /CIDFontType0C");
    return std::nullopt;
  }
  EmbeddedCidFont out;
  out.program = std::move(*program);
  if (!read_widths(pdf, cid_font, out)) {
    problems.push_back(name + ": unreadable W array");
    return std::nullopt;
  }
  if (cff) {
    std::string why;
    out.cff = fonts::read_cff_table(out.program, why);
    if (!out.cff) {
      problems.push_back(name + ": the embedded CFF program cannot be read: " + why);
      return std::nullopt;
    }
    for (uint32_t glyph = 0; glyph < out.cff->cid_of_glyph.size(); ++glyph) {
      out.glyph_of_cid.emplace(out.cff->cid_of_glyph[glyph], glyph);
    }
    if (cid_font->has("/CIDToGIDMap")) {
      problems.push_back(name + ": a CIDFontType0 with a CIDToGIDMap, which viewers ignore");
    }
  }
  // CIDToGIDMap: /Identity or a stream of 2-byte glyph ids indexed by CID.
  Var map = cid_font->has("/CIDToGIDMap") ? cid_font->get("/CIDToGIDMap") : Var("/Identity");
  if (!cff && as_string(map) != "/Identity") {
    out.cid_to_gid = pdf.stream_data(map);
    if (!out.cid_to_gid) {
      problems.push_back(name + ": unreadable CIDToGIDMap");
      return std::nullopt;
    }
  }
  if (font->has("/ToUnicode")) {
    if (auto cmap = pdf.stream_data(font->get("/ToUnicode"))) {
      out.to_unicode = parse_to_unicode(*cmap);
    }
  }
  return out;
}

// The source font to compare a character with: the one named by the BaseFont, else the first
// that has the character.
const SourceFont* source_for(const std::vector<SourceFont>& sources, const std::string& base_font,
                             char32_t character) {
  std::string postscript = postscript_part(base_font);
  for (const SourceFont& source : sources) {
    if (source.postscript_name == postscript) {
      return &source;
    }
  }
  for (const SourceFont& source : sources) {
    if (FT_Get_Char_Index(source.face.get(), character) != 0) {
      return &source;
    }
  }
  return nullptr;
}

// The glyph a viewer draws for `code`, as the font's kind maps it, and the glyph index to load
// it with in FreeType; "" as `problem` when there is one.
struct CodeGlyph {
  uint32_t glyph = 0;       // glyph id in the embedded program
  uint32_t load_index = 0;  // what FT_Load_Glyph takes for it
  std::string problem;
};

CodeGlyph glyph_of_code(const EmbeddedCidFont& font, uint32_t code) {
  CodeGlyph out;
  if (!font.cff) {
    out.glyph = code;  // CID = code under Identity-H
    if (font.cid_to_gid) {
      const std::string& map = *font.cid_to_gid;
      if (2 * code + 1 >= map.size()) {
        out.problem = "CID beyond the CIDToGIDMap";
        return out;
      }
      out.glyph =
          (static_cast<uint8_t>(map[2 * code]) << 8) | static_cast<uint8_t>(map[2 * code + 1]);
    }
    out.load_index = out.glyph;
  } else if (font.cff->cid_keyed) {
    // CID-keyed: the code is a CID, found through the charset; FreeType takes the CID of a bare
    // CID-keyed CFF as its glyph index and follows the charset itself.
    auto found = font.glyph_of_cid.find(code);
    if (found == font.glyph_of_cid.end() || code == 0) {
      out.problem = "CID not in the embedded program's charset";
      return out;
    }
    out.glyph = found->second;
    out.load_index = code;
  } else {
    // Name-keyed: the code is a glyph id of the program.
    if (code >= font.cff->glyph_count) {
      out.problem = "glyph id beyond the embedded program's glyphs";
      return out;
    }
    out.glyph = out.load_index = code;
  }
  return out;
}

// "" when W (or DW) gives the source glyph's advance for `code`, to the 1/8 unit the writer
// rounds to.
std::string check_width(const EmbeddedCidFont& font, uint32_t code, FT_Face source,
                        FT_Pos source_advance) {
  auto listed = font.widths.find(code);
  const double width = listed == font.widths.end() ? font.default_width : listed->second;
  const double advance = source_advance * 1000.0 / source->units_per_EM;
  if (!(std::abs(width - advance) <= 1.0 / 16 + 1e-9)) {
    std::ostringstream why;
    why << "width " << width << " in W/DW but the source's advance is " << advance;
    return why.str();
  }
  return "";
}

// "" when the glyph that `code` shows is the source's glyph for its character.
std::string check_code(const EmbeddedCidFont& font, FT_Face embedded, const std::string& name,
                       uint32_t code, const std::vector<SourceFont>& sources) {
  char code_hex[16];
  std::snprintf(code_hex, sizeof code_hex, "%04X", code);
  std::string where = name + " code " + code_hex;
  auto text = font.to_unicode.find(code);
  if (text == font.to_unicode.end() || text->second.size() != 1) {
    return where + ": no single character in ToUnicode";
  }
  char32_t character = text->second[0];
  where += " (" + describe(character) + ")";
  const CodeGlyph mapped = glyph_of_code(font, code);
  if (!mapped.problem.empty()) {
    return where + ": " + mapped.problem;
  }
  const uint32_t glyph = mapped.glyph;
  const SourceFont* source = source_for(sources, name, character);
  FT_UInt source_glyph = source ? FT_Get_Char_Index(source->face.get(), character) : 0;
  if (source_glyph == 0) {
    return where + ": no source font has the character";
  }
  auto embedded_outline = load_outline(embedded, mapped.load_index);
  auto source_outline = load_outline(source->face.get(), source_glyph);
  if (!embedded_outline || !source_outline) {
    return where + ": glyph " + std::to_string(glyph) + " cannot be loaded";
  }
  std::string difference = compare_outlines(*embedded_outline, *source_outline);
  if (difference.empty()) {
    difference = check_width(font, code, source->face.get(), source_outline->advance);
  }
  if (!difference.empty()) {
    return where + " → glyph " + std::to_string(glyph) + " vs " + source->path + " glyph " +
           std::to_string(source_glyph) + ": " + difference;
  }
  return "";
}

void check_font(const PdfObjects& pdf, const UsedFont& used, const std::vector<SourceFont>& sources,
                FT_Library library, std::vector<std::string>& problems) {
  std::optional<EmbeddedCidFont> font = read_cid_font(pdf, used, problems);
  if (!font) {
    return;
  }
  FT_Face raw = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(font->program.data()),
                         static_cast<FT_Long>(font->program.size()), 0, &raw) != 0) {
    problems.push_back(used.base_font + ": FreeType cannot read the embedded program");
    return;
  }
  FacePtr embedded(raw);
  for (uint32_t code : used.codes) {
    std::string problem = check_code(*font, embedded.get(), used.base_font, code, sources);
    if (!problem.empty()) {
      problems.push_back(problem);
    }
  }
}

// The fonts each page's text uses, with the codes shown.
std::vector<UsedFont> used_fonts(const PdfObjects& pdf, std::vector<std::string>& problems) {
  std::map<std::string, UsedFont> by_ref;
  std::vector<std::string> order;
  for (const Var& page_ref : pdf.pages()) {
    Object::Ptr page = pdf.dict(page_ref);
    Object::Ptr resources = pdf.dict(pdf.get(page, "/Resources"));
    Object::Ptr fonts = pdf.dict(pdf.get(resources, "/Font"));
    std::string content;
    Var contents = page && page->has("/Contents") ? page->get("/Contents") : Var();
    if (Array::Ptr parts = as_array(contents)) {
      for (size_t k = 0; k < parts->size(); ++k) {
        content += pdf.stream_data(parts->get(k)).value_or("") + "\n";
      }
    } else if (!contents.isEmpty()) {
      content = pdf.stream_data(contents).value_or("");
    }
    for (const ShownString& shown : shown_strings(content)) {
      Var font_ref = fonts && fonts->has("/" + shown.font) ? fonts->get("/" + shown.font) : Var();
      std::string key = as_string(font_ref);
      if (key.empty()) {
        problems.push_back("text shown with font /" + shown.font + " that the page does not have");
        continue;
      }
      auto [it, inserted] = by_ref.try_emplace(key);
      if (inserted) {
        it->second.font_ref = font_ref;
        it->second.base_font = as_string(pdf.get(pdf.dict(font_ref), "/BaseFont"));
        order.push_back(key);
      }
      if (shown.bytes.size() % 2) {
        problems.push_back(it->second.base_font + ": a shown string has an odd number of bytes");
      }
      for (size_t k = 0; k + 1 < shown.bytes.size(); k += 2) {
        it->second.codes.insert((static_cast<uint8_t>(shown.bytes[k]) << 8) |
                                static_cast<uint8_t>(shown.bytes[k + 1]));
      }
    }
  }
  std::vector<UsedFont> out;
  for (const std::string& key : order) {
    out.push_back(std::move(by_ref[key]));
  }
  return out;
}

}  // namespace

std::vector<std::string> check_glyphs_complete(const std::string& pdf_path,
                                               const std::vector<std::string>& source_font_paths) {
  std::vector<std::string> problems;
  FreeType freetype;
  std::vector<SourceFont> sources;
  for (const std::string& path : source_font_paths) {
    // Every face of a collection (.ttc/.otc): the BaseFont names the one to compare with.
    long faces = 1;
    for (long index = 0; index < faces; ++index) {
      FT_Face face = nullptr;
      if (FT_New_Face(freetype.library, path.c_str(), index, &face) != 0) {
        problems.push_back(path + ": FreeType cannot open the source font");
        break;
      }
      faces = face->num_faces;
      const char* postscript = FT_Get_Postscript_Name(face);
      sources.push_back({path, index, postscript ? postscript : "", FacePtr(face)});
    }
  }
  PdfObjects pdf(pdf_path);
  std::vector<UsedFont> fonts = used_fonts(pdf, problems);
  if (fonts.empty()) {
    problems.push_back(pdf_path + ": the pages show no text");
  }
  for (const UsedFont& font : fonts) {
    check_font(pdf, font, sources, freetype.library, problems);
  }
  return problems;
}

std::vector<std::pair<std::string, std::string>> embedded_font_programs(
    const std::string& pdf_path) {
  PdfObjects pdf(pdf_path);
  std::vector<std::string> ignored;
  std::vector<std::pair<std::string, std::string>> out;
  for (const UsedFont& used : used_fonts(pdf, ignored)) {
    if (auto font = read_cid_font(pdf, used, ignored)) {
      out.emplace_back(used.base_font, std::move(font->program));
    }
  }
  return out;
}

}  // namespace tuijie::testing
