// Paragraph layout beyond line breaking: fonts chosen per character, missing characters,
// alignment, justification, line metrics.

#include <catch2/catch.hpp>

#include <thread>

#include "text/paragraph.hpp"
#include "text_test_support.hpp"

using namespace tuijie::text;
using namespace tuijie::text::testing;

namespace {

std::string family_of(const ParagraphLayout& layout, char32_t c) {
  for (const auto& line : layout.lines) {
    for (const auto& run : line.runs) {
      if (run.text.find(c) != std::u32string::npos) {
        return run.face->family_name();
      }
    }
  }
  return "";
}

double run_advance(const tuijie::page::GlyphRun& run) {
  double w = 0;
  for (uint32_t g : run.glyphs) {
    w += run.face->advance_pt(g, run.size);
  }
  return w;
}

const std::string kReport =
    "本公司成立于2019年6月，注册资本3.2亿元，主营业务包括软件开发、信息技术咨询与系统集成。"
    "近三年营业收入年均增长12.6%，研发投入占比35%，拥有发明专利27项，通过ISO 27001认证。"
    "联系电话：022-58665632，电子邮箱：contact@example.com.cn。";

}  // namespace

TEST_CASE("digits fall back to DejaVu Sans when the chain starts with Droid Sans Fallback") {
  TextStyle style = song();
  style.chain = peer_fonts().chain("song");
  auto layout = layout_paragraph("电话022-58665632", style, 400);
  CHECK(family_of(layout, U'电') == "Droid Sans Fallback");
  CHECK(family_of(layout, U'0') == "DejaVu Sans");
  CHECK(family_of(layout, U'-') == "DejaVu Sans");
  REQUIRE(layout.lines.size() == 1);
  CHECK(layout.lines[0].runs.size() == 2);  // a run per face
  CHECK(layout.missing.empty());
}

TEST_CASE("rare characters come from the fallback faces of the chain") {
  auto layout = layout_paragraph("吉𠮷䶮\U0002000E\u332C☑☐", song(), 400);
  CHECK(family_of(layout, U'吉') == "Noto Serif CJK SC");
  CHECK(family_of(layout, U'\U00020BB7') == "Noto Serif CJK SC");  // 𠮷: Noto has it
  CHECK(family_of(layout, U'\u4DAE') == "Noto Serif CJK SC");      // 䶮: Noto has it
  CHECK(family_of(layout, U'\U0002000E') == "LXGW WenKai");        // 𠀎, Extension B
  CHECK(family_of(layout, U'\u332C') == "HanaMinA");               // ㌬, not in Noto or WenKai
  CHECK(family_of(layout, U'\u2611') == "DejaVu Sans");      // ☑
  CHECK(family_of(layout, U'\u2610') == "DejaVu Sans");      // ☐
  TextStyle hei = song();
  hei.chain = project_fonts().chain("hei");
  // WenQuanYi has no 䶮; LXGW WenKai, first of the fallbacks with it, draws it.
  CHECK(family_of(layout_paragraph("䶮", hei, 400), U'\u4DAE') == "LXGW WenKai");
  CHECK(family_of(layout_paragraph("𠀁", hei, 400), U'\U00020001') == "HanaMinB");
}

TEST_CASE("characters no face has are reported once and not drawn") {
  auto layout = layout_paragraph("一\U0010FFFD二\u0378三\U0010FFFD\u200B", song(), 400);
  CHECK(layout.missing == U"\U0010FFFD\u0378");  // private use, unassigned; ZWSP is ignorable
  REQUIRE(layout.lines.size() == 1);
  std::u32string drawn;
  for (const auto& run : layout.lines[0].runs) {
    drawn += run.text;
  }
  CHECK(drawn.find(U'\U0010FFFD') == std::u32string::npos);
  CHECK(drawn.find(U'\u0378') == std::u32string::npos);
  CHECK(layout.lines[0].text == U"一\U0010FFFD二\u0378三\U0010FFFD\u200B");
  CHECK(layout.lines[0].width == Approx(30));
}

TEST_CASE("justified lines fill the width exactly, except the last and those ending in a newline") {
  const double width = 157.3;
  auto layout = layout_paragraph(kReport + "\n短行\n" + kReport, song(Align::Justify), width);
  REQUIRE(layout.lines.size() > 6);
  int justified = 0;
  for (std::size_t l = 0; l < layout.lines.size(); ++l) {
    const LaidLine& line = layout.lines[l];
    INFO("line " << l << ": " << utf8(line.text));
    const bool ends_paragraph = l + 1 == layout.lines.size() || utf8(line.text) == "短行" ||
                                utf8(layout.lines[l + 1].text) == "短行";
    if (ends_paragraph) {
      CHECK(ink_right(line) == Approx(line.width).margin(0.01));
    } else {
      CHECK(ink_right(line) == Approx(width).margin(0.01));
      ++justified;
    }
  }
  CHECK(justified >= 4);
}

TEST_CASE("justification stretches gaps between ideographs, not inside Latin words") {
  auto layout =
      layout_paragraph("采用ISO 27001标准管理信息安全，通过认证。", song(Align::Justify), 105);
  REQUIRE(layout.lines.size() >= 2);
  // The serif draws its own Latin letters, so a run may hold ideographs and Latin: the gap
  // inside a run is its char spacing, and no run with two Latin letters side by side has any.
  int latin_pairs = 0;
  for (const auto& line : layout.lines) {
    for (const auto& run : line.runs) {
      for (std::size_t k = 0; k + 1 < run.text.size(); ++k) {
        const bool pair = run.text[k] < 0x80 && run.text[k] != U' ' && run.text[k + 1] < 0x80 &&
                          run.text[k + 1] != U' ';
        if (pair) {
          INFO(utf8(run.text));
          CHECK(run.char_spacing == 0);
          ++latin_pairs;
        }
      }
    }
  }
  CHECK(latin_pairs >= 5);  // I-S, S-O, 2-7, 7-0, 0-0, 0-1, wherever the lines break
}

TEST_CASE("runs are placed one after the other and carry the text they draw") {
  auto layout = layout_paragraph(kReport, song(), 200);
  for (const auto& line : layout.lines) {
    double x = 0;
    std::u32string drawn;
    for (const auto& run : line.runs) {
      CHECK(run.x == Approx(x));
      CHECK(run.text.size() == run.glyphs.size());
      CHECK(run.y == 0);
      CHECK(run.size == 10);
      x = run.x + run_advance(run);
      drawn += run.text;
    }
    CHECK(drawn == line.text);
    CHECK(x == Approx(line.width));
  }
}

TEST_CASE("left, centre and right alignment place the line in the width") {
  const double width = 100;
  auto left = layout_paragraph("一二三", song(Align::Left), width);
  auto center = layout_paragraph("一二三", song(Align::Center), width);
  auto right = layout_paragraph("一二三", song(Align::Right), width);
  CHECK(left.lines[0].runs[0].x == Approx(0));
  CHECK(center.lines[0].runs[0].x == Approx(35));
  CHECK(right.lines[0].runs[0].x == Approx(70));
  CHECK(ink_right(right.lines[0]) == Approx(width));
  // A single justified line is the last line: set flush left.
  CHECK(layout_paragraph("一二三", song(Align::Justify), width).lines[0].runs[0].x == 0);
}

TEST_CASE("line boxes are size × leading high with the baseline placed for CJK") {
  TextStyle style = song(Align::Left, 12);
  style.leading = 1.5;
  auto layout = layout_paragraph("一二三四五六七八九十", style, 60);
  REQUIRE(layout.lines.size() == 2);
  for (const auto& line : layout.lines) {
    CHECK(line.height == Approx(18));
    CHECK(line.ascent == Approx(3 + 0.88 * 12));
  }
  CHECK(layout.height == Approx(36));
  CHECK(layout.max_width == Approx(60));
}

TEST_CASE("only a single character wider than the width makes the paragraph overfull") {
  auto tight = layout_paragraph("一二三", song(), 5);
  CHECK(tight.overfull);
  CHECK(line_texts(tight) == std::vector<std::string>{"一", "二", "三"});
  CHECK_FALSE(layout_paragraph("zhang.san@example.com.cn", song(), 20).overfull);
}

TEST_CASE("measure gives the unbroken width") {
  CHECK(measure("一二三", song()) == Approx(30));
  CHECK(measure("一二\n三", song()) == Approx(30));
  CHECK(measure(kReport, song()) == Approx(layout_paragraph(kReport, song(), 1e6).lines[0].width));
  CHECK(measure("", song()) == 0);
}

TEST_CASE("ill-formed UTF-8, tabs and control characters do no harm") {
  auto layout = layout_paragraph("\xff一\t二\x01\xe4\xb8", song(), 400);
  REQUIRE(layout.lines.size() == 1);
  CHECK(layout.lines[0].text == U"\uFFFD一 二\u0001\uFFFD");
  CHECK(layout.missing.find(U'\u0001') == std::u32string::npos);
}

TEST_CASE("layout from several threads gives the same lines", "[threads]") {
  const auto expected = line_texts(layout_paragraph(kReport + kReport, song(), 123));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        got[t] = line_texts(layout_paragraph(kReport + kReport, song(), 123));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& lines : got) {
    CHECK(lines == expected);
  }
}
