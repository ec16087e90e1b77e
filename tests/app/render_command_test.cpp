#include "app/render_command.hpp"

#include <catch2/catch.hpp>

#include "store/test_support.hpp"

using tuijie::app::pdf_creation_date;
namespace t = tuijie::testing;

TEST_CASE("PDF dates come from SOURCE_DATE_EPOCH, else the campaign's document date") {
  {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", std::nullopt);
    CHECK(pdf_creation_date("2020-07-08") == "D:20200708000000Z");
  }
  {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", "1593475200");  // 2020-06-30T00:00:00Z
    CHECK(pdf_creation_date("2020-07-08") == "D:20200630000000Z");
  }
  {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", "1593522245");  // 2020-06-30T13:04:05Z
    CHECK(pdf_creation_date("2020-07-08") == "D:20200630130405Z");
  }
}
