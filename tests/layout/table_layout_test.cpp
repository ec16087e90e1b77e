#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "layout_fixture.hpp"

using namespace tuijie;
using namespace tuijie::layout;
using namespace tuijie::page;
using tuijie::testing::para;

namespace {

DocumentModel a4_model() {
  DocumentModel m;
  m.page.margin_top = m.page.margin_bottom = mm_to_pt(20);
  m.page.margin_left = m.page.margin_right = mm_to_pt(20);
  m.name = "R1";
  return m;
}

Cell text_cell(const std::string& text, const std::string& label = "", double min_size = 0) {
  Cell c;
  c.padding = mm_to_pt(1.5);
  c.blocks.push_back(para(text, label, min_size));
  return c;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += s;
  return out;
}

std::vector<const Rect*> rects(const Page& page) {
  std::vector<const Rect*> out;
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<Rect>(&item))
      out.push_back(r);
  }
  return out;
}

const GlyphRun* find_run(const Page& page, char32_t first) {
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (!run->text.empty() && run->text[0] == first)
        return run;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a growing row too long for the page continues on the next page, losing nothing") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(30), mm_to_pt(140)};
  Row head;
  head.height = mm_to_pt(10);
  head.cells = {text_cell("标题"), text_cell("表头")};
  Row body;
  body.min_height = mm_to_pt(20);
  std::string long_text = repeat("服务外包产业持续快速发展，企业数字化转型加速推进。", 150);
  Cell label = text_cell("主要贡献");
  label.splittable = true;
  Cell content = text_cell(long_text, "contributions");
  content.splittable = true;
  body.cells = {label, content};
  table->rows = {head, body};
  table->header_rows = 1;
  m.blocks.push_back(table);

  LayoutResult r = layout_document(m);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.pages.size() >= 2);
  std::string all;
  for (size_t i = 0; i < r.pages.size(); ++i) {
    std::string text = testing::page_text(r.pages[i]);
    if (i > 0) {
      REQUIRE(text.rfind("标题表头", 0) == 0);  // the header row repeats
      text.erase(0, std::string("标题表头").size());
    }
    all += text;
  }
  // Every character arrives once, in order; the header repeats on the continuation page.
  CHECK(testing::without_spaces(all).find(long_text.substr(0, 30)) != std::string::npos);
  size_t count = 0;
  for (size_t at = all.find("企业数字化转型"); at != std::string::npos;
       at = all.find("企业数字化转型", at + 1)) {
    ++count;
  }
  CHECK(count == 150);
  // Nothing is drawn below the bottom margin.
  for (const auto& page : r.pages) {
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        CHECK(run->y <= page.height - mm_to_pt(20) + 0.01);
      }
    }
  }
}

TEST_CASE("text in a fixed cell shrinks to fit, and past its floor is reported by field") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(40)};
  Row fits;
  fits.height = mm_to_pt(10);
  fits.cells = {text_cell("天津滨海新区信息技术服务有限公司高级副总裁", "org_and_title", 7)};
  Row overflows;
  overflows.height = mm_to_pt(10);
  overflows.cells = {text_cell(repeat("很长的内容", 40), "org_features", 7)};
  table->rows = {fits, overflows};
  m.blocks.push_back(table);

  LayoutResult r = layout_document(m);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "overflow");
  CHECK(r.diagnostics[0].column_name == "org_features");
  CHECK(r.diagnostics[0].record == "R1");
  const GlyphRun* shrunk = find_run(r.pages[0], U'天');
  REQUIRE(shrunk);
  CHECK(shrunk->size < 10.5);
  CHECK(shrunk->size >= 7);
}

TEST_CASE("rows joined by a row span move to the next page together") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(40), mm_to_pt(40)};
  Row filler;
  filler.height = mm_to_pt(240);
  filler.cells = {text_cell("甲"), text_cell("乙")};
  Row first;
  first.height = mm_to_pt(10);
  Cell spanning = text_cell("跨行");
  spanning.rowspan = 2;
  first.cells = {spanning, text_cell("一")};
  Row second;
  second.height = mm_to_pt(10);
  second.cells = {text_cell("二")};
  table->rows = {filler, first, second};
  m.blocks.push_back(table);

  LayoutResult r = layout_document(m);
  REQUIRE(r.pages.size() == 2);
  // 240 + 10 mm would fit the 257 mm page, but the spanned group is 20 mm: it moves whole.
  CHECK(testing::page_text(r.pages[1]).find("跨行") != std::string::npos);
  CHECK(testing::page_text(r.pages[1]).find("一") != std::string::npos);
  CHECK(testing::page_text(r.pages[1]).find("二") != std::string::npos);
}

TEST_CASE("text keeps at least 1 mm from every cell border") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(25), mm_to_pt(60)};
  Row row;
  row.min_height = mm_to_pt(8);
  row.cells = {text_cell("联系E-mail"),
               text_cell("zhang.wei@example-outsourcing.com.cn 022-58665632 很长的地址文字继续")};
  table->rows = {row};
  m.blocks.push_back(table);
  LayoutResult r = layout_document(m);
  const Page& page = r.pages[0];
  auto boxes = rects(page);
  REQUIRE(boxes.size() == 2);
  for (const auto& item : page.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run)
      continue;
    const Rect* cell = nullptr;
    for (const Rect* b : boxes) {
      if (run->x >= b->x && run->x < b->x + b->w)
        cell = b;
    }
    REQUIRE(cell);
    double top = run->y - run->size * 0.88;
    double bottom = run->y + run->size * 0.12;
    CHECK(run->x - cell->x >= mm_to_pt(1) - 0.01);
    CHECK(cell->x + cell->w - (run->x + run->width()) >= mm_to_pt(1) - 0.01);
    CHECK(top - cell->y >= mm_to_pt(1) - 0.01);
    CHECK(cell->y + cell->h - bottom >= mm_to_pt(1) - 0.01);
  }
}

TEST_CASE("a stamp zone is a clear area of at least 45 x 45 mm") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(170)};
  Row row;
  row.min_height = mm_to_pt(30);
  Cell cell;
  cell.padding = mm_to_pt(2.5);
  cell.valign = VAlign::Top;
  StampZone zone;
  zone.style = testing::body_style();
  zone.label = "参选人签字或参选人所在单位盖章（个人参选方式）；或推荐机构盖章（机构推荐方式）";
  zone.date = "____年____月____日";
  zone.width = zone.height = mm_to_pt(45);
  cell.blocks.push_back(zone);
  row.cells = {cell};
  table->rows = {row};
  m.blocks.push_back(table);
  LayoutResult r = layout_document(m);
  const Page& page = r.pages[0];
  const GlyphRun* label = find_run(page, U'参');
  const GlyphRun* date = find_run(page, U'_');
  REQUIRE(label);
  REQUIRE(date);
  // The clear area lies between the label's line and the date's line: at least 45 mm tall,
  // and nothing but the label and date stands anywhere near it.
  double label_bottom = label->y + label->size * 0.3;
  double date_top = date->y - date->size * 0.9;
  CHECK(date_top - label_bottom >= mm_to_pt(45) - 0.01);
  auto boxes = rects(page);
  REQUIRE(boxes.size() == 1);
  CHECK(boxes[0]->h >= mm_to_pt(45 + 5));
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      CHECK((run->y <= label_bottom + 0.01 || run->y >= date_top));
    }
  }
}

TEST_CASE("a row that would cross the page bottom moves whole; one taller than a page splits") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(30), mm_to_pt(140)};
  Row head;
  head.height = mm_to_pt(10);
  head.cells = {text_cell("序号"), text_cell("名称")};
  table->rows.push_back(head);
  table->header_rows = 1;
  // Rows of three lines each, without split="allow": never cut by a page break.
  for (int i = 0; i < 40; ++i) {
    Row row;
    row.min_height = mm_to_pt(8);
    row.cells = {text_cell(std::to_string(i + 1)), text_cell(repeat("服务外包", 30))};
    table->rows.push_back(row);
  }
  // Then one row taller than a whole page, also without split="allow".
  Row huge;
  huge.cells = {text_cell("巨"), text_cell(repeat("服务外包产业持续快速发展。", 300), "long")};
  table->rows.push_back(huge);
  m.blocks.push_back(table);

  LayoutResult r = layout_document(m);
  CHECK(r.diagnostics.empty());  // nothing reported lost
  REQUIRE(r.pages.size() >= 4);
  // Each ordinary row's three lines stand on one page: its number and its text together.
  for (int i = 0; i < 40; ++i) {
    const std::u32string number = utf8::decode(std::to_string(i + 1));
    int pages_with_row = 0;
    for (const auto& page : r.pages) {
      for (const auto& item : page.items) {
        const auto* run = std::get_if<GlyphRun>(&item);
        if (run && run->text == number && run->x < mm_to_pt(50)) {
          ++pages_with_row;
          break;
        }
      }
    }
    CHECK(pages_with_row == 1);
  }
  // The huge row's text arrives whole, across pages.
  std::string all;
  for (const auto& page : r.pages) {
    std::string text = testing::page_text(page);
    if (text.rfind("序号名称", 0) == 0)  // the header row repeated on each page
      text.erase(0, std::string("序号名称").size());
    all += text;
  }
  size_t count = 0;
  for (size_t at = all.find("持续快速发展"); at != std::string::npos;
       at = all.find("持续快速发展", at + 1))
    ++count;
  CHECK(count == 300);
}

namespace {

// The text of each line a table drew, top to bottom, left to right (runs on one baseline
// within one cell's column joined).
std::vector<std::u32string> drawn_texts(const Page& page) {
  std::vector<std::u32string> out;
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<GlyphRun>(&item))
      out.push_back(run->text);
  }
  return out;
}

std::shared_ptr<Table> code_table(double total_mm, const std::string& name) {
  auto table = std::make_shared<Table>();
  // The template's widths would split the code; their total is the room.
  table->columns = {mm_to_pt(total_mm * 0.7), mm_to_pt(total_mm * 0.3)};
  table->fit_content = true;
  Row row;
  row.cells = {text_cell(name, "name"), text_cell("91120116MA05K3RT2M", "credit_code")};
  table->rows = {row};
  return table;
}

}  // namespace

TEST_CASE("columns fitted to content: a code keeps its whole width, the name wraps") {
  DocumentModel m = a4_model();
  m.blocks = {code_table(90, "天津泰达国际供应链管理有限公司天津泰达国际供应链管理有限公司")};
  const LayoutResult laid = layout_document(m);
  REQUIRE(laid.diagnostics.empty());
  bool code_whole = false;
  int name_lines = 0;
  for (const std::u32string& text : drawn_texts(laid.pages[0])) {
    code_whole = code_whole || text == U"91120116MA05K3RT2M";
    name_lines += text.rfind(U"天津", 0) == 0 || text.find(U"公司") != std::u32string::npos;
  }
  CHECK(code_whole);
  CHECK(name_lines >= 2);
}

TEST_CASE("columns fitted to content: when even the codes cannot fit, the column is reported") {
  DocumentModel m = a4_model();
  m.blocks = {code_table(25, "天津")};
  const LayoutResult laid = layout_document(m);
  REQUIRE(laid.diagnostics.size() >= 1);
  const Diagnostic& d = laid.diagnostics.front();
  CHECK(d.reason_en.find("column 2") != std::string::npos);
  CHECK(d.column_name == "credit_code");
  CHECK(d.record == "R1");
}

TEST_CASE("a cell's last line never holds one ideograph alone when the line before can give one") {
  DocumentModel m = a4_model();
  auto table = std::make_shared<Table>();
  // 12 mm holds three 10.5 pt characters after the padding: 滨海新 / 区 without the rule.
  table->columns = {mm_to_pt(14)};
  Row row;
  row.cells = {text_cell("滨海新区")};
  table->rows = {row};
  m.blocks = {table};
  const LayoutResult laid = layout_document(m);
  const auto texts = drawn_texts(laid.pages[0]);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0] == U"滨海");
  CHECK(texts[1] == U"新区");
}
