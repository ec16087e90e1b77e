#include <catch2/catch.hpp>

#include "merge/field_format.hpp"

using tuijie::merge::format_value;

TEST_CASE("year-months and dates print the Chinese way without leading zeros") {
  CHECK(format_value("1975-03", "year-month") == "1975年3月");
  CHECK(format_value("1980-11", "year-month") == "1980年11月");
  CHECK(format_value("2020-06-30", "date") == "2020年6月30日");
  CHECK(format_value("2020-07-08", "date") == "2020年7月8日");
}

TEST_CASE("money and integers get thousands separators") {
  CHECK(format_value("3500.5", "money") == "3,500.5");
  CHECK(format_value("12000", "integer") == "12,000");
  CHECK(format_value("300", "integer") == "300");
  CHECK(format_value("1234567.25", "money") == "1,234,567.25");
}

TEST_CASE("values print as stored without a format, and empty stays empty") {
  CHECK(format_value("1975-03", "") == "1975-03");
  CHECK(format_value("", "date").empty());
  CHECK(format_value("not a date", "date") == "not a date");
}

TEST_CASE("region gives the province, region or city an address starts with") {
  CHECK(format_value("天津市滨海新区中新天津生态城", "region") == "天津市");
  CHECK(format_value("广东省深圳市南山区科技园", "region") == "广东省");
  CHECK(format_value("广西壮族自治区南宁市青秀区", "region") == "广西壮族自治区");
  CHECK(format_value("新疆维吾尔自治区乌鲁木齐市", "region") == "新疆维吾尔自治区");
  CHECK(format_value("香港特别行政区中环", "region") == "香港特别行政区");
  CHECK(format_value("滨海新区第四大街80号", "region").empty());
  CHECK(tuijie::merge::is_known_format("region"));
}

TEST_CASE("money:2 rounds as Excel's ROUND, in decimal, and always prints two decimals") {
  // 2888.5 / 100 = 28.885: binary floating point gives 28.88, ROUND gives 28.89.
  CHECK(format_value("28.885", "money:2") == "28.89");
  CHECK(format_value("28.884999", "money:2") == "28.88");
  CHECK(format_value("45", "money:2") == "45.00");
  CHECK(format_value("36.5", "money:2") == "36.50");
  CHECK(format_value("9999.995", "money:2") == "10,000.00");
  CHECK(format_value("-2.345", "money:2") == "-2.35");  // half away from zero
  CHECK(format_value("-0.004", "money:2") == "0.00");
  CHECK(format_value("0.5", "money:0") == "1");
  CHECK(format_value("1234.5", "number:2") == "1234.50");
  CHECK(format_value("", "money:2").empty());
  CHECK(format_value("n/a", "money:2") == "n/a");
  CHECK(tuijie::merge::is_known_format("money:2"));
  CHECK(tuijie::merge::is_known_format("number:6"));
  CHECK_FALSE(tuijie::merge::is_known_format("money:7"));
  CHECK_FALSE(tuijie::merge::is_known_format("money:"));
}
