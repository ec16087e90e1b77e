// The glyph check on CFF fonts: codes followed through the embedded program's charset to its
// charstrings, compared with Noto Serif CJK SC's own outlines, and W with its advances.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "fonts/cff_table.hpp"
#include "glyph_check.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_tools.hpp"
#include "sample_documents.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::vector<std::string> kNotoSources = {kNotoSerifPath};

// Two pages, so that some glyphs are first shown after a page was finished.
page::PagedDocument noto_document() {
  const std::vector<const fonts::FontFace*> chain = {&noto_serif_sc()};
  page::PagedDocument doc;
  page::Page first;
  add_text(first, chain, U"天津市商务局 津商务函〔2020〕56号", 60, 100, 16);
  add_text(first, chain, U"候选人申报表：选报位 E-mail: cand@example.com", 60, 140, 12);
  page::Page second;
  add_text(second, chain, U"更\U0000F901 一\U00002F00 ，。；：！？（）《》“”、…", 60, 100, 16);
  add_text(second, chain, U"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789", 60,
           140, 10.5);
  doc.pages = {first, second};
  return doc;
}

std::string write_raw(const std::string& name) {
  std::string path = fresh_test_dir("cff-glyph-check-" + name) + "/" + name + ".pdf";
  pdf::PdfOptions raw;
  raw.compress = false;
  pdf::write_pdf_file(noto_document(), path, raw);
  return path;
}

// The embedded CFF program of the (only) font of `path`, and where it sits in the file.
struct EmbeddedProgram {
  std::string pdf;
  std::string program;
  size_t at = 0;
  fonts::CffTable cff;
};

EmbeddedProgram embedded_program(const std::string& path) {
  auto programs = embedded_font_programs(path);
  REQUIRE(programs.size() == 1);
  EmbeddedProgram out;
  out.program = programs[0].second;
  out.pdf = read_file(path);
  out.at = out.pdf.find(out.program);
  REQUIRE(out.at != std::string::npos);
  std::string why;
  auto cff = fonts::read_cff_table(out.program, why);
  INFO(why);
  REQUIRE(cff);
  REQUIRE(cff->cid_keyed);
  out.cff = *cff;
  return out;
}

uint32_t subset_glyph_of(const fonts::CffTable& cff, char32_t c) {
  const fonts::FontFace& noto = noto_serif_sc();
  const uint32_t cid = noto.cid_of(noto.glyph_for(c));
  for (uint32_t glyph = 1; glyph < cff.cid_of_glyph.size(); ++glyph) {
    if (cff.cid_of_glyph[glyph] == cid)
      return glyph;
  }
  FAIL("the subset has no glyph for the character");
  return 0;
}

void write_back(const std::string& path, EmbeddedProgram& embedded, const std::string& damaged) {
  REQUIRE(damaged.size() == embedded.program.size());
  embedded.pdf.replace(embedded.at, damaged.size(), damaged);
  std::ofstream(path, std::ios::binary) << embedded.pdf;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems)
    out += p + "\n";
  return out;
}

}  // namespace

TEST_CASE("the glyph check passes a Noto Serif CJK SC document, compressed or not") {
  const std::string raw = write_raw("whole");
  std::vector<std::string> problems = check_glyphs_complete(raw, kNotoSources);
  INFO(joined(problems));
  CHECK(problems.empty());

  const std::string packed = fresh_test_dir("cff-glyph-check-packed") + "/packed.pdf";
  pdf::write_pdf_file(noto_document(), packed);
  problems = check_glyphs_complete(packed, kNotoSources);
  INFO(joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("the glyph check finds a damaged charstring in a CFF subset") {
  const std::string path = write_raw("charstring");
  EmbeddedProgram embedded = embedded_program(path);
  const auto [begin, end] = embedded.cff.charstrings.at(subset_glyph_of(embedded.cff, U'位'));

  // Walk the charstring's tokens (desubroutinized and without hints, so no callsubr and no
  // hintmask bytes) and move the last one-byte operand: one coordinate moves by one unit.
  size_t target = 0;
  for (size_t i = begin; i < end;) {
    const auto b0 = static_cast<uint8_t>(embedded.program[i]);
    REQUIRE(b0 != 10);  // callsubr
    REQUIRE(b0 != 29);  // callgsubr
    REQUIRE(b0 != 19);  // hintmask
    REQUIRE(b0 != 20);  // cntrmask
    if (b0 >= 32 && b0 <= 246) {
      target = i;
      i += 1;
    } else if (b0 >= 247 && b0 <= 254) {
      i += 2;
    } else if (b0 == 28) {
      i += 3;
    } else if (b0 == 255) {
      i += 5;
    } else {
      i += b0 == 12 ? 2 : 1;
    }
  }
  REQUIRE(target != 0);
  std::string damaged = embedded.program;
  damaged[target] = static_cast<char>(static_cast<uint8_t>(damaged[target]) == 246
                                          ? 245
                                          : static_cast<uint8_t>(damaged[target]) + 1);
  write_back(path, embedded, damaged);

  std::vector<std::string> problems = check_glyphs_complete(path, kNotoSources);
  INFO(joined(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("U+4F4D 位") != std::string::npos);
}

TEST_CASE("the glyph check follows codes through the CFF charset") {
  const std::string path = write_raw("charset");
  EmbeddedProgram embedded = embedded_program(path);
  const uint32_t glyph = subset_glyph_of(embedded.cff, U'位');
  // hb-subset writes the charset as one CID per glyph (format 0) or as ranges (1, 2). Giving
  // 位's glyph another CID leaves the code that shows 位 without a glyph.
  std::string damaged = embedded.program;
  const uint32_t at = embedded.cff.charset_offset;
  const auto format = static_cast<uint8_t>(damaged.at(at));
  size_t entry = 0;
  if (format == 0) {
    entry = at + 1 + 2 * (glyph - 1);
  } else {
    // Ranges: the first CID and how many follow it (one byte in format 1, two in format 2).
    // The test needs the range that holds 位's glyph alone: no other CID of the text is next
    // to 位's.
    REQUIRE((format == 1 || format == 2));
    const size_t size = format == 1 ? 3 : 4;
    uint32_t next = 1;
    for (size_t p = at + 1; next <= glyph; p += size) {
      uint32_t left = static_cast<uint8_t>(damaged[p + 2]);
      if (format == 2)
        left = left << 8 | static_cast<uint8_t>(damaged[p + 3]);
      if (next == glyph && left == 0)
        entry = p;
      next += left + 1;
    }
    REQUIRE(entry != 0);
  }
  const uint32_t cid =
      static_cast<uint8_t>(damaged[entry]) << 8 | static_cast<uint8_t>(damaged[entry + 1]);
  REQUIRE(cid == embedded.cff.cid_of_glyph[glyph]);
  damaged[entry + 1] = static_cast<char>(damaged[entry + 1] ^ 0x01);
  write_back(path, embedded, damaged);

  std::vector<std::string> problems = check_glyphs_complete(path, kNotoSources);
  INFO(joined(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("U+4F4D 位") != std::string::npos);
  CHECK(problems[0].find("charset") != std::string::npos);
}

TEST_CASE("the glyph check compares every code's width in W with the font's advance") {
  const std::string path = write_raw("widths");
  std::string pdf = read_file(path);
  // The first run of W: "/W [ first [ w ...": one code's width is made one unit wider.
  const std::regex first_width(R"(/W \[ (\d+) \[ (\d+) )");
  std::smatch m;
  REQUIRE(std::regex_search(pdf, m, first_width));
  const std::string wider = std::to_string(std::stoi(m[2].str()) + 1);
  const std::string replaced = "/W [ " + m[1].str() + " [ " + wider + " ";
  REQUIRE(replaced.size() == static_cast<size_t>(m.length(0)));
  pdf.replace(static_cast<size_t>(m.position(0)), replaced.size(), replaced);
  std::ofstream(path, std::ios::binary) << pdf;

  std::vector<std::string> problems = check_glyphs_complete(path, kNotoSources);
  INFO(joined(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("width " + wider) != std::string::npos);
}
