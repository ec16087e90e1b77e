#include <catch2/catch.hpp>

#include "fonts/font_set.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

using namespace tuijie;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

struct Setup {
  std::shared_ptr<const fonts::FontSet> fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  records::SchemaSet schemas = records::load_schema_set(kSource + "/data/records");
  store::Campaign campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
  merge::FieldCatalog catalog() const {
    return merge::field_catalog(*schemas.find("candidate"), campaign.globals());
  }
};

}  // namespace

TEST_CASE("every field the candidate form names exists in the candidate schema or campaign") {
  Setup s;
  auto root = templates::parse_template_file(kSource + "/templates/candidate-form.xml");
  CHECK_NOTHROW(merge::compile_template(root, *s.fonts, s.catalog()));
  CHECK(s.catalog().knows("resume.period"));
  CHECK(s.catalog().knows("campaign.person.deadline"));
  CHECK_FALSE(s.catalog().knows("period"));
}

TEST_CASE("a misspelt field, format, style or font role is a template error with its place") {
  Setup s;
  auto root = templates::parse_template_text(
      "<document kind=\"candidate\">\n"
      "  <p><field name=\"nmae\"/></p>\n"
      "  <p><field name=\"birth\" format=\"yearmonth\"/></p>\n"
      "  <p style=\"nosuch\" font=\"comic\">x</p>\n"
      "  <table columns=\"10mm\"><repeat list=\"resume\"><row><cell><field name=\"titel\"/>"
      "</cell></row></repeat></table>\n"
      "</document>\n",
      "bad.xml");
  try {
    merge::compile_template(root, *s.fonts, s.catalog());
    FAIL("no error");
  } catch (const TuijieError& e) {
    const auto& d = e.diagnostics();
    REQUIRE(d.size() == 5);
    CHECK(d[0].code == "template-unknown-field");
    CHECK(d[0].value == "nmae");
    CHECK(d[0].file == "bad.xml");
    CHECK(d[0].row == 2);
    CHECK(d[1].code == "template-bad-value");
    CHECK(d[1].row == 3);
    CHECK(d[2].code == "template-unknown-style");
    CHECK(d[3].code == "template-unknown-font");
    CHECK(d[4].code == "template-unknown-field");
    CHECK(d[4].value == "titel");
    CHECK(d[4].row == 5);
  }
}

TEST_CASE("a value is only text: template syntax inside a record value prints as written") {
  Setup s;
  auto root = templates::parse_template_text(
      "<document kind=\"candidate\" title=\"{name}\"><p><field name=\"name\"/></p></document>",
      "t.xml");
  auto tpl = merge::compile_template(root, *s.fonts, s.catalog());
  records::Record r;
  r.kind = "candidate";
  r.key = "K";
  r.fields["name"] = "<field name=\"phone\"/>{phone}";
  r.fields["phone"] = "13800000000";
  Diagnostics problems;
  auto model = merge::build_document(tpl, r, {}, problems);
  CHECK(model.info.title == "<field name=\"phone\"/>{phone}");
  const auto& p = std::get<layout::Paragraph>(model.blocks.at(0));
  CHECK(p.text == "<field name=\"phone\"/>{phone}");
}
