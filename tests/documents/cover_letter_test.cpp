// The cover letter (templates/cover-letter.xml) against GB/T 9704-2012 as documents.md states
// it: margins measured on the PDF, the seal zone over the organisation and date, and the rule
// that the signature and date never stand alone on a page.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "glyph_check.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "merge/render.hpp"
#include "page/page_model.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"
#include "text/unbroken_terms.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

// data/reference/terms.json's words.
std::vector<std::string> terms() {
  auto root = Poco::JSON::Parser()
                  .parse(read_file(kSource + "/data/reference/terms.json"))
                  .extract<Poco::JSON::Object::Ptr>();
  std::vector<std::string> list;
  for (const auto& term : *root->getArray("terms"))
    list.push_back(term.convert<std::string>());
  REQUIRE(list.size() > 5);
  return list;
}

struct Letter {
  std::shared_ptr<const fonts::FontSet> fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  store::Campaign campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
  std::map<std::string, std::string> globals = [this] {
    auto g = campaign.globals();
    g["count.enterprise"] = "9";
    g["count.park"] = "3";
    g["count.institution"] = "2";
    g["count.all"] = "14";
    g["document.number"] = "TJ-2020-L-0001";
    g["document.hash"] = "0123456789ab";
    g["letter.number"] = "津商务函〔2020〕56号";
    g["letter.print_letterhead"] = "yes";
    g["letter.attachments"] =
        "1. 服务外包企业推荐汇总表\n2. 服务外包园区推荐汇总表\n3. 培训机构及院校推荐汇总表\n"
        "4. 各单位基本信息表（共14份）";
    return g;
  }();
  merge::CompiledTemplate tpl = [this] {
    auto compiled = merge::compile_template(
        templates::parse_template_file(kSource + "/templates/cover-letter.xml"), *fonts,
        merge::collection_catalog(records::load_schema_set(kSource + "/data/records"), globals));
    // With the term list the jobs load, which the body on its grid must not follow.
    compiled.terms = std::make_shared<const text::UnbrokenTerms>(terms());
    return compiled;
  }();

  layout::DocumentModel model() const {
    Diagnostics problems;
    auto m = merge::build_document(tpl, records::Record{}, globals, problems);
    REQUIRE(problems.empty());
    return m;
  }
};

// The lines of text on a page of the layout, top to bottom, with their baselines.
struct DrawnLine {
  double y = 0;
  std::string text;
};

std::vector<DrawnLine> drawn_lines(const page::Page& page) {
  std::map<long, std::u32string> by_baseline;
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<page::GlyphRun>(&item))
      by_baseline[std::lround(run->y * 10)] += run->text;
  }
  std::vector<DrawnLine> lines;
  for (const auto& [y, text] : by_baseline)
    lines.push_back({y / 10.0, utf8::encode(text)});
  return lines;
}

const page::FieldBox* seal_zone(const page::Page& page) {
  for (const auto& f : page.fields) {
    if (f.field.rfind("stamp:", 0) == 0)
      return &f;
  }
  return nullptr;
}

// A letter written to the test's folder; `black`: printed for a black-and-white printer.
std::string write_letter(const Letter& letter, const std::string& name, bool black = false) {
  auto model = letter.model();
  auto laid = layout::layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  page::PagedDocument doc{model.info, laid.pages, {}};
  if (black)
    page::print_in_black(doc);
  const std::string pdf =
      fresh_test_dir("letter-" + name + "-" + std::to_string(getpid())) + "/letter.pdf";
  pdf::write_pdf_file(doc, pdf);
  return pdf;
}

bool is_red(const unsigned char* p) {
  return p[0] > 180 && p[1] < 140 && p[2] < 140;
}
bool is_ink(const unsigned char* p) {
  return p[0] < 200 || p[1] < 200 || p[2] < 200;
}

// Rows of a page holding pixels that pass `test`, grouped in bands: rows closer than 1 mm
// belong to one band (the two lines of a double rule are one band).
struct Band {
  int top = 0, bottom = 0;  // pixel rows, inclusive
  int left = 0, right = 0;  // pixel columns, inclusive
};

std::vector<Band> bands(const PageRaster& raster, bool (*test)(const unsigned char*)) {
  std::vector<Band> out;
  const int join = static_cast<int>(raster.dpi / 25.4);  // 1 mm
  for (int y = 0; y < raster.height; ++y) {
    int left = -1, right = -1;
    for (int x = 0; x < raster.width; ++x) {
      if (test(raster.at(x, y))) {
        if (left < 0)
          left = x;
        right = x;
      }
    }
    if (left < 0)
      continue;
    if (!out.empty() && y - out.back().bottom <= join) {
      out.back().bottom = y;
      out.back().left = std::min(out.back().left, left);
      out.back().right = std::max(out.back().right, right);
    } else {
      out.push_back({y, y, left, right});
    }
  }
  return out;
}

// Lines of a page of the PDF, by their text (white space removed).
const TextLine* line_with(const std::vector<TextLine>& lines, int page, const std::string& text) {
  for (const auto& line : lines) {
    if (line.page == page && strip_space(line.text()).find(text) != std::string::npos)
      return &line;
  }
  return nullptr;
}

constexpr double kBlockLeftMm = 28, kBlockRightMm = 210 - 26, kBlockBottomMm = 297 - 35;
const double kPitch = 225.0 / 22 * 72 / 25.4;  // the body's line pitch, pt

double to_mm(double pt) {
  return pt * 25.4 / 72;
}

}  // namespace

TEST_CASE(
    "the cover letter: its content, the text block 28 mm from the left, the seal over the date") {
  Letter letter;
  auto model = letter.model();
  auto laid = layout::layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  page::PagedDocument doc{model.info, laid.pages, {}};
  const std::string pdf = write_letter(letter, "content");
  CHECK(pdf_delivery_problems(pdf).empty());

  auto lines = read_lines(pdf);
  std::string all;
  for (const auto& line : lines)
    all += line.text() + "\n";
  INFO(all);
  for (const char* expected :
       {"天津市商务局", "津商务函〔2020〕56号", "中国国际投资促进会：", "中投促函〔2020〕25号",
        "现推荐9家服务外包企业、3家服务外包园区和2家培训机构及院校",
        "附件：1.服务外包企业推荐汇总表", "2.服务外包园区推荐汇总表", "3.培训机构及院校推荐汇总表",
        "2020年7月8日", "（联系人：张洋，电话：58665632）"}) {
    CHECK(strip_space(all).find(strip_space(expected)) != std::string::npos);
  }
  // No QR code and no printed tuijie number: the letter has its 发文字号.
  CHECK(all.find("TJ-2020") == std::string::npos);
  CHECK(read_file(pdf).find("/Subtype /Image") == std::string::npos);

  const TextLine* addressee = line_with(lines, 0, "中国国际投资促进会：");
  REQUIRE(addressee != nullptr);
  CHECK(std::abs(to_mm(addressee->box.x_min) - kBlockLeftMm) <= 0.5);

  // The seal zone (42 mm) stands centred over the organisation and the date, which sit in its
  // lower half; the date ends four characters (4 × 16 pt) from the right edge.
  const int signoff_page = static_cast<int>(laid.pages.size()) - 1;
  const page::FieldBox* zone = seal_zone(laid.pages[static_cast<size_t>(signoff_page)]);
  REQUIRE(zone != nullptr);
  CHECK(zone->w == Approx(mm_to_pt(42)));
  const TextLine *org = nullptr, *date = nullptr;
  for (const auto& line : lines) {
    if (line.page == signoff_page && line.text() == "天津市商务局")
      org = &line;
    if (line.page == signoff_page && line.text() == "2020年7月8日")
      date = &line;
  }
  REQUIRE(org != nullptr);
  REQUIRE(date != nullptr);
  const double zone_cx = zone->x + zone->w / 2, zone_cy = zone->y + zone->h / 2;
  const double block_left = std::min(org->box.x_min, date->box.x_min);
  const double block_right = std::max(org->box.x_max, date->box.x_max);
  CHECK(zone_cx > block_left);
  CHECK(zone_cx < block_right);
  CHECK(std::abs(zone_cx - (date->box.x_min + date->box.x_max) / 2) < 2);
  CHECK(zone_cy < date->box.y_min);      // the centre is above the date line
  CHECK(org->box.y_min >= zone_cy - 1);  // organisation and date in the lower half
  CHECK(date->box.y_max <= zone->y + zone->h + 1);
  const double right_edge = model.page.width - model.page.margin_right;
  CHECK(right_edge - date->box.x_max == Approx(4 * 16).margin(2));
  // Its top within one line (29 pt) of the last line above it.
  double last_above = 0;
  for (const auto& line : lines) {
    if (line.page == signoff_page && line.box.y_max <= zone->y + 0.5)
      last_above = std::max(last_above, line.box.y_max);
  }
  CHECK(zone->y - last_above <= 29);
}

TEST_CASE("the letter is set in Noto Serif CJK SC, embedded as CFF subsets with Unicode maps") {
  Letter letter;
  const std::string pdf = write_letter(letter, "fonts");
  const ToolResult fonts = run_tool("pdffonts " + shell_quote(pdf));
  REQUIRE(fonts.exit_code == 0);
  INFO(fonts.out);
  std::set<std::string> names;
  int rows = 0;
  std::istringstream listing(fonts.out);
  std::string row;
  std::getline(listing, row);  // the header and its rule
  std::getline(listing, row);
  while (std::getline(listing, row)) {
    if (row.empty())
      continue;
    ++rows;
    std::istringstream cells(row);
    std::string name;
    cells >> name;
    // Every font is an embedded subset (a six-letter tag) with a Unicode map.
    CHECK(name.size() > 7);
    CHECK(name[6] == '+');
    CHECK(row.find("Identity-H       yes yes yes") != std::string::npos);
    const std::string base = name.substr(7);
    names.insert(base);
    if (base.rfind("NotoSerifCJKsc-", 0) == 0)
      CHECK(row.find("CID Type 0C") != std::string::npos);
  }
  // The 小标宋 stand-in (the heaviest weight the tests' manifest names) for the 标志 and the
  // title, the 宋 for the body and the 仿宋 stand-in: no sans, no 楷.
  CHECK(names.count("NotoSerifCJKsc-Bold") == 1);
  CHECK(names.count("NotoSerifCJKsc-Regular") == 1);
  CHECK(rows == static_cast<int>(names.size()));
  for (const std::string& name : names) {
    INFO(name);
    CHECK(name.rfind("NotoSerifCJKsc-", 0) == 0);
  }
  // pdftotext gives the text back, and every glyph is the source font's outline.
  CHECK(strip_space(run_tool("pdftotext " + shell_quote(pdf) + " -").out)
            .find("现推荐9家服务外包企业、3家服务外包园区和2家培训机构及院校") !=
        std::string::npos);
  const auto problems =
      check_glyphs_complete(pdf, {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                                  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"});
  for (const auto& p : problems)
    INFO(p);
  CHECK(problems.empty());
}

TEST_CASE(
    "信函格式: the red name 30 mm from the top, centred, the double rules, the number flush "
    "right") {
  Letter letter;
  const std::string pdf = write_letter(letter, "letterhead");
  const PageRaster page = render_page(pdf, 1, 300);
  const std::vector<Band> red = bands(page, is_red);
  REQUIRE(red.size() == 3);  // the name, the rule under it, the rule near the bottom edge
  const Band &name = red[0], &upper = red[1], &lower = red[2];
  CHECK(page.mm(name.top) == Approx(30).margin(0.5));
  CHECK(page.mm(name.left + name.right + 1) / 2 ==
        Approx((kBlockLeftMm + kBlockRightMm) / 2).margin(0.5));
  CHECK(page.mm(upper.top - name.bottom - 1) == Approx(4).margin(0.5));
  CHECK(page.mm(upper.right - upper.left + 1) == Approx(170).margin(0.5));
  CHECK(page.mm(lower.right - lower.left + 1) == Approx(170).margin(0.5));
  CHECK(297 - page.mm(lower.bottom + 1) == Approx(20).margin(0.5));
  // Thick over thin under the name, thin over thick at the bottom: the thicker line is where
  // more rows are red in the band's upper or lower half.
  auto red_rows = [&](int from, int to) {
    int rows = 0;
    for (int y = from; y <= to; ++y)
      rows += is_red(page.at((upper.left + upper.right) / 2, y)) ? 1 : 0;
    return rows;
  };
  const int upper_mid = (upper.top + upper.bottom) / 2, lower_mid = (lower.top + lower.bottom) / 2;
  CHECK(red_rows(upper.top, upper_mid) > red_rows(upper_mid + 1, upper.bottom));
  CHECK(red_rows(lower.top, lower_mid) < red_rows(lower_mid + 1, lower.bottom));

  // The 发文字号 ends at the text block's right edge, 14 pt (7/8 of a 3号 character) under
  // the rule; the title follows two lines below it.
  const auto lines = read_lines(pdf);
  const TextLine* number = line_with(lines, 0, "津商务函〔2020〕56号");
  REQUIRE(number != nullptr);
  CHECK(to_mm(number->box.x_max) == Approx(kBlockRightMm).margin(0.5));
  const TextLine* title = line_with(lines, 0, "关于推荐2020年");
  REQUIRE(title != nullptr);
  CHECK(title->box.y_min > number->box.y_max + kPitch * 0.8);
  CHECK(title->box.y_min < number->box.y_max + kPitch * 1.6);
}

TEST_CASE("信函格式: the body on the 28 × 22 grid") {
  Letter letter;
  // A longer body, all in full-width characters after the notice title, so that many lines
  // hold nothing else.
  std::string filler;
  for (int i = 0; i < 12; ++i)
    filler += "服务外包产业高质量发展";
  letter.globals["campaign.organisation.notice.title"] = "关于开展推介工作" + filler + "的通知";
  auto laid = layout::layout_document(letter.model());
  const std::string pdf = write_letter(letter, "grid");
  const auto lines = read_lines(pdf);
  std::vector<const TextLine*> body;
  bool in_body = false;
  for (const auto& line : lines) {
    const std::string text = strip_space(line.text());
    if (text.find("根据贵会") == 0)
      in_body = true;
    if (in_body)
      body.push_back(&line);
    if (text.find("随函附送") != std::string::npos)
      break;
  }
  REQUIRE(body.size() >= 8);
  int full_width_lines = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const TextLine& line = *body[i];
    const std::u32string text = utf8::decode(strip_space(line.text()));
    INFO("line " << i << ": " << line.text());
    const bool first = i == 0, last = i + 1 == body.size();
    // Every line but the paragraph's last spans the block (the first after its indent).
    if (!last)
      CHECK(to_mm(line.box.x_max) == Approx(kBlockRightMm).margin(0.3));
    CHECK(to_mm(line.box.x_min) == Approx(kBlockLeftMm + (first ? 2 * 156.0 / 28 : 0)).margin(0.3));
    const bool only_full_width = std::all_of(text.begin(), text.end(),
                                             [](char32_t c) { return c >= 0x3000 && c != 0x3000; });
    if (only_full_width && !last && !first) {
      CHECK(text.size() == 28);
      ++full_width_lines;
    }
    if (only_full_width && first)
      CHECK(text.size() == 26);
    // The line pitch of 225/22 mm, or the tightened one where the sign-off needed it.
    if (i > 0 && line.page == body[i - 1]->page) {
      const double pitch = line.box.y_min - body[i - 1]->box.y_min;
      CHECK(to_mm(pitch) == Approx(to_mm(kPitch * laid.leading_scale)).margin(0.2));
      CHECK(laid.leading_scale >= 0.94 - 1e-9);
    }
  }
  CHECK(full_width_lines >= 4);
}

TEST_CASE(
    "信函格式: no folio on the first page; later ones 7 mm under the block, one character in") {
  Letter letter;
  std::string filler;
  for (int i = 0; i < 40; ++i)
    filler += "服务外包产业高质量发展";
  letter.globals["campaign.organisation.notice.title"] = "关于开展推介工作" + filler + "的通知";
  const std::string pdf = write_letter(letter, "folio");
  const auto lines = read_lines(pdf);
  int pages = 0;
  for (const auto& line : lines)
    pages = std::max(pages, line.page + 1);
  REQUIRE(pages >= 2);
  auto folio = [&](int page) -> const TextLine* {
    const TextLine* found = nullptr;
    for (const auto& line : lines) {
      if (line.page == page && strip_space(line.text()) == "—" + std::to_string(page + 1) + "—")
        found = &line;
    }
    return found;
  };
  CHECK(folio(0) == nullptr);
  const TextLine* second = folio(1);
  REQUIRE(second != nullptr);
  CHECK(to_mm(second->box.y_min) - kBlockBottomMm == Approx(7).margin(1));
  // An even page: 左空一字, one 16 pt character from the left edge of the block.
  CHECK(to_mm(second->box.x_min) - kBlockLeftMm == Approx(to_mm(16)).margin(1));
  if (pages >= 3) {
    const TextLine* third = folio(2);
    REQUIRE(third != nullptr);
    CHECK(kBlockRightMm - to_mm(third->box.x_max) == Approx(to_mm(16)).margin(1));
  }
}

TEST_CASE("信函格式 on pre-printed paper keeps every position; in black it has no red") {
  Letter letter;
  const std::string red_pdf = write_letter(letter, "red");
  letter.globals["letter.print_letterhead"] = "no";
  const std::string preprinted_pdf = write_letter(letter, "preprinted");
  const auto red_lines = read_lines(red_pdf), preprinted_lines = read_lines(preprinted_pdf);
  // The same lines at the same places, less the bureau's name at the top.
  REQUIRE(red_lines.size() == preprinted_lines.size() + 1);
  for (size_t i = 0; i < preprinted_lines.size(); ++i) {
    const TextLine& a = red_lines[i + 1];
    const TextLine& b = preprinted_lines[i];
    INFO(a.text() << " / " << b.text());
    CHECK(a.text() == b.text());
    CHECK(std::abs(to_mm(a.box.x_min - b.box.x_min)) <= 0.1);
    CHECK(std::abs(to_mm(a.box.y_min - b.box.y_min)) <= 0.1);
  }
  CHECK(red_lines.front().text() == "天津市商务局");
  // Nothing printed above the 发文字号 and no rule at the bottom.
  const PageRaster plain = render_page(preprinted_pdf, 1, 100);
  const std::vector<Band> ink = bands(plain, is_ink);
  REQUIRE(!ink.empty());
  const TextLine* number = line_with(preprinted_lines, 0, "津商务函");
  REQUIRE(number != nullptr);
  CHECK(plain.mm(ink.front().top) >= to_mm(number->box.y_min) - 1);
  CHECK(297 - plain.mm(ink.back().bottom) > 30);

  letter.globals["letter.print_letterhead"] = "yes";
  const std::string black_pdf = write_letter(letter, "black", true);
  const PageRaster black = render_page(black_pdf, 1, 100);
  CHECK(bands(black, is_red).empty());
  // The name and the rules are there, in black: ink 30 mm from the top and 20 mm from the
  // bottom edge.
  const std::vector<Band> black_ink = bands(black, is_ink);
  REQUIRE(black_ink.size() >= 3);
  CHECK(black.mm(black_ink.front().top) == Approx(30).margin(0.6));
  CHECK(297 - black.mm(black_ink.back().bottom + 1) == Approx(20).margin(0.6));
}

TEST_CASE("a letter without a number prints the prefix and year with a blank to fill in") {
  Letter letter;
  letter.globals["letter.number"] = "津商务函〔2020〕\u3000\u3000\u3000号";
  const auto lines = read_lines(write_letter(letter, "blank"));
  const TextLine* number = line_with(lines, 0, "津商务函〔2020〕");
  REQUIRE(number != nullptr);
  // pdftotext splits the line at the blank: the 号 after it on the same baseline.
  const TextLine* hao = nullptr;
  for (const auto& line : lines) {
    if (line.page == 0 && &line != number && std::abs(line.box.y_min - number->box.y_min) < 1)
      hao = &line;
  }
  REQUIRE(hao != nullptr);
  CHECK(strip_space(number->text()) + strip_space(hao->text()) == "津商务函〔2020〕号");
  // The blank is three characters wide, and the number still ends at the block's edge.
  CHECK(to_mm(hao->box.x_min - number->box.x_max) == Approx(to_mm(3 * 16)).margin(0.5));
  CHECK(to_mm(hao->box.x_max) == Approx(kBlockRightMm).margin(0.5));
}

TEST_CASE("a body ending on page 1's last line takes its last lines to page 2 with the sign-off") {
  Letter letter;
  // Lengthen the notice title (part of the first paragraph) until the text before the
  // sign-off, laid out alone, ends on the last line of page 1.
  bool found = false;
  for (int extra = 0; extra < 60 && !found; ++extra) {
    std::string filler;
    for (int i = 0; i < extra; ++i)
      filler += "服务外包产业高质量发展数字服务推介工作";  // 19 characters
    letter.globals["campaign.organisation.notice.title"] = "关于开展推介工作" + filler + "的通知";
    layout::DocumentModel full = letter.model();
    layout::DocumentModel body = full;
    // Without the sign-off and what follows it.
    auto signoff = std::find_if(body.blocks.begin(), body.blocks.end(), [](const auto& b) {
      return std::holds_alternative<layout::StampZone>(b);
    });
    REQUIRE(signoff != body.blocks.end());
    body.blocks.erase(signoff, body.blocks.end());
    auto alone = layout::layout_document(body);
    if (alone.pages.size() != 1)
      break;  // past the point: the body alone no longer fits page 1
    auto lines = drawn_lines(alone.pages[0]);
    std::erase_if(lines, [](const DrawnLine& l) {
      return l.text.find("TJ-2020") == 0 || l.text.find("—") == 0;
    });
    // The body's line box: 16 pt type on a 225 mm / 22 line pitch, the baseline 0.88 em below
    // the top of the em box centred in it.
    const double pitch = 225.0 / 22 * 72 / 25.4;
    const double below_baseline = pitch - ((pitch - 16) / 2 + 0.88 * 16);
    const double bottom = body.page.height - body.page.margin_bottom;
    if (lines.empty() || lines.back().y + below_baseline + pitch <= bottom + 0.01)
      continue;  // room for another line: not yet at the page end
    found = true;
    INFO("filler units " << extra);
    auto laid = layout::layout_document(full);
    REQUIRE(laid.pages.size() == 2);
    auto page1 = drawn_lines(laid.pages[0]);
    auto page2 = drawn_lines(laid.pages[1]);
    auto index_of = [](const std::vector<DrawnLine>& page, const std::string& text) {
      for (size_t i = 0; i < page.size(); ++i) {
        if (page[i].text.find(text) != std::string::npos)
          return static_cast<int>(i);
      }
      return -1;
    };
    // On page 1 the bureau's name only heads the letter.
    CHECK(index_of(page1, "天津市商务局") == 0);
    CHECK(std::count_if(page1.begin(), page1.end(), [](const DrawnLine& l) {
            return l.text.find("天津市商务局") != std::string::npos;
          }) == 1);
    CHECK(index_of(page1, "2020年7月8日") == -1);
    const int org = index_of(page2, "天津市商务局");
    REQUIRE(org >= 0);
    CHECK(index_of(page2, "2020年7月8日") == org + 1);
    // At least the last two lines before the sign-off stand above it on page 2: the last two
    // attachment lines.
    CHECK(org >= 2);
    CHECK(index_of(page2, "各单位基本信息表") >= 0);
    CHECK(index_of(page2, "培训机构及院校推荐汇总表") >= 0);
  }
  CHECK(found);
}

TEST_CASE("tightening the line spacing keeps a sign-off that nearly fits on its page") {
  Letter letter;
  // Find a body that pushes the sign-off over at full spacing; the layout then tries tighter
  // spacing (down to the template's 94 %) before moving any line.
  int tightened = 0, moved = 0;
  for (int extra = 0; extra < 40; ++extra) {
    std::string filler(static_cast<size_t>(extra) * 3 * 7, '\0');
    filler.clear();
    for (int i = 0; i < extra; ++i)
      filler += "数字服务推介工作";  // 8 characters
    letter.globals["campaign.organisation.notice.title"] = "关于开展推介工作" + filler + "的通知";
    // Without its title and the notice's name the letter has room to spare on page 1.
    layout::DocumentModel model = letter.model();
    std::erase_if(model.blocks, [](const layout::Block& b) {
      const auto* p = std::get_if<layout::Paragraph>(&b);
      return p && p->text.find("关于推荐") == 0;
    });
    auto laid = layout::layout_document(model);
    if (laid.leading_scale < 1 && !laid.lines_moved_for_signoff) {
      ++tightened;
      CHECK(laid.leading_scale >= 0.94 - 1e-9);
      REQUIRE(laid.pages.size() == 1);  // the sign-off stayed with the body
    }
    if (laid.lines_moved_for_signoff)
      ++moved;
  }
  CHECK(tightened >= 1);
  CHECK(moved >= 1);
}
