#include "pdf/cid_tables.hpp"

#include <catch2/catch.hpp>

#include <string>

using tuijie::pdf::build_cid_widths;
using tuijie::pdf::build_to_unicode_cmap;

namespace {

// Occurrences of `word` in `text`, after the code space range when it is a mapping.
size_t count(std::string text, const std::string& word) {
  if (word == "> <") {
    text = text.substr(text.find("endcodespacerange"));
  }
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("ToUnicode entries are UTF-16BE, with surrogate pairs above U+FFFF") {
  std::string cmap = build_to_unicode_cmap({{3, U'中'}, {1, U'A'}, {2, U'\U00020BB7'}});
  CHECK(cmap.find("<0001> <0041>\n<0002> <D842DFB7>\n<0003> <4E2D>\n") != std::string::npos);
  CHECK(count(cmap, "beginbfchar") == 1);
  CHECK(cmap.find("begincodespacerange\n<0000> <FFFF>") != std::string::npos);
}

TEST_CASE("ToUnicode bfchar blocks hold at most 100 entries") {
  std::vector<std::pair<uint16_t, char32_t>> map;
  for (uint16_t code = 1; code <= 250; ++code) {
    map.emplace_back(code, U'\u4E00' + code);
  }
  std::string cmap = build_to_unicode_cmap(map);
  CHECK(count(cmap, "beginbfchar") == 3);
  CHECK(cmap.find("100 beginbfchar") != std::string::npos);
  CHECK(cmap.find("50 beginbfchar") != std::string::npos);
  CHECK(count(cmap, "> <") == 250);
}

TEST_CASE("ToUnicode leaves out codes without a character") {
  std::string cmap = build_to_unicode_cmap({{1, 0}, {2, 0xD800}, {3, 0x110000}, {4, U'a'}});
  CHECK(count(cmap, "> <") == 1);
  CHECK(cmap.find("<0004> <0061>") != std::string::npos);
}

TEST_CASE("widths: the most common width is DW and W lists the others in runs") {
  auto widths = build_cid_widths({{5, 1000}, {1, 500}, {2, 600}, {3, 1000}, {7, 250.5}, {4, 1000}});
  CHECK(widths.default_width == 1000);
  REQUIRE(widths.runs.size() == 2);
  CHECK(widths.runs[0].first == 1);
  CHECK(widths.runs[0].second == std::vector<double>{500, 600});
  CHECK(widths.runs[1].first == 7);
  CHECK(widths.runs[1].second == std::vector<double>{250.5});
}

TEST_CASE("widths: DW is a whole number, which poppler requires") {
  auto widths = build_cid_widths({{1, 634.75}, {2, 634.75}, {3, 600}, {4, 634.75}});
  CHECK(widths.default_width == 600);
  REQUIRE(widths.runs.size() == 2);
  CHECK(widths.runs[0] == std::pair<uint16_t, std::vector<double>>{1, {634.75, 634.75}});
  CHECK(widths.runs[1] == std::pair<uint16_t, std::vector<double>>{4, {634.75}});

  auto fractional = build_cid_widths({{1, 634.75}, {2, 317.875}});
  CHECK(fractional.default_width == 1000);
  REQUIRE(fractional.runs.size() == 1);
  CHECK(fractional.runs[0].second.size() == 2);
}
