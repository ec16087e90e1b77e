// The term list (data/reference/terms.json): no line breaks inside a listed word unless the
// word alone is wider than the line.

#include "text/unbroken_terms.hpp"

#include <catch2/catch.hpp>

#include "text/paragraph.hpp"
#include "text_test_support.hpp"

using namespace tuijie::text;
using namespace tuijie::text::testing;

namespace {

// Where the lines of `text` break at every width from `from` to `to` characters of 10 pt.
std::vector<std::vector<std::string>> lines_at_widths(const std::string& text,
                                                      const UnbrokenTerms* terms, int from,
                                                      int to) {
  std::vector<std::vector<std::string>> out;
  for (int chars = from; chars <= to; ++chars) {
    TextStyle style = song();
    style.terms = terms;
    out.push_back(line_texts(layout_paragraph(text, style, chars * 10.0 + 0.5)));
  }
  return out;
}

bool breaks_inside(const std::vector<std::string>& lines, const std::string& term) {
  const std::u32string whole = utf32(term);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::u32string a = utf32(lines[i]), b = utf32(lines[i + 1]);
    for (size_t cut = 1; cut < whole.size(); ++cut) {
      if (a.size() >= cut && b.size() >= whole.size() - cut &&
          a.compare(a.size() - cut, cut, whole, 0, cut) == 0 &&
          b.compare(0, whole.size() - cut, whole, cut) == 0)
        return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("a listed term never breaks across lines, at any width") {
  const std::string text =
      "天津市商务局推荐的服务外包企业人均业务收入为三十五万元以上，符合推介标准。";
  const UnbrokenTerms terms({"服务外包", "商务局", "人均", "万元", "推介标准", "业务收入"});
  bool without_list_splits = false;
  for (const auto& lines : lines_at_widths(text, nullptr, 3, 20)) {
    for (const char* term : {"服务外包", "商务局", "人均", "万元", "推介标准", "业务收入"})
      without_list_splits = without_list_splits || breaks_inside(lines, term);
  }
  // Without the list ICU's breaks (and plain ideograph breaks) split some of them.
  CHECK(without_list_splits);
  // From five characters: the longest term and the full stop that may not start a line.
  for (const auto& lines : lines_at_widths(text, &terms, 5, 20)) {
    INFO(joined(layout_paragraph(text, song(), 100)));
    for (const char* term : {"服务外包", "商务局", "人均", "万元", "推介标准", "业务收入"}) {
      INFO(term);
      CHECK_FALSE(breaks_inside(lines, term));
    }
  }
}

TEST_CASE("a term wider than its line still breaks, as a last resort") {
  const UnbrokenTerms terms({"统一社会信用代码"});
  TextStyle style = song();
  style.terms = &terms;
  const ParagraphLayout laid = layout_paragraph("统一社会信用代码", style, 40.5);
  CHECK(laid.lines.size() == 2);
  CHECK(laid.compromised);
}

TEST_CASE("the term list ignores single characters and counts each term once") {
  const UnbrokenTerms terms({"推介", "推介", "", "局", "推介标准"});
  CHECK(terms.size() == 2);
}
