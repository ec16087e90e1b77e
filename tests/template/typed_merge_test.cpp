// Merging reads attributes only as the values parsed when the template was read: composing a
// thousand documents converts no attribute text at all.
#include <catch2/catch.hpp>

#include "fonts/font_set.hpp"
#include "merge/document_builder.hpp"
#include "merge/render.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"
#include "template/template_language.hpp"

using namespace tuijie;

TEST_CASE("merging and laying out 1,000 records parses no attribute value") {
  const std::string source = TUIJIE_SOURCE_DIR;
  const auto schemas = records::load_schema_set(source + "/data/records");
  const auto campaign = store::Campaign::load(source + "/data/campaigns/tianjin-2020.json");
  records::ImportOptions options;
  options.campaign_date = campaign.age_date();
  const auto read = records::read_records(source + "/samples/candidates.csv", schemas, options);
  REQUIRE(read.ok());
  REQUIRE_FALSE(read.records.empty());
  const auto fonts = fonts::FontSet::load(source + "/fonts/fonts.xml");
  const merge::CompiledTemplate tpl = merge::compile_template(
      templates::parse_template_file(source + "/templates/candidate-form.xml"), *fonts, {});

  const std::size_t parsed = templates::attribute_values_parsed();
  CHECK(parsed > 0);  // reading the template converted its attributes
  int pages = 0;
  for (int i = 0; i < 1000; ++i) {
    const records::Record& record = read.records[i % read.records.size()];
    const merge::ComposedDocument doc = merge::compose(tpl, record, campaign.globals(), "");
    pages += static_cast<int>(doc.document.pages.size());
  }
  CHECK(pages >= 1000);
  CHECK(templates::attribute_values_parsed() == parsed);
}

TEST_CASE("the language's defaults reach the document model") {
  const std::string source = TUIJIE_SOURCE_DIR;
  const auto fonts = fonts::FontSet::load(source + "/fonts/fonts.xml");
  const merge::CompiledTemplate tpl = merge::compile_template(
      templates::parse_template_text(
          "<document><page/><choices field=\"f\" options=\"甲|乙\"/>"
          "<table columns=\"20mm *\"><row><cell>x</cell><cell padding=\"1mm\" valign=\"top\">y"
          "</cell></row></table><stamp/></document>",
          "defaults.xml"),
      *fonts, {});
  Diagnostics problems;
  const layout::DocumentModel model = merge::build_document(tpl, records::Record{}, {}, problems);
  REQUIRE(model.blocks.size() == 3);
  const auto& list = std::get<layout::ColumnList>(model.blocks[0]);
  CHECK(list.columns == 1);
  CHECK(list.gap == Approx(2 * 72 / 25.4));
  CHECK(list.items.size() == 2);
  const auto& table = *std::get<std::shared_ptr<layout::Table>>(model.blocks[1]);
  CHECK(table.border == Approx(0.6));
  CHECK(table.header_rows == 0);
  REQUIRE(table.rows.size() == 1);
  const auto& cells = table.rows[0].cells;
  CHECK(cells[0].padding == Approx(1.5 * 72 / 25.4));
  CHECK(cells[0].valign == layout::VAlign::Middle);
  CHECK(cells[0].colspan == 1);
  CHECK(cells[1].padding == Approx(72 / 25.4));
  CHECK(cells[1].valign == layout::VAlign::Top);
  // <page/>: A4 with 20 mm margins; the * column takes what the 20 mm one leaves.
  CHECK(table.columns[1] == Approx((210 - 40 - 20) * 72 / 25.4));
  const auto& stamp = std::get<layout::StampZone>(model.blocks[2]);
  CHECK(stamp.width == Approx(45 * 72 / 25.4));
  CHECK(stamp.date == "____年____月____日");
  CHECK(stamp.keep_lines_before == 0);
  CHECK_FALSE(stamp.keep_with_next);
}
