// Choice fields in templates: options from the schema's reference tree, <choices columns>,
// <repeat choices level>, cells merged down a repeat, and the layout of a column list.
#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "records/schema.hpp"
#include "template/element.hpp"

using namespace tuijie;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

struct Setup {
  std::shared_ptr<const fonts::FontSet> fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  records::SchemaSet schemas = records::load_schema_set(kSource + "/data/records");
  merge::FieldCatalog catalog = merge::field_catalog(*schemas.find("enterprise"), {});

  layout::DocumentModel build(const std::string& body, const records::Record& record) const {
    auto tpl = merge::compile_template(
        templates::parse_template_text("<document kind=\"enterprise\">" + body + "</document>",
                                       "test.xml"),
        *fonts, catalog);
    Diagnostics problems;
    auto model = merge::build_document(tpl, record, {}, problems);
    REQUIRE(problems.empty());
    return model;
  }
};

records::Record enterprise() {
  records::Record r;
  r.kind = "enterprise";
  r.key = "91350100M000100Y43";
  r.fields = {{"name", "示例企业"},
              {"industries", "FIN、GOV"},
              {"function_areas", "ITO.SW.01、ITO.SW.06、KPO.RD.99"}};
  return r;
}

const layout::Table& table_of(const layout::DocumentModel& model) {
  REQUIRE(model.blocks.size() == 1);
  const auto* table = std::get_if<std::shared_ptr<layout::Table>>(&model.blocks.front());
  REQUIRE(table != nullptr);
  return **table;
}

std::string cell_text(const layout::Cell& cell) {
  std::string out;
  for (const auto& block : cell.blocks) {
    if (const auto* p = std::get_if<layout::Paragraph>(&block))
      out += p->text;
  }
  return out;
}

std::string without_joiners(const std::string& text) {
  std::u32string out;
  for (char32_t c : utf8::decode(text)) {
    if (c != U'\u2060')
      out += c;
  }
  return utf8::encode(out);
}

}  // namespace

TEST_CASE("the catalog offers reference choices with their names and groups, in file order") {
  Setup s;
  const auto& industries = s.catalog.choices.at("industries");
  REQUIRE(industries.size() == 8);
  CHECK(industries.front().value == "FIN");
  CHECK(industries.front().name == "金融和保险");
  CHECK(industries.front().ancestors.empty());
  const auto& areas = s.catalog.choices.at("function_areas");
  REQUIRE(areas.size() == 50);
  CHECK(areas.front().value == "ITO.SW.01");
  CHECK(areas.front().name == "金融业");
  REQUIRE(areas.front().ancestors.size() == 2);
  CHECK(areas.front().ancestors[0].name == "信息技术外包");
  CHECK(areas.front().ancestors[1].code == "ITO.SW");
  CHECK(areas.back().value == "KPO.RD.99");
  // A schema's own list of values is a choice field too.
  CHECK(s.catalog.choices.at("ownership").front().name == "国有企业");
}

TEST_CASE("<choices columns> sets one boxed item per option, ticked by the stored codes") {
  Setup s;
  auto model = s.build("<p>服务行业</p><choices field=\"industries\" columns=\"4\" gap=\"3mm\"/>",
                       enterprise());
  REQUIRE(model.blocks.size() == 2);
  const auto* list = std::get_if<layout::ColumnList>(&model.blocks[1]);
  REQUIRE(list != nullptr);
  CHECK(list->columns == 4);
  CHECK(list->gap == Approx(mm_to_pt(3)));
  REQUIRE(list->items.size() == 8);
  CHECK(without_joiners(list->items[0].text) == "☑金融和保险");
  CHECK(without_joiners(list->items[1].text) == "☑政府和教育");
  CHECK(without_joiners(list->items[2].text) == "☐制造");
  CHECK(list->items[0].label == "industries");
}

TEST_CASE("<choices under> keeps the options below one node; inline they share a paragraph") {
  Setup s;
  auto model = s.build("<p><choices field=\"function_areas\" under=\"KPO.RD\"/></p>", enterprise());
  const auto* p = std::get_if<layout::Paragraph>(&model.blocks.front());
  REQUIRE(p != nullptr);
  CHECK(without_joiners(p->text) ==
        "☐医药和生物技术研发外包\u3000☐动漫及网游技术研发外包\u3000☑其他研发服务外包");
}

TEST_CASE("<repeat choices level> gives a row per node, and merge=same spans equal cells") {
  Setup s;
  auto model = s.build(
      "<table columns=\"20mm 30mm 100mm\">"
      "<repeat choices=\"function_areas\" level=\"2\"><row>"
      "<cell merge=\"same\"><field name=\"choice.parent\"/></cell>"
      "<cell><field name=\"choice.name\"/></cell>"
      "<cell><choices field=\"function_areas\" under=\"{choice.code}\" columns=\"3\"/></cell>"
      "</row></repeat></table>",
      enterprise());
  const layout::Table& table = table_of(model);
  REQUIRE(table.rows.size() == 9);  // nine categories
  // ITO spans its three categories, BPO three, KPO three; the other rows lose that cell.
  REQUIRE(table.rows[0].cells.size() == 3);
  CHECK(cell_text(table.rows[0].cells[0]) == "信息技术外包");
  CHECK(table.rows[0].cells[0].rowspan == 3);
  CHECK(table.rows[1].cells.size() == 2);
  CHECK(table.rows[2].cells.size() == 2);
  CHECK(cell_text(table.rows[3].cells[0]) == "业务流程外包");
  CHECK(table.rows[3].cells[0].rowspan == 3);
  CHECK(table.rows[6].cells[0].rowspan == 3);
  CHECK(cell_text(table.rows[0].cells[1]) == "软件研发外包");
  CHECK(cell_text(table.rows[1].cells[0]) == "信息技术服务外包");
  // Each category's cell lists its own leaves only.
  const auto* leaves = std::get_if<layout::ColumnList>(&table.rows[0].cells[2].blocks.front());
  REQUIRE(leaves != nullptr);
  CHECK(leaves->items.size() == 13);
  CHECK(without_joiners(leaves->items[5].text) == "☑电力、热力、燃气及水生产和供应业");
}

TEST_CASE("a column list lays its items out row by row, each wrapping in its column") {
  Setup s;
  auto model =
      s.build("<choices field=\"function_areas\" under=\"ITO.SW\" columns=\"3\"/>", enterprise());
  auto laid = layout::layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  REQUIRE(laid.pages.size() == 1);
  // Where each item's box glyph was drawn.
  std::vector<std::pair<double, double>> boxes;  // x, y
  for (const auto& item : laid.pages[0].items) {
    if (const auto* run = std::get_if<page::GlyphRun>(&item)) {
      if (!run->text.empty() && (run->text.front() == U'☐' || run->text.front() == U'☑'))
        boxes.emplace_back(run->x, run->y);
    }
  }
  REQUIRE(boxes.size() == 13);
  const double width = model.page.width - model.page.margin_left - model.page.margin_right;
  const double column = (width - 2 * mm_to_pt(2)) / 3;
  for (size_t i = 0; i < boxes.size(); ++i) {
    INFO("item " << i);
    CHECK(boxes[i].first == Approx(model.page.margin_left + (i % 3) * (column + mm_to_pt(2))));
    if (i % 3 != 0)
      CHECK(boxes[i].second == Approx(boxes[i - i % 3].second));  // same row, same baseline
    else if (i > 0)
      CHECK(boxes[i].second > boxes[i - 3].second);
  }
}

TEST_CASE("a <choices> with neither options nor a choice field is a template error") {
  Setup s;
  CHECK_THROWS_AS(
      merge::compile_template(
          templates::parse_template_text(
              "<document kind=\"enterprise\"><p><choices field=\"name\"/></p></document>",
              "test.xml"),
          *s.fonts, s.catalog),
      TuijieError);
  CHECK_THROWS_AS(
      merge::compile_template(templates::parse_template_text(
                                  "<document kind=\"enterprise\"><table columns=\"10mm\">"
                                  "<repeat choices=\"name\"><row><cell>x</cell></row></repeat>"
                                  "</table></document>",
                                  "test.xml"),
                              *s.fonts, s.catalog),
      TuijieError);
}
