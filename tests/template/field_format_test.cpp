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
