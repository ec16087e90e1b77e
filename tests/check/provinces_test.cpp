#include "check/provinces.hpp"

#include <catch2/catch.hpp>

#include "store/test_support.hpp"

namespace t = tuijie::testing;
using tuijie::check::Provinces;

TEST_CASE("a region is in China when it is or starts with a province-level division") {
  const Provinces provinces({"天津市", "香港特别行政区"});
  CHECK(provinces.contains("天津市"));
  CHECK(provinces.contains("天津市滨海新区"));
  CHECK(provinces.contains("香港特别行政区"));
  CHECK_FALSE(provinces.contains("新加坡"));
  CHECK_FALSE(provinces.contains("天津"));  // a shortened name is not a division's name
  CHECK_FALSE(provinces.contains(""));
  CHECK_FALSE(Provinces({""}).contains("新加坡"));  // an empty name matches nothing
}

TEST_CASE("the province list loads from several JSON layouts") {
  t::TempDir tmp;
  const std::string strings = tmp / "a.json";
  t::write_file(strings, R"(["天津市", "广东省"])");
  const std::string objects = tmp / "b.json";
  t::write_file(objects,
                R"({"provinces": [{"name": "天津市", "short": "津"}, {"name": "广东省"}]})");
  for (const std::string& path : {strings, objects}) {
    tuijie::Diagnostics problems;
    const Provinces provinces = Provinces::load(path, problems);
    INFO(path);
    CHECK(problems.empty());
    CHECK(provinces.contains("广东省深圳市"));
    CHECK_FALSE(provinces.contains("津南区"));
  }
}

TEST_CASE("a missing or broken province list is a warning and an empty list") {
  t::TempDir tmp;
  const std::string broken = tmp / "broken.json";
  t::write_file(broken, "[\"天津市\",");
  for (const std::string& path : {std::string(tmp / "none.json"), broken}) {
    tuijie::Diagnostics problems;
    const Provinces provinces = Provinces::load(path, problems);
    INFO(path);
    CHECK(provinces.empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == tuijie::Severity::Warning);
  }
}
