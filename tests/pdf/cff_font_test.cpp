// OpenType fonts with CFF outlines (Noto Serif CJK SC, CID-keyed, face 2 of a collection)
// embedded as CIDFontType0 with FontFile3 /CIDFontType0C.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <span>
#include <sstream>

#include "content_scanner.hpp"
#include "fonts/cff_table.hpp"
#include "glyph_check.hpp"
#include "name_keyed_font.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_objects.hpp"
#include "pdf_tools.hpp"
#include "sample_documents.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

// A bureau's letter: its name, a document number with full-width brackets, digits, Latin
// letters and full-width punctuation, all drawn by Noto Serif CJK SC itself.
const std::u32string kLetter[] = {
    U"天津市商务局",
    U"津商务函〔2020〕56号",
    U"关于推荐2020年度优秀企业（ABC Co., Ltd.）的函",
    U"各有关单位：根据《通知》要求，现推荐如下；特此函告！",
};

page::PagedDocument letter(std::span<const std::u32string> lines) {
  page::PagedDocument doc;
  page::Page page;
  double y = 100;
  for (const std::u32string& line : lines) {
    add_text(page, {&noto_serif_sc()}, line, 72, y, 16);
    y += 30;
  }
  doc.pages.push_back(std::move(page));
  return doc;
}

std::string write(const page::PagedDocument& doc, const std::string& name,
                  const pdf::PdfOptions& options = {}) {
  std::string path = fresh_test_dir("cff-" + name) + "/" + name + ".pdf";
  pdf::write_pdf_file(doc, path, options);
  return path;
}

std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    line.erase(0, line.find_first_not_of('\f'));  // a page break
    if (line.find_first_not_of(' ') != std::string::npos) {
      lines.push_back(line);
    }
  }
  return lines;
}

// The 2-byte codes the pages show, in order.
std::vector<uint32_t> shown_codes(const std::string& pdf_path) {
  PdfObjects pdf(pdf_path);
  std::vector<uint32_t> codes;
  for (const auto& page_ref : pdf.pages()) {
    auto page = pdf.dict(page_ref);
    std::string content = pdf.stream_data(page->get("/Contents")).value_or("");
    for (const ShownString& shown : shown_strings(content)) {
      for (size_t k = 0; k + 1 < shown.bytes.size(); k += 2) {
        codes.push_back(static_cast<uint8_t>(shown.bytes[k]) << 8 |
                        static_cast<uint8_t>(shown.bytes[k + 1]));
      }
    }
  }
  return codes;
}

}  // namespace

TEST_CASE("a Noto Serif CJK SC letter embeds a CID Type 0C subset that copies out exactly") {
  const fonts::FontFace& noto = noto_serif_sc();
  REQUIRE(noto.outlines() == fonts::Outlines::CffCidKeyed);
  for (const std::u32string& line : kLetter) {
    for (char32_t c : line) {
      INFO(to_utf8(std::u32string(1, c)));
      REQUIRE(noto.glyph_for(c) != 0);  // no fallback face is involved
    }
  }
  const std::string path = write(letter(kLetter), "letter");

  ToolResult fonts = run_tool("pdffonts " + shell_quote(path));
  REQUIRE(fonts.exit_code == 0);
  CHECK(fonts.err.empty());
  std::vector<std::string> rows = non_empty_lines(fonts.out);
  REQUIRE(rows.size() == 2 + 1);
  const std::regex row(
      R"(^[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes\s+\d+\s+0$)");
  INFO(rows[2]);
  CHECK(std::regex_match(rows[2], row));

  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.exit_code == 0);
  CHECK(text.err.empty());
  std::vector<std::string> expected;
  for (const std::u32string& line : kLetter) {
    expected.push_back(to_utf8(line));
  }
  CHECK(non_empty_lines(text.out) == expected);

  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.empty());
  CHECK(read_file(path).rfind("%PDF-1.4", 0) == 0);
  CHECK(pdf_delivery_problems(path).size() == 1);  // only: "fewer than two fonts"
}

TEST_CASE("a CID-keyed CFF font's codes are its CIDs and its CIDSystemInfo is its ROS") {
  const fonts::FontFace& noto = noto_serif_sc();
  const std::u32string name = U"天津市商务局";
  pdf::PdfOptions raw;
  raw.compress = false;
  const std::string path = write(letter({&name, 1}), "codes", raw);
  std::vector<uint32_t> expected;
  for (char32_t c : name) {
    expected.push_back(noto.cid_of(noto.glyph_for(c)));
  }
  CHECK(expected.front() == 14049);  // 天: Noto's CIDs are its glyph ids, not 1, 2, 3 ...
  CHECK(shown_codes(path) == expected);

  PdfObjects pdf(path);
  auto page = pdf.dict(pdf.pages().at(0));
  auto fonts = pdf.dict(pdf.get(pdf.dict(pdf.get(page, "/Resources")), "/Font"));
  REQUIRE(fonts->size() == 1);
  auto font = pdf.dict(fonts->begin()->second);
  auto cid_font = pdf.dict(as_array(pdf.get(font, "/DescendantFonts"))->get(0));
  CHECK(as_string(pdf.get(cid_font, "/Subtype")) == "/CIDFontType0");
  CHECK(!cid_font->has("/CIDToGIDMap"));
  auto ros = pdf.dict(pdf.get(cid_font, "/CIDSystemInfo"));
  CHECK(as_string(pdf.get(ros, "/Registry")) == "u:" + noto.cid_system_info().registry);
  CHECK(as_string(pdf.get(ros, "/Ordering")) == "u:" + noto.cid_system_info().ordering);
  CHECK(noto.cid_system_info().registry == "Adobe");
  auto descriptor = pdf.dict(pdf.get(cid_font, "/FontDescriptor"));
  CHECK(!descriptor->has("/FontFile2"));
  auto program = pdf.dict(pdf.get(descriptor, "/FontFile3"));
  CHECK(as_string(pdf.get(program, "/Subtype")) == "/CIDFontType0C");
}

TEST_CASE("a CFF glyph shown for a second character copies out as that character") {
  // Noto Serif CJK SC draws 更 U+66F4 and the compatibility ideograph U+F901 with one glyph, as
  // it draws ⼀ U+2F00 (a Kangxi radical) and 一 U+4E00.
  const fonts::FontFace& noto = noto_serif_sc();
  REQUIRE(noto.glyph_for(U'\U000066F4') == noto.glyph_for(U'\U0000F901'));
  REQUIRE(noto.glyph_for(U'\U00002F00') == noto.glyph_for(U'\U00004E00'));
  const std::u32string lines[] = {U"\U000066F4\U0000F901\U000066F4 \U0000F901 更新",
                                  U"\U00004E00\U00002F00\U00004E00"};
  pdf::PdfOptions raw;
  raw.compress = false;
  const std::string path = write(letter(lines), "actual-text", raw);
  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.err.empty());
  CHECK(non_empty_lines(text.out) ==
        std::vector<std::string>{to_utf8(lines[0]), to_utf8(lines[1])});
  // One code per glyph: the second character rides in a span, not on a code of its own.
  const std::string pdf = read_file(path);
  CHECK(pdf.find("/Span <</ActualText <FEFFF901>>> BDC") != std::string::npos);
  CHECK(pdf.find("/Span <</ActualText <FEFF2F00>>> BDC") != std::string::npos);
  const std::vector<uint32_t> codes = shown_codes(path);
  const uint32_t geng = noto.cid_of(noto.glyph_for(U'更'));
  CHECK(std::count(codes.begin(), codes.end(), geng) == 5);
  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  CHECK(check.exit_code == 0);
}

TEST_CASE("pages drawn before a CFF font's last glyph is known keep their codes") {
  // The builder paints and compresses each page as it comes; the subset is made at the end.
  const std::u32string first = U"天津市商务局";
  const std::u32string second = U"津商务函〔2020〕56号 天津";
  page::PagedDocument one = letter({&first, 1});
  page::PagedDocument two = letter({&second, 1});
  pdf::PdfBuilder builder;
  builder.add_pages(one.pages);
  builder.add_pages(two.pages);
  const std::string path = fresh_test_dir("cff-two-pages") + "/two.pdf";
  std::ofstream(path, std::ios::binary) << builder.finish(one.info);
  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.err.empty());
  CHECK(non_empty_lines(text.out) == std::vector<std::string>{to_utf8(first), to_utf8(second)});
}

TEST_CASE("a name-keyed CFF font's codes are its glyph ids, which the subset retains") {
  const std::string dir = fresh_test_dir("cff-name-keyed");
  const std::string font_path = dir + "/name-keyed.otf";
  write_name_keyed_font(font_path);
  const auto face = fonts::FontFace::open(font_path);
  REQUIRE(face->outlines() == fonts::Outlines::CffNameKeyed);
  CHECK(face->postscript_name() == kNameKeyedPostScriptName);
  CHECK(face->glyph_for(U'工') == 3);

  // 日 (glyph 2) is not shown: the codes keep their gap, they are not renumbered 1, 2, 3.
  const std::u32string line = U"工口A工";
  page::PagedDocument doc;
  page::Page page;
  add_text(page, {face.get()}, line, 72, 100, 24);
  doc.pages.push_back(std::move(page));
  pdf::PdfOptions raw;
  raw.compress = false;
  const std::string path = dir + "/name-keyed.pdf";
  pdf::write_pdf_file(doc, path, raw);
  CHECK(shown_codes(path) == std::vector<uint32_t>{3, 1, 4, 3});

  ToolResult fonts = run_tool("pdffonts " + shell_quote(path));
  CHECK(fonts.err.empty());
  const std::regex row(
      R"([A-Z]{6}\+TuijieTestNameKeyed\s+CID Type 0C\s+Identity-H\s+yes yes yes\s+\d+\s+0)");
  INFO(fonts.out);
  CHECK(std::regex_search(fonts.out, row));
  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.err.empty());
  CHECK(non_empty_lines(text.out) == std::vector<std::string>{to_utf8(line)});
  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.empty());

  const std::vector<std::string> problems = check_glyphs_complete(path, {font_path});
  INFO((problems.empty() ? "" : problems[0]));
  CHECK(problems.empty());
  // The embedded program is name-keyed still, with glyphs up to the highest one shown.
  const auto programs = embedded_font_programs(path);
  REQUIRE(programs.size() == 1);
  std::string why;
  const auto cff = fonts::read_cff_table(programs[0].second, why);
  REQUIRE(cff);
  CHECK(!cff->cid_keyed);
  CHECK(cff->glyph_count == 5);
}
