// The packet benchmark measures only what a packet of valid, recommendable enterprises costs:
// its generated records must import without a single diagnostic and all be eligible.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <Poco/JSON/Object.h>

#include "bench/enterprise_generator.hpp"
#include "check/campaign_rules.hpp"
#include "check/recommendations.hpp"
#include "job/import_job.hpp"
#include "records/credit_code.hpp"
#include "records/schema.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace t = tuijie::testing;
using tuijie::bench::generate_enterprises;

namespace {

tuijie::records::Schema enterprise_schema() {
  const auto schemas = tuijie::records::load_schema_set(TUIJIE_SOURCE_DIR "/data/records");
  REQUIRE(schemas.find("enterprise") != nullptr);
  return *schemas.find("enterprise");
}

std::string text_of(const Poco::JSON::Array& records) {
  std::ostringstream out;
  records.stringify(out);
  return out.str();
}

}  // namespace

TEST_CASE("generated enterprises import cleanly and are all recommendable") {
  const std::size_t count = 60;
  t::TempDir tmp;
  const auto file = tmp.path() / "enterprises.json";
  {
    std::ofstream out(file);
    generate_enterprises(enterprise_schema(), count).stringify(out);
  }
  auto workspace = tuijie::store::Workspace::create(
      (tmp.path() / "ws").string(), t::tianjin_campaign_path(), tuijie::RunClock{1593475200});
  tuijie::job::Env env;
  env.workspace = &workspace;
  env.resources = TUIJIE_SOURCE_DIR;
  env.clock = tuijie::RunClock{1593475200};
  tuijie::job::ImportJob import;
  import.kind = "enterprise";
  import.files = {file.string()};
  const auto result = import.run(env);
  REQUIRE(result.files.size() == 1);
  for (const auto& d : result.files[0].diagnostics)
    UNSCOPED_INFO(d.format(tuijie::Lang::En));
  CHECK(result.files[0].diagnostics.empty());
  REQUIRE(result.files[0].stored.has_value());
  CHECK(result.files[0].stored->inserted == static_cast<long>(count));

  const auto chosen =
      tuijie::check::recommendations(workspace, env.resource(tuijie::check::kProvincesFile), false);
  CHECK(chosen.problems.empty());
  CHECK(chosen.recommended.at("enterprise") == static_cast<int>(count));
}

TEST_CASE("generated enterprises: fixed by the seed, varied within, check characters correct") {
  const auto schema = enterprise_schema();
  const Poco::JSON::Array records = generate_enterprises(schema, 200);
  CHECK(text_of(records) == text_of(generate_enterprises(schema, 200)));
  CHECK(text_of(records) != text_of(generate_enterprises(schema, 200, 7)));

  std::set<std::string> codes, districts;
  std::size_t long_names = 0, long_profiles = 0, several_areas = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto e = records.getObject(static_cast<unsigned>(i));
    const std::string code = e->getValue<std::string>("credit_code");
    CHECK(tuijie::bench::with_check_character(code.substr(0, 17)) == code);
    CHECK(tuijie::records::check_credit_code(code).problems.empty());
    codes.insert(code);
    districts.insert(e->getValue<std::string>("district"));
    long_names += e->getValue<std::string>("name").size() > 3 * 30;  // over 30 characters
    long_profiles += e->has("profile") && e->getValue<std::string>("profile").size() > 3 * 400;
    several_areas += e->getArray("function_areas")->size() > 1;
  }
  CHECK(codes.size() == records.size());
  CHECK(districts.size() >= 12);
  CHECK(long_names >= 10);
  CHECK(long_profiles >= 10);
  CHECK(several_areas >= 100);
  // The check character of the tests' own example (tests/packet) agrees.
  CHECK(tuijie::bench::with_check_character("91120116MA05K3RT2") == "91120116MA05K3RT2M");
}
