#include "pdf/pdf_writer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <jpeglib.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "core/diagnostic.hpp"
#include "pdf_tools.hpp"
#include "sample_documents.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::u32string kLines[] = {
    U"候选人申报表：选报位",
    U"姓名：张𠮷 王䶮",
    U"E-mail: cand0001@example.com.cn ☑ 同意 ☐ 不同意",
};

page::PagedDocument text_document() {
  page::PagedDocument doc;
  page::Page page;
  double y = 100;
  for (const std::u32string& line : kLines) {
    add_text(page, test_fonts().chain(), line, 72, y, 14);
    y += 40;
  }
  doc.pages.push_back(std::move(page));
  return doc;
}

std::string write(const page::PagedDocument& doc, const std::string& name,
                  const pdf::PdfOptions& options = {}) {
  std::string path = fresh_test_dir("pdf-" + name) + "/" + name + ".pdf";
  pdf::write_pdf_file(doc, path, options);
  return path;
}

std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \f") != std::string::npos) {
      lines.push_back(line);
    }
  }
  return lines;
}

std::string error_code(const std::function<void()>& action) {
  try {
    action();
  } catch (const TuijieError& e) {
    return e.diagnostics().at(0).code;
  }
  return "";
}

// A small baseline JPEG of one flat colour.
std::vector<uint8_t> make_jpeg(int width, int height, uint8_t grey) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<uint8_t> row(width * 3, grey);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW rows[] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::vector<uint8_t> out(buffer, buffer + size);
  jpeg_destroy_compress(&cinfo);
  std::free(buffer);
  return out;
}

// Grey level (0 black .. 255 white) of pixel (x, y) of a binary PGM.
int pgm_pixel(const std::string& pgm, int x, int y) {
  std::istringstream in(pgm);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  size_t data = static_cast<size_t>(in.tellg()) + 1;
  return static_cast<uint8_t>(pgm.at(data + static_cast<size_t>(y) * width + x));
}

}  // namespace

TEST_CASE("text copies out exactly, Extension A and B characters included") {
  std::string path = write(text_document(), "text");
  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.exit_code == 0);
  CHECK(text.err.empty());
  std::vector<std::string> expected;
  for (const std::u32string& line : kLines) {
    expected.push_back(to_utf8(line));
  }
  CHECK(non_empty_lines(text.out) == expected);
}

TEST_CASE("viewers place glyphs where layout measured them") {
  // One run per line, so that each line's text ends where the run ends.
  page::PagedDocument doc;
  page::Page page;
  const auto& fonts = test_fonts();
  std::vector<page::GlyphRun> runs = {
      text_runs({fonts.dejavu.get()}, U"cand0001@example.com.cn", 72, 100, 11)[0],
      text_runs({fonts.droid.get()}, U"选报位候选人", 72, 140, 20)[0],
      text_runs({fonts.dejavu.get()}, U"WWWWWiiiiiMMMMM", 72, 180, 13)[0],
  };
  runs[1].char_spacing = 5;
  runs[2].char_spacing = -0.5;
  for (const auto& run : runs) {
    page.items.push_back(run);
  }
  doc.pages.push_back(page);
  std::string path = write(doc, "placement");
  ToolResult boxes = run_tool("pdftotext -bbox " + shell_quote(path) + " -");
  REQUIRE(boxes.exit_code == 0);
  CHECK(boxes.err.empty());
  std::vector<double> line_ends;
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)")re");
  for (auto it = std::sregex_iterator(boxes.out.begin(), boxes.out.end(), word);
       it != std::sregex_iterator(); ++it) {
    line_ends.push_back(std::stod((*it)[2]));
  }
  REQUIRE(line_ends.size() == runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    INFO("run " << i);
    // poppler ends a word at its last glyph's advance, without the spacing after it.
    double end = runs[i].x + runs[i].width() - runs[i].char_spacing;
    CHECK(line_ends[i] == Approx(end).margin(0.01));
  }
}

TEST_CASE("a glyph drawn for two characters copies out as each of them") {
  // Droid Sans Fallback draws 更 U+66F4 and the compatibility ideograph U+F901 with one glyph.
  const fonts::FontFace& droid = *test_fonts().droid;
  REQUIRE(droid.glyph_for(U'\U000066F4') == droid.glyph_for(U'\U0000F901'));
  const std::u32string line = U"\U000066F4\U0000F901\U000066F4 \U0000F901";
  page::PagedDocument doc;
  page::Page page;
  add_text(page, {&droid}, line, 72, 100, 14);
  doc.pages.push_back(page);
  std::string path = write(doc, "alias");
  ToolResult text = run_tool("pdftotext " + shell_quote(path) + " -");
  CHECK(text.err.empty());
  CHECK(non_empty_lines(text.out) == std::vector<std::string>{to_utf8(line)});
  CHECK(read_file(path).find("/CIDToGIDMap /Identity") == std::string::npos);
  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  CHECK(check.exit_code == 0);
}

TEST_CASE("every font is embedded, subset and has a ToUnicode map") {
  std::string path = write(text_document(), "fonts");
  ToolResult fonts = run_tool("pdffonts " + shell_quote(path));
  REQUIRE(fonts.exit_code == 0);
  CHECK(fonts.err.empty());
  std::vector<std::string> rows = non_empty_lines(fonts.out);
  REQUIRE(rows.size() == 2 + 3);  // header, rule, Droid Sans Fallback, DejaVu Sans, WenKai
  const std::regex row(R"(^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes\s+\d+\s+0$)");
  for (size_t i = 2; i < rows.size(); ++i) {
    INFO(rows[i]);
    CHECK(std::regex_match(rows[i], row));
  }
  CHECK(fonts.out.find("+DroidSansFallback ") != std::string::npos);
  CHECK(fonts.out.find("+DejaVuSans ") != std::string::npos);
  CHECK(fonts.out.find("+LXGWWenKai-Regular ") != std::string::npos);
}

TEST_CASE("qpdf finds nothing wrong and the header says PDF 1.4") {
  std::string path = write(sample_form(1), "qpdf");
  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.empty());
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(read_file(path).rfind("%PDF-1.4\n", 0) == 0);
}

TEST_CASE("the same document always gives the same bytes, without an /ID") {
  page::PagedDocument doc = sample_form(7);
  std::string first = pdf::write_pdf(doc);
  CHECK(pdf::write_pdf(doc) == first);
  CHECK(first.find("/ID") == std::string::npos);
  CHECK(first.find("Haru") == std::string::npos);  // no library banner in the Info
  // A different glyph set gives a different subset name.
  std::string other = pdf::write_pdf(sample_form(8));
  auto tag = [](const std::string& pdf) {
    std::smatch m;
    std::regex_search(pdf, m, std::regex(R"(/BaseFont /([A-Z]{6})\+DroidSansFallback)"));
    return m.str(1);
  };
  CHECK(tag(first).size() == 6);
  CHECK(tag(first) != tag(other));
}

TEST_CASE("two threads write two documents at once", "[threads]") {
  const page::PagedDocument a = sample_form(11), b = sample_form(12);
  const std::string expected_a = pdf::write_pdf(a), expected_b = pdf::write_pdf(b);
  bool same_a = true, same_b = true;
  std::thread first([&] {
    for (int i = 0; i < 10; ++i)
      same_a = same_a && pdf::write_pdf(a) == expected_a;
  });
  std::thread second([&] {
    for (int i = 0; i < 10; ++i)
      same_b = same_b && pdf::write_pdf(b) == expected_b;
  });
  first.join();
  second.join();
  CHECK(same_a);
  CHECK(same_b);
}

TEST_CASE("the Info dictionary holds the document information as Unicode") {
  page::PagedDocument doc = text_document();
  doc.info.title = "候选人申报表 张𠮷";
  doc.info.author = "推介办公室";
  doc.info.subject = "TJ-2020-C-0001";
  doc.info.keywords = "推介, 2020";
  doc.info.creator = "tuijie";
  doc.info.producer = "tuijie 0.1 (libharu)";
  doc.info.creation_date = "D:20200612093000+08'00'";
  std::string path = write(doc, "info");
  ToolResult info = run_tool("pdfinfo " + shell_quote(path));
  CHECK(info.err.empty());
  CHECK(info.out.find("Title:           候选人申报表 张𠮷\n") != std::string::npos);
  CHECK(info.out.find("Author:          推介办公室\n") != std::string::npos);
  CHECK(info.out.find("Subject:         TJ-2020-C-0001\n") != std::string::npos);
  CHECK(info.out.find("Keywords:        推介, 2020\n") != std::string::npos);
  CHECK(info.out.find("Creator:         tuijie\n") != std::string::npos);
  CHECK(info.out.find("Producer:        tuijie 0.1 (libharu)\n") != std::string::npos);
  CHECK(info.out.find("CreationDate:    Fri Jun 12 01:30:00 2020 UTC") != std::string::npos);
  CHECK(info.out.find("PDF version:     1.4") != std::string::npos);

  std::string bare = pdf::write_pdf(text_document());
  CHECK(bare.find("/CreationDate") == std::string::npos);  // only when given
  CHECK(bare.find("/Producer") == std::string::npos);

  doc.info.creation_date = "2020-06-12";
  CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
}

TEST_CASE("bookmarks nest by level and open their page at their top") {
  page::PagedDocument doc = text_document();
  doc.pages.push_back(doc.pages[0]);
  doc.bookmarks = {
      {"第一部分", 0, 100, 0}, {"张𠮷", 0, 140, 1}, {"王䶮", 1, 200, 1}, {"Part 2", 1, 0, 0}};
  std::string path = write(doc, "outline");
  ToolResult json = run_tool("qpdf --json=2 --json-key=outlines " + shell_quote(path));
  REQUIRE(json.exit_code == 0);
  auto outlines =
      Poco::JSON::Parser().parse(json.out).extract<Poco::JSON::Object::Ptr>()->getArray("outlines");
  REQUIRE(outlines->size() == 2);
  auto first = outlines->getObject(0);
  CHECK(first->getValue<std::string>("title") == "第一部分");
  CHECK(first->getValue<int>("destpageposfrom1") == 1);
  auto destination = first->getArray("dest");
  REQUIRE(destination->size() == 5);
  CHECK(destination->getElement<std::string>(1) == "/XYZ");
  CHECK(destination->isNull(2));
  CHECK(destination->getElement<double>(3) == Approx(841.8898 - 100).margin(0.01));
  CHECK(destination->isNull(4));
  auto kids = first->getArray("kids");
  REQUIRE(kids->size() == 2);
  CHECK(kids->getObject(0)->getValue<std::string>("title") == "张𠮷");
  CHECK(kids->getObject(1)->getValue<std::string>("title") == "王䶮");
  CHECK(kids->getObject(1)->getValue<int>("destpageposfrom1") == 2);
  auto second = outlines->getObject(1);
  CHECK(second->getValue<std::string>("title") == "Part 2");
  CHECK(second->getArray("kids")->size() == 0);
  CHECK(read_file(path).find("/PageMode /UseOutlines") != std::string::npos);

  doc.bookmarks.push_back({"nowhere", 5, 0, 0});
  CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
}

TEST_CASE("an image used on several pages is embedded once") {
  auto photo = std::make_shared<image::PreparedImage>();
  photo->width = 40;
  photo->height = 56;
  photo->jpeg = make_jpeg(40, 56, 90);
  page::PagedDocument doc = text_document();
  for (int i = 0; i < 3; ++i) {
    page::Page page;
    page.items.push_back(page::ImageItem{photo, 400, 100, 99.2, 138.9});
    doc.pages.push_back(page);
  }
  std::string path = write(doc, "image");
  ToolResult images = run_tool("pdfimages -list " + shell_quote(path));
  CHECK(images.err.empty());
  std::vector<std::string> rows = non_empty_lines(images.out);
  REQUIRE(rows.size() == 2 + 3);  // header, rule, one row per page showing it
  std::set<std::string> objects;
  for (size_t i = 2; i < rows.size(); ++i) {
    std::istringstream row(rows[i]);
    std::vector<std::string> fields{std::istream_iterator<std::string>(row), {}};
    REQUIRE(fields.size() >= 12);
    CHECK(fields[2] == "image");
    CHECK(fields[3] == "40");
    CHECK(fields[4] == "56");
    CHECK(fields[8] == "jpeg");
    objects.insert(fields[10]);
  }
  CHECK(objects.size() == 1);
  std::string bytes = read_file(path);
  CHECK(bytes.find(std::string(photo->jpeg.begin(), photo->jpeg.end())) != std::string::npos);
}

TEST_CASE("shapes land where layout put them, with y measured from the top") {
  page::PagedDocument doc;
  page::Page page;
  page.width = 200;
  page.height = 200;
  page::Rect filled;  // top-left quarter, black
  filled.x = 0;
  filled.y = 0;
  filled.w = 100;
  filled.h = 100;
  filled.fill = true;
  filled.stroke = false;
  filled.fill_color = {0, 0, 0};
  page.items.push_back(filled);
  page::Line line;  // a thick horizontal line near the bottom
  line.x1 = 0;
  line.x2 = 200;
  line.y1 = line.y2 = 180;
  line.width = 6;
  page.items.push_back(line);
  page::Ellipse ring;
  ring.cx = 150;
  ring.cy = 50;
  ring.rx = ring.ry = 30;
  ring.stroke_width = 4;
  ring.dashed = true;
  page.items.push_back(ring);
  add_text(page, test_fonts().chain(), U"位", 120, 140, 20);
  doc.pages.push_back(page);

  pdf::PdfOptions raw;
  raw.compress = false;
  std::string path = write(doc, "shapes", raw);
  std::string bytes = read_file(path);
  CHECK(bytes.find("0 100 100 100 re\012f\012") != std::string::npos);
  CHECK(bytes.find("[12 8 ] 0 d") != std::string::npos);  // dashes scale with the line
  CHECK(bytes.find("Tj") != std::string::npos);

  ToolResult render = run_tool("pdftoppm -r 72 -gray -singlefile " + shell_quote(path) + " " +
                               shell_quote(path.substr(0, path.size() - 4)));
  REQUIRE(render.exit_code == 0);
  std::string pgm = read_file(path.substr(0, path.size() - 4) + ".pgm");
  CHECK(pgm_pixel(pgm, 20, 20) < 50);     // inside the black square
  CHECK(pgm_pixel(pgm, 20, 120) > 200);   // below it: white
  CHECK(pgm_pixel(pgm, 100, 180) < 50);   // on the line
  CHECK(pgm_pixel(pgm, 100, 160) > 200);  // above the line
}

TEST_CASE("compressed and uncompressed output show the same text") {
  pdf::PdfOptions raw;
  raw.compress = false;
  std::string packed = write(sample_form(3), "packed");
  std::string plain = write(sample_form(3), "plain", raw);
  CHECK(read_file(packed).size() < read_file(plain).size());
  CHECK(read_file(packed).find("/FlateDecode") != std::string::npos);
  CHECK(read_file(plain).find("/FlateDecode") == std::string::npos);
  ToolResult a = run_tool("pdftotext " + shell_quote(packed) + " -");
  ToolResult b = run_tool("pdftotext " + shell_quote(plain) + " -");
  CHECK(a.err.empty());
  CHECK(b.err.empty());
  CHECK(a.out == b.out);
  CHECK(a.out.find("cand3@example.com.cn") != std::string::npos);
}

TEST_CASE("a document layout should never produce is refused") {
  page::PagedDocument doc = text_document();
  auto& run = std::get<page::GlyphRun>(doc.pages[0].items[0]);
  SECTION("no pages") {
    CHECK(error_code([&] { pdf::write_pdf(page::PagedDocument{}); }) == "pdf-input");
  }
  SECTION(".notdef") {
    run.glyphs[0] = 0;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("a glyph id the font lacks") {
    run.glyphs[0] = 1000000;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("no face") {
    run.face = nullptr;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("text and glyphs that do not match") {
    run.text.pop_back();
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("a colour out of range") {
    run.color.g = 2;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("a font size of 0") {
    run.size = 0;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("a page too small") {
    doc.pages[0].width = 1;
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
  SECTION("a coordinate that is not a number") {
    run.x = std::nan("");
    CHECK(error_code([&] { pdf::write_pdf(doc); }) == "pdf-input");
  }
}

TEST_CASE("a PDF file appears whole or not at all") {
  namespace fs = std::filesystem;
  std::string dir = fresh_test_dir("pdf-atomic");
  std::string path = dir + "/候选人 0001.pdf";
  pdf::write_pdf_file(text_document(), path);
  pdf::write_pdf_file(sample_form(2), path);  // replaces it
  CHECK(read_file(path) == pdf::write_pdf(sample_form(2)));
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"候选人 0001.pdf"});  // no temporary file left

  SECTION("a folder that cannot be written") {
    std::string blocked = dir + "/not-a-folder";
    std::FILE* f = std::fopen(blocked.c_str(), "w");
    std::fclose(f);
    std::string target = blocked + "/x.pdf";
    try {
      pdf::write_pdf_file(text_document(), target);
      FAIL("no error");
    } catch (const TuijieError& e) {
      CHECK(e.diagnostics().at(0).code == "pdf-file");
      CHECK(e.diagnostics().at(0).file == target);
      CHECK_FALSE(e.diagnostics().at(0).reason_zh.empty());
      CHECK_FALSE(e.diagnostics().at(0).reason_en.empty());
    }
    CHECK_FALSE(fs::exists(target));
  }
  SECTION("a failed document leaves the old file as it was") {
    page::PagedDocument bad = text_document();
    bad.info.creation_date = "yesterday";
    CHECK(error_code([&] { pdf::write_pdf_file(bad, path); }) == "pdf-input");
    CHECK(read_file(path) == pdf::write_pdf(sample_form(2)));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
}

TEST_CASE("a document of more than a thousand pages keeps every page and bookmark") {
  page::PagedDocument doc;
  for (int i = 0; i < 1100; ++i) {
    page::Page page;
    add_text(page, test_fonts().chain(), U"第" + std::u32string(1, U'0' + i % 10) + U"页", 72, 72,
             12);
    doc.pages.push_back(std::move(page));
  }
  doc.bookmarks.push_back({"最后一页", 1099, 72, 0});
  std::string path = write(doc, "long");
  ToolResult info = run_tool("pdfinfo " + shell_quote(path));
  CHECK(info.out.find("Pages:           1100\n") != std::string::npos);
  ToolResult check = run_tool("qpdf --check " + shell_quote(path));
  CHECK(check.exit_code == 0);
  ToolResult last = run_tool("pdftotext -f 1100 -l 1100 " + shell_quote(path) + " -");
  CHECK(non_empty_lines(last.out) == std::vector<std::string>{"第9页"});
  ToolResult json = run_tool("qpdf --json=2 --json-key=outlines " + shell_quote(path));
  CHECK(json.out.find("\"destpageposfrom1\": 1100") != std::string::npos);
}
