// The run's clock comes from the environment in the app, and only there.
#include "app/run_clock_from_environment.hpp"

#include <catch2/catch.hpp>

#include "job/publishing.hpp"
#include "store/test_support.hpp"

using tuijie::RunClock;
using tuijie::app::run_clock_from_environment;
using tuijie::job::pdf_creation_date;
namespace t = tuijie::testing;

TEST_CASE("the run clock is SOURCE_DATE_EPOCH when set, else the system clock") {
  {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", std::nullopt);
    CHECK_FALSE(run_clock_from_environment().reproducible());
  }
  {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", "1594425600");  // 2020-07-11T00:00:00Z
    const RunClock clock = run_clock_from_environment();
    REQUIRE(clock.reproducible());
    CHECK(clock.today() == "2020-07-11");
    CHECK(clock.iso8601() == "2020-07-11T00:00:00Z");
  }
}

TEST_CASE("an invalid SOURCE_DATE_EPOCH is a usage error, not a silent clock") {
  for (const char* bad : {"yesterday", "-5", "12x", "1.5"}) {
    t::ScopedEnv epoch("SOURCE_DATE_EPOCH", bad);
    try {
      run_clock_from_environment();
      FAIL("accepted " << bad);
    } catch (const tuijie::TuijieError& e) {
      CHECK(e.diagnostics().front().code == "bad-source-date-epoch");
      CHECK(e.diagnostics().front().value == bad);
    }
  }
}

TEST_CASE("PDF dates come from a fixed run clock, else the campaign's document date") {
  CHECK(pdf_creation_date(RunClock{}, "2020-07-08") == "D:20200708000000Z");
  CHECK(pdf_creation_date(RunClock{1593475200}, "2020-07-08") == "D:20200630000000Z");
  CHECK(pdf_creation_date(RunClock{1593522245}, "2020-07-08") == "D:20200630130405Z");
}
