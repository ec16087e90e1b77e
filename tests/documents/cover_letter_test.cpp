// The cover letter (templates/cover-letter.xml) against GB/T 9704-2012 as documents.md states
// it: margins measured on the PDF, the seal zone over the organisation and date, and the rule
// that the signature and date never stand alone on a page.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "merge/render.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

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
    return g;
  }();
  merge::CompiledTemplate tpl = merge::compile_template(
      templates::parse_template_file(kSource + "/templates/cover-letter.xml"), *fonts,
      merge::collection_catalog(records::load_schema_set(kSource + "/data/records"), globals));

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

}  // namespace

TEST_CASE("the cover letter: text block at 37 mm / 28 mm, its content, the seal over the date") {
  Letter letter;
  auto model = letter.model();
  auto laid = layout::layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  REQUIRE(laid.pages.size() == 1);
  page::PagedDocument doc{model.info, laid.pages, {}};
  const std::string pdf = fresh_test_dir("letter-" + std::to_string(getpid())) + "/letter.pdf";
  pdf::write_pdf_file(doc, pdf);

  auto lines = read_lines(pdf);
  std::string all;
  for (const auto& line : lines)
    all += line.text() + "\n";
  INFO(all);
  for (const char* expected :
       {"中国国际投资促进会：", "中投促函〔2020〕25号",
        "现推荐9家服务外包企业、3家服务外包园区和2家培训机构及院校",
        "附件：1.服务外包企业推荐汇总表", "2.服务外包园区推荐汇总表", "3.培训机构及院校推荐汇总表",
        "天津市商务局", "2020年7月8日", "（联系人：张洋，电话：58665632）"}) {
    CHECK(strip_space(all).find(strip_space(expected)) != std::string::npos);
  }

  // GB/T 9704: the text block's first line box (the title's) starts 37 mm from the top and
  // 28 mm from the left; measured on the PDF: the title's glyphs and the addressee's left edge.
  REQUIRE(lines.size() > 4);
  const TextLine& title = lines.front();
  CHECK(title.text().find("关于推荐") == 0);
  const double top_mm = title.box.y_min * 25.4 / 72;
  CHECK(std::abs(top_mm - 37) <= 1.0);
  const TextLine* addressee = nullptr;
  for (const auto& line : lines) {
    if (line.text().find("中国国际投资促进会") == 0)
      addressee = &line;
  }
  REQUIRE(addressee != nullptr);
  CHECK(std::abs(addressee->box.x_min * 25.4 / 72 - 28) <= 1.0);

  // The seal zone (42 mm) stands centred over the organisation and the date, which sit in its
  // lower half; the date ends four characters (4 × 16 pt) from the right edge.
  const page::FieldBox* zone = seal_zone(laid.pages[0]);
  REQUIRE(zone != nullptr);
  CHECK(zone->w == Approx(mm_to_pt(42)));
  const TextLine *org = nullptr, *date = nullptr;
  for (const auto& line : lines) {
    if (line.text() == "天津市商务局")
      org = &line;
    if (line.text() == "2020年7月8日")
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
    if (line.box.y_max <= zone->y + 0.5)
      last_above = std::max(last_above, line.box.y_max);
  }
  CHECK(zone->y - last_above <= 29);
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
    CHECK(index_of(page1, "天津市商务局") == -1);
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
    auto laid = layout::layout_document(letter.model());
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
