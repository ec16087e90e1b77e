// Every campaign file shipped in data/campaigns/ loads, and each names its own city and year.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "store/campaign.hpp"

namespace tuijie::records {
namespace {

TEST_CASE("the Dalian 2021 campaign file loads with its own dates and thresholds", "[campaigns]") {
  const auto c =
      store::Campaign::load(std::string(TUIJIE_SOURCE_DIR) + "/data/campaigns/dalian-2021.json");
  CHECK(c.get("city") == "大连市");
  CHECK(c.get("year") == "2021");
  CHECK(c.age_date() == "2021-06-25");
  CHECK(c.get("organisation.deadlines.to_bureau") == "2021-07-02");
  CHECK(c.get("organisation.eligibility.revenue_min") == "5000");
  CHECK(c.get("document_number.prefix") == "DL-2021");
}

TEST_CASE("every shipped campaign loads and has its own document numbers", "[campaigns]") {
  std::set<std::string> prefixes;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(TUIJIE_SOURCE_DIR) + "/data/campaigns")) {
    INFO(entry.path().string());
    const auto c = store::Campaign::load(entry.path().string());
    CHECK(prefixes.insert(c.get("document_number.prefix")).second);
  }
  CHECK(prefixes.size() >= 2);
}

}  // namespace
}  // namespace tuijie::records
