// The break kinds behind the line filler, checked directly.

#include "text/break_opportunities.hpp"

#include <catch2/catch.hpp>

#include "text_test_support.hpp"

using tuijie::text::BreakKind;
using tuijie::text::find_break_opportunities;
using tuijie::text::testing::utf32;

namespace {

std::vector<BreakKind> kinds(const std::string& text) {
  std::vector<BreakKind> breaks;
  find_break_opportunities(utf32(text), breaks);
  return breaks;
}

}  // namespace

TEST_CASE("ideographs may break between each other, punctuation rules take breaks away") {
  auto b = kinds("中文，（好）");
  CHECK(b[0] == BreakKind::Never);
  CHECK(b[1] == BreakKind::Allowed);     // 中|文
  CHECK(b[2] == BreakKind::LastResort);  // 文|，
  CHECK(b[3] == BreakKind::Allowed);     // ，|（
  CHECK(b[4] == BreakKind::LastResort);  // （|好
  CHECK(b[5] == BreakKind::LastResort);  // 好|）
}

TEST_CASE("inside a token only the emergency joints remain") {
  auto b = kinds("a.b@c/d-e");
  CHECK(b[1] == BreakKind::LastResort);  // a|. : '.' may not start a line
  CHECK(b[2] == BreakKind::TokenJoint);  // .|b
  CHECK(b[3] == BreakKind::Character);   // b|@
  CHECK(b[4] == BreakKind::TokenJoint);  // @|c
  CHECK(b[6] == BreakKind::TokenJoint);  // /|d
  CHECK(b[8] == BreakKind::TokenJoint);  // -|e
}

TEST_CASE("a number keeps its unit, and a magnitude the unit after it") {
  auto b = kinds("共2019年3.2亿元整");
  CHECK(b[1] == BreakKind::Allowed);     // 共|2
  CHECK(b[5] == BreakKind::Character);   // 9|年
  CHECK(b[6] == BreakKind::Allowed);     // 年|3
  CHECK(b[9] == BreakKind::Character);   // 2|亿
  CHECK(b[10] == BreakKind::Character);  // 亿|元
  CHECK(b[11] == BreakKind::Allowed);    // 元|整
}

TEST_CASE("never inside a character cluster") {
  auto b = kinds("e\u0301\u4e00\U0001F469\u200D\U0001F4BB");
  CHECK(b[1] == BreakKind::Never);  // before the combining acute
  CHECK(b[4] == BreakKind::Never);  // before ZWJ
  CHECK(b[5] == BreakKind::Never);  // after ZWJ
}
