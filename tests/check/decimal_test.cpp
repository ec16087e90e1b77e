#include "check/decimal.hpp"

#include <catch2/catch.hpp>

using tuijie::check::Decimal;

TEST_CASE("decimal reads canonical figures and refuses anything else") {
  CHECK(Decimal::parse("3000")->to_string() == "3000");
  CHECK(Decimal::parse("3500.5")->to_string() == "3500.5");
  CHECK(Decimal::parse("35.000000000")->to_string() == "35");
  CHECK(Decimal::parse("0.000001")->to_string() == "0.000001");
  CHECK_FALSE(Decimal::parse(""));
  CHECK_FALSE(Decimal::parse("-1"));
  CHECK_FALSE(Decimal::parse("1e3"));
  CHECK_FALSE(Decimal::parse("3."));
  CHECK_FALSE(Decimal::parse(".5"));
  CHECK_FALSE(Decimal::parse("0.0000001"));      // finer than the kept scale
  CHECK_FALSE(Decimal::parse("1234567890123"));  // beyond 10^12
  CHECK_FALSE(Decimal::parse("３０００"));       // full-width digits are not canonical
}

TEST_CASE("decimal compares exactly, including products") {
  CHECK(*Decimal::parse("2999.999999") < *Decimal::parse("3000"));
  CHECK(*Decimal::parse("3000.0") == *Decimal::parse("3000"));
  const Decimal per_capita = *Decimal::parse("35");
  CHECK(per_capita.times_at_most(120, *Decimal::parse("4200")));
  CHECK_FALSE(per_capita.times_at_most(120, *Decimal::parse("4199.999999")));
  // 0.1 × 3 is exactly 0.3 here, unlike in binary floating point.
  CHECK(Decimal::parse("0.1")->times_at_most(3, *Decimal::parse("0.3")));
  // A product too large to represent exceeds every value.
  CHECK_FALSE(Decimal::parse("999999999999")->times_at_most(1'000'000'000, *Decimal::parse("1")));
}

TEST_CASE("decimal shows per-capita figures truncated and English figures grouped") {
  CHECK(Decimal::parse("4190")->divided_truncated(120, 2).to_string() == "34.91");
  CHECK(Decimal::parse("4199.99")->divided_truncated(120, 2).to_string() == "34.99");
  CHECK(Decimal::parse("2800")->to_grouped_string() == "2,800");
  CHECK(Decimal::parse("1234567.25")->to_grouped_string() == "1,234,567.25");
  CHECK(Decimal::parse("300")->to_grouped_string() == "300");
  CHECK(Decimal::parse("300")->as_integer() == 300);
  CHECK_FALSE(Decimal::parse("300.5")->as_integer());
}
