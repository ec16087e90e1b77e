// Merging reads attributes only as the values parsed when the template was read: composing a
// thousand documents converts no attribute text at all.
#include <catch2/catch.hpp>

#include "fonts/font_set.hpp"
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
