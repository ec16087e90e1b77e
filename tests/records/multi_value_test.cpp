#include "records/multi_value.hpp"

#include <catch2/catch.hpp>

namespace tuijie::records {
namespace {

using Items = std::vector<std::string>;

TEST_CASE("multi-value cells split on every separator", "[multi-value]") {
  CHECK(split_multi_value("金融、医药，制造,能源；交通;零售|教育｜政务\n文化\r\n体育", {}) ==
        Items{"金融", "医药", "制造", "能源", "交通", "零售", "教育", "政务", "文化", "体育"});
  CHECK(split_multi_value(" 金融 、、 医药\u3000、", {}) == Items{"金融", "医药"});
  CHECK(split_multi_value("", {}).empty());
}

TEST_CASE("known names holding a separator are matched whole, longest first", "[multi-value]") {
  std::vector<std::string> known{"电力", "电力、热力、燃气及水生产和供应业", "金融业"};
  CHECK(split_multi_value("金融业、电力、热力、燃气及水生产和供应业", known) ==
        Items{"金融业", "电力、热力、燃气及水生产和供应业"});
  CHECK(split_multi_value("电力、热力、燃气及水生产和供应业 ; 金融业", known) ==
        Items{"电力、热力、燃气及水生产和供应业", "金融业"});
  // A known name only counts when the item ends with it.
  CHECK(split_multi_value("电力设备、金融业", known) == Items{"电力设备", "金融业"});
  CHECK(split_multi_value("电力、金融业", known) == Items{"电力", "金融业"});
}

}  // namespace
}  // namespace tuijie::records
