#include "glyph_check.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <catch2/catch.hpp>

#include <fstream>

#include "pdf/pdf_writer.hpp"
#include "pdf_tools.hpp"
#include "sample_documents.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::vector<std::string> kSources = {kDroidPath, kDejaVuPath, kWenKaiPath};

// 选 报 位 are built from components in Droid Sans Fallback.
page::PagedDocument composite_document() {
  page::PagedDocument doc;
  page::Page page;
  add_text(page, test_fonts().chain(), U"选报位 候选人申报表 张𠮷 王䶮 ☑ E-mail", 60, 100, 20);
  // U+F901 shares 更's glyph, which puts a CIDToGIDMap stream in the font.
  add_text(page, test_fonts().chain(), U"更\U0000F901", 60, 140, 20);
  doc.pages.push_back(page);
  return doc;
}

std::string write_raw(const page::PagedDocument& doc, const std::string& name) {
  std::string path = fresh_test_dir("glyph-check-" + name) + "/" + name + ".pdf";
  pdf::PdfOptions raw;
  raw.compress = false;
  pdf::write_pdf_file(doc, path, raw);
  return path;
}

uint32_t be(const std::string& data, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v = (v << 8) | static_cast<uint8_t>(data.at(at + i));
  }
  return v;
}

// Byte range of glyph `glyph` in the glyf table of a TrueType file.
std::pair<size_t, size_t> glyph_bytes(const std::string& font, unsigned glyph) {
  size_t head = 0, loca = 0, glyf = 0;
  for (uint32_t i = 0, n = be(font, 4, 2); i < n; ++i) {
    std::string tag = font.substr(12 + 16 * i, 4);
    uint32_t offset = be(font, 12 + 16 * i + 8, 4);
    if (tag == "head")
      head = offset;
    if (tag == "loca")
      loca = offset;
    if (tag == "glyf")
      glyf = offset;
  }
  bool long_offsets = be(font, head + 50, 2) == 1;
  auto offset = [&](unsigned g) {
    return long_offsets ? be(font, loca + 4 * g, 4) : 2 * be(font, loca + 2 * g, 2);
  };
  return {glyf + offset(glyph), glyf + offset(glyph + 1)};
}

bool is_composite(const char* path, char32_t c) {
  FT_Library library;
  FT_Init_FreeType(&library);
  FT_Face face;
  FT_New_Face(library, path, 0, &face);
  FT_Load_Glyph(face, FT_Get_Char_Index(face, c), FT_LOAD_NO_SCALE | FT_LOAD_NO_RECURSE);
  bool composite = face->glyph->format == FT_GLYPH_FORMAT_COMPOSITE;
  FT_Done_Face(face);
  FT_Done_FreeType(library);
  return composite;
}

}  // namespace

TEST_CASE("the glyph check passes a document whose glyphs are embedded whole") {
  REQUIRE(is_composite(kDroidPath, U'选'));
  REQUIRE(is_composite(kDroidPath, U'报'));
  REQUIRE(is_composite(kDroidPath, U'位'));
  std::string path = write_raw(composite_document(), "whole");
  std::vector<std::string> problems = check_glyphs_complete(path, kSources);
  INFO(problems.size() << " problems, first: " << (problems.empty() ? "" : problems[0]));
  CHECK(problems.empty());

  std::string packed = fresh_test_dir("glyph-check-form") + "/form.pdf";
  pdf::write_pdf_file(sample_form(5), packed);
  problems = check_glyphs_complete(packed, kSources);
  INFO((problems.empty() ? "" : problems[0]));
  CHECK(problems.empty());
}

TEST_CASE("the glyph check finds glyphs compared against the wrong font") {
  std::string path = write_raw(composite_document(), "wrong-font");
  // Only WenKai: every Droid glyph is compared with WenKai's drawing of the character.
  std::vector<std::string> problems = check_glyphs_complete(path, {kWenKaiPath});
  bool names_xuan = false;
  for (const std::string& p : problems) {
    names_xuan = names_xuan || p.find("U+9009 选") != std::string::npos;
  }
  CHECK(problems.size() >= 10);
  CHECK(names_xuan);
}

TEST_CASE("the glyph check finds one damaged glyph in the embedded program") {
  std::string path = write_raw(composite_document(), "damaged");
  auto programs = embedded_font_programs(path);
  REQUIRE(programs.size() == 3);
  REQUIRE(programs[0].first.find("DroidSansFallback") != std::string::npos);
  std::string program = programs[0].second;

  // Find the subset's glyph for 位 by its outline, then change one byte of its coordinates.
  FT_Library library;
  FT_Init_FreeType(&library);
  FT_Face source, embedded;
  REQUIRE(FT_New_Face(library, kDroidPath, 0, &source) == 0);
  REQUIRE(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(program.data()),
                             static_cast<FT_Long>(program.size()), 0, &embedded) == 0);
  FT_Load_Glyph(source, FT_Get_Char_Index(source, U'位'), FT_LOAD_NO_SCALE | FT_LOAD_NO_RECURSE);
  REQUIRE(source->glyph->format == FT_GLYPH_FORMAT_COMPOSITE);
  FT_Load_Glyph(source, FT_Get_Char_Index(source, U'位'), FT_LOAD_NO_SCALE);
  const FT_Outline want = source->glyph->outline;
  unsigned target = 0;
  for (unsigned g = 1; g < static_cast<unsigned>(embedded->num_glyphs) && target == 0; ++g) {
    FT_Load_Glyph(embedded, g, FT_LOAD_NO_SCALE);
    const FT_Outline& got = embedded->glyph->outline;
    if (got.n_points == want.n_points && got.n_contours == want.n_contours &&
        std::equal(got.points, got.points + got.n_points, want.points,
                   [](FT_Vector a, FT_Vector b) { return a.x == b.x && a.y == b.y; })) {
      target = g;
    }
  }
  FT_Done_Face(embedded);
  FT_Done_Face(source);
  FT_Done_FreeType(library);
  REQUIRE(target != 0);

  // 位 is a composite: its last bytes are its last component's offsets.
  auto [begin, end] = glyph_bytes(program, target);
  REQUIRE(end > begin + 8);
  std::string damaged = program;
  damaged[end - 1] = static_cast<char>(damaged[end - 1] ^ 0x10);
  std::string pdf = read_file(path);
  size_t at = pdf.find(program);
  REQUIRE(at != std::string::npos);
  pdf.replace(at, program.size(), damaged);
  std::ofstream(path, std::ios::binary) << pdf;

  std::vector<std::string> problems = check_glyphs_complete(path, kSources);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("U+4F4D 位") != std::string::npos);
}
