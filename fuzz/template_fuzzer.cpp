// libFuzzer target: template text parsed (templates::parse_template_text) and, when it parses,
// compiled against the real fonts and the fields of every record kind and the campaign, as
// `tuijie render --template FILE` does before it touches a record.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fonts/font_set.hpp"
#include "fuzz_support.hpp"
#include "merge/compiled_template.hpp"
#include "merge/field_catalog.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

namespace {

struct Resources {
  std::shared_ptr<const tuijie::fonts::FontSet> fonts;
  tuijie::merge::FieldCatalog catalog;
};

const Resources& resources() {
  static const Resources loaded = [] {
    using namespace tuijie;
    Resources r;
    r.fonts = fonts::FontSet::load(fuzz::source_path("fonts/fonts.xml"));
    const auto campaign =
        store::Campaign::load(fuzz::source_path("data/campaigns/tianjin-2020.json"));
    r.catalog = merge::collection_catalog(
        records::load_schema_set(fuzz::source_path("data/records")), campaign.globals());
    return r;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tuijie;
  const Resources& r = resources();
  const std::string xml(reinterpret_cast<const char*>(data), size);
  fuzz::expect_refusal_or_success("template", [&] {
    templates::Element root = templates::parse_template_text(xml, "fuzz.xml");
    merge::compile_template(std::move(root), *r.fonts, r.catalog);
  });
  return 0;
}
