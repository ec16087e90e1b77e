// The line-breaking rules of documents.md ("Chinese line breaking"), on narrow columns that
// force a break next to the character under test (as typst's CJK tests use 50 pt pages).

#include <catch2/catch.hpp>

#include <cstdint>

#include "text/paragraph.hpp"
#include "text_test_support.hpp"

using namespace tuijie::text;
using namespace tuijie::text::testing;

namespace {

// documents.md, verbatim.
const std::u32string kNoStart = U"，。、；：？！）》」』】〕〗〉”’…—·%‰℃,.;:?!)]}%";
const std::u32string kNoEnd = U"（《「『【〔〖〈“‘￥$#([{";

// Ten ideographs of one em each: at 10 pt in a 50 pt column, five to a line.
const std::u32string kIdeographs = U"一二三四五六七八九十";

void check_no_line_starts_or_ends_badly(const ParagraphLayout& layout) {
  for (std::size_t l = 0; l < layout.lines.size(); ++l) {
    const std::u32string& text = layout.lines[l].text;
    INFO("line " << l << ": " << utf8(text));
    REQUIRE(!text.empty());
    if (l > 0) {
      CHECK(kNoStart.find(text.front()) == std::u32string::npos);
    }
    if (l + 1 < layout.lines.size()) {
      CHECK(kNoEnd.find(text.back()) == std::u32string::npos);
    }
  }
}

// True when `token` lies whole within one line.
bool on_one_line(const ParagraphLayout& layout, const std::string& token) {
  for (const auto& line : line_texts(layout)) {
    if (line.find(token) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("no line starts with a character that may not start a line") {
  for (char32_t mark : kNoStart) {
    for (std::size_t before = 1; before <= 7; ++before) {
      // The mark falls where a line would naturally start (after 5 ideographs) or nearby.
      std::u32string text = kIdeographs.substr(0, before) + mark + kIdeographs;
      INFO("text: " << utf8(text));
      auto layout = layout_paragraph(utf8(text), song(), 50);
      REQUIRE(layout.lines.size() >= 2);
      CHECK(joined(layout) == utf8(text));
      CHECK_FALSE(layout.overfull);
      check_no_line_starts_or_ends_badly(layout);
    }
  }
}

TEST_CASE("a mark that may not start a line pulls the character before it down") {
  auto layout = layout_paragraph("一二三四五。六七八", song(), 50);
  CHECK(line_texts(layout) == std::vector<std::string>{"一二三四", "五。六七八"});
}

TEST_CASE("no line ends with a character that may not end a line") {
  for (char32_t mark : kNoEnd) {
    for (std::size_t before = 3; before <= 7; ++before) {
      std::u32string text = kIdeographs.substr(0, before) + mark + kIdeographs;
      INFO("text: " << utf8(text));
      auto layout = layout_paragraph(utf8(text), song(), 50);
      REQUIRE(layout.lines.size() >= 2);
      CHECK(joined(layout) == utf8(text));
      check_no_line_starts_or_ends_badly(layout);
    }
  }
}

TEST_CASE("an opening mark goes down with the character after it") {
  auto layout = layout_paragraph("一二三四（五）六七", song(), 50);
  CHECK(line_texts(layout) == std::vector<std::string>{"一二三四", "（五）六七"});
}

TEST_CASE("…… and —— are never split") {
  for (const std::string pair : {"……", "——"}) {
    for (std::size_t before = 1; before <= 8; ++before) {
      std::string text = utf8(kIdeographs.substr(0, before)) + pair + utf8(kIdeographs);
      INFO("text: " << text);
      auto layout = layout_paragraph(text, song(), 50);
      CHECK(joined(layout) == text);
      CHECK(on_one_line(layout, pair));
    }
  }
}

TEST_CASE("Chinese quotation marks break on their outer side only") {
  // ICU 72 glues quotation marks to both neighbours; documents.md only forbids “ at a line
  // end and ” at a line start.
  auto layout = layout_paragraph("一二三四“五六七”八九", song(), 50);
  CHECK(line_texts(layout) == std::vector<std::string>{"一二三四", "“五六七”", "八九"});
}

TEST_CASE("e-mail addresses, phone numbers, dates, URLs and numbers with units stay whole") {
  const std::vector<std::string> tokens = {
      "zhang.san@example.com.cn",
      "022-58665632",
      "86-10-65978801-333",
      "2020-06-12",
      "2020/06/12",
      "12.6%",
      "35%",
      "2019年",
      "3.2亿元",
      "www.example.gov.cn/a/b",
      "ISO/IEC",
      "42 mm",
  };
  for (const auto& token : tokens) {
    // Every position of the token across a line end, in a column that holds the token.
    for (std::size_t before = 0; before <= 14; ++before) {
      std::string text = "申报" + utf8(kIdeographs.substr(0, before % 10)) + token + "，通知如下。";
      INFO("text: " << text);
      auto layout = layout_paragraph(text, song(), 150);
      CHECK(on_one_line(layout, token));
      CHECK(joined(layout) == text);
    }
  }
}

TEST_CASE("a Latin phrase may break at its spaces but not inside its words") {
  auto layout = layout_paragraph("通过ISO 27001认证的企业", song(), 40);
  std::vector<std::string> lines = line_texts(layout);
  CHECK(on_one_line(layout, "27001"));
  CHECK(on_one_line(layout, "ISO"));
  for (const auto& line : lines) {
    CHECK(line.back() != ' ');  // the space is dropped at a break
  }
}

TEST_CASE("a URL wider than the line breaks after / . @ before anywhere else") {
  const std::string url = "https://www.example.gov.cn/notices/2020/recommendation.html";
  // 120 pt holds its longest piece between break opportunities ("recommendation.").
  auto layout = layout_paragraph(url, song(), 120);
  REQUIRE(layout.lines.size() >= 2);
  CHECK(joined(layout) == url);
  CHECK_FALSE(layout.overfull);
  for (std::size_t l = 0; l + 1 < layout.lines.size(); ++l) {
    const std::string line = utf8(layout.lines[l].text);
    INFO(line);
    CHECK(std::string("/.@").find(line.back()) != std::string::npos);
  }
}

TEST_CASE("text with no break opportunity at all still fits the width, character by character") {
  const std::string word = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
  auto layout = layout_paragraph(word, song(), 30);
  CHECK(joined(layout) == word);
  CHECK_FALSE(layout.overfull);
  for (const auto& line : layout.lines) {
    CHECK(line.width <= 30 + 1e-9);
  }
}

TEST_CASE("mixed Chinese and Latin text keeps its order") {
  const std::string text = "第1批：Alpha公司（北京）与Beta Ltd.共同申报，金额3.2亿元，占比12.6%。";
  for (double width : {40.0, 55.0, 70.0, 120.0, 400.0}) {
    auto layout = layout_paragraph(text, song(), width);
    std::string expected;
    for (char c : text) {
      if (c != ' ') {
        expected += c;
      }
    }
    std::string got;
    for (char c : joined(layout)) {
      if (c != ' ') {
        got += c;
      }
    }
    CHECK(got == expected);
  }
}

TEST_CASE("a line break in the text forces a new line") {
  CHECK(line_texts(layout_paragraph("一二\n三", song(), 200)) ==
        std::vector<std::string>{"一二", "三"});
  CHECK(line_texts(layout_paragraph("一二\r\n三\r四", song(), 200)) ==
        std::vector<std::string>{"一二", "三", "四"});
  CHECK(line_texts(layout_paragraph("一\n\n二\n", song(), 200)) ==
        std::vector<std::string>{"一", "", "二"});
  CHECK(layout_paragraph("", song(), 200).lines.empty());
  auto blank = layout_paragraph("一\n\n二", song(), 200);
  CHECK(blank.height == Approx(3 * 10 * 1.4));
}

TEST_CASE("random Chinese text with punctuation never breaks a rule and loses nothing") {
  // Deterministic: a fixed-seed generator and its raw output, no library distributions.
  uint32_t state = 20200612;
  auto next = [&state](uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  const std::u32string ideographs = U"推荐企业基本信息表申报单位名称地址联系人电话邮箱年月日";
  const std::u32string latin = U"AZaz0189";
  const std::vector<std::u32string> marks = {
      U"，", U"。", U"、", U"；", U"：", U"？", U"！", U"）", U"》", U"」", U"』", U"】",
      U"〕", U"〗", U"〉", U"”",  U"’",  U"……", U"——", U"·",  U"%",  U"‰",  U"℃",  U",",
      U".",  U";",  U":",  U"?",  U"!",  U")",  U"]",  U"}",  U"（", U"《", U"「", U"『",
      U"【", U"〔", U"〖", U"〈", U"“",  U"‘",  U"￥", U"$",  U"#",  U"(",  U"[",  U"{"};
  for (int round = 0; round < 400; ++round) {
    std::u32string text;
    const uint32_t length = 5 + next(80);
    int marks_in_a_row = 0;
    while (text.size() < length) {
      const uint32_t pick = next(10);
      if (pick < 6) {
        text += ideographs[next(static_cast<uint32_t>(ideographs.size()))];
        marks_in_a_row = 0;
      } else if (pick < 8) {
        text += latin[next(static_cast<uint32_t>(latin.size()))];
        marks_in_a_row = 0;
      } else if (marks_in_a_row < 1) {  // at most one mark (or …… / ——) in a row
        text += marks[next(static_cast<uint32_t>(marks.size()))];
        ++marks_in_a_row;
      }
    }
    // Wide enough for the longest piece the rules glue together: an opening mark, a
    // character, a closing pair (……) and the next character.
    const double width = 60 + next(200);
    const std::string source = utf8(text);
    INFO("text: " << source << " width " << width);
    auto layout = layout_paragraph(source, song(), width);
    CHECK(joined(layout) == source);
    CHECK_FALSE(layout.overfull);
    check_no_line_starts_or_ends_badly(layout);
    for (const auto& line : layout.lines) {
      CHECK(line.width <= width + 1e-6);
    }
  }
}
