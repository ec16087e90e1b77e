// Not run by ctest (hidden tag): `test_text "[.speed]"` prints how long layout takes.

#include <catch2/catch.hpp>

#include <ctime>
#include <iostream>

#include "text/paragraph.hpp"
#include "text_test_support.hpp"

using namespace tuijie::text;
using namespace tuijie::text::testing;

TEST_CASE("layout speed of a 400-character paragraph", "[.speed]") {
  const std::string sentence =
      "本公司成立于2019年6月，注册资本3.2亿元，主营业务包括软件开发、信息技术咨询与系统集成。"
      "近三年营业收入年均增长12.6%，研发投入占比35%，拥有发明专利27项，通过ISO 27001认证。";
  std::string text;
  while (utf32(text).size() < 400) {
    text += sentence;
  }
  text = utf8(utf32(text).substr(0, 400));
  for (const auto& [name, set] :
       {std::pair{"fonts.xml", &project_fonts()}, std::pair{"peers.xml", &peer_fonts()}}) {
    TextStyle style = song(Align::Justify, 10.5);
    style.chain = set->chain("song");
    for (double width : {120.0, 420.0}) {
      const int rounds = 5000;
      std::size_t lines = 0;
      // Processor time, not wall time: the build machine is shared.
      const std::clock_t start = std::clock();
      for (int i = 0; i < rounds; ++i) {
        lines += layout_paragraph(text, style, width).lines.size();
      }
      const std::clock_t stop = std::clock();
      std::cout << name << ", width " << width << " pt (" << lines / rounds
                << " lines): " << 1e6 * static_cast<double>(stop - start) / CLOCKS_PER_SEC / rounds
                << " µs of processor time per 400 characters\n";
    }
  }
}
