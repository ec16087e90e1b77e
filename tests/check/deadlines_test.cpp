#include "check/deadlines.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

#include "check_fixtures.hpp"
#include "core/diagnostic.hpp"

namespace t = tuijie::testing;
using tuijie::check::campaign_deadlines;
using tuijie::check::days_between;

TEST_CASE("days between calendar dates") {
  CHECK(days_between("2020-07-11", "2020-07-15") == 4);
  CHECK(days_between("2020-07-11", "2020-07-10") == -1);
  CHECK(days_between("2020-07-10", "2020-07-10") == 0);
  CHECK(days_between("2020-02-28", "2020-03-01") == 2);  // 2020 is a leap year
  CHECK(days_between("2019-12-31", "2020-01-01") == 1);
  CHECK_FALSE(days_between("2020-02-30", "2020-03-01"));
  CHECK_FALSE(days_between("2020-07-11", ""));
}

TEST_CASE("campaign deadlines as of 2020-07-11 (the acceptance figures)") {
  const auto deadlines = campaign_deadlines(t::campaign_with(), "2020-07-11");
  REQUIRE(deadlines.size() == 3);
  CHECK(deadlines[0].key == "organisation.deadlines.to_bureau");
  CHECK(deadlines[0].date == "2020-07-10");
  CHECK(deadlines[0].days_left == -1);  // applicants: one day overdue
  CHECK(deadlines[1].key == "organisation.deadlines.to_committee");
  CHECK(deadlines[1].days_left == 4);  // bureau: four days left
  CHECK(deadlines[2].key == "person.deadline");
  CHECK(deadlines[2].days_left == -11);  // person track: eleven days overdue
}

TEST_CASE("campaign deadlines follow the campaign file and refuse a bad day") {
  const auto moved = campaign_deadlines(
      t::campaign_with("\"to_committee\": \"2020-07-15\"", "\"to_committee\": \"2020-07-20\""),
      "2020-07-11");
  REQUIRE(moved.size() == 3);
  CHECK(moved[1].days_left == 9);
  CHECK_THROWS_AS(campaign_deadlines(t::campaign_with(), "2020-13-01"), tuijie::TuijieError);
}
