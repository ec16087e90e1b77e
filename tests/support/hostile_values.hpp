// Generated hostile values for the CSV writer and the message sanitiser: random joins of the
// pieces that spreadsheets and terminals react to, with ordinary text between them.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace tuijie::testing {

/// `count` values of 0 to `max_pieces` pieces each, the same for the same seed.
inline std::vector<std::string> hostile_values(std::size_t count, unsigned seed,
                                               std::size_t max_pieces = 8) {
  static const std::vector<std::string> pieces = {"=",
                                                  "+",
                                                  "-",
                                                  "@",
                                                  "\t",
                                                  "\r",
                                                  "\n",
                                                  "\"",
                                                  ",",
                                                  "'",
                                                  " ",
                                                  "0",
                                                  "1",
                                                  "7",
                                                  ".",
                                                  "e",
                                                  "张",
                                                  "𠮷",
                                                  "＝",
                                                  "－",
                                                  "＋",
                                                  "＠",
                                                  "\x1b[2J",
                                                  "\x1b]0;pwned\x07",
                                                  "A1",
                                                  "SUM(",
                                                  ")",
                                                  "cmd|' /C calc'!A0",
                                                  "HYPERLINK(\"http://x\",\"y\")",
                                                  "\xC2\x9B",
                                                  "\xE2\x80\xAE",
                                                  "DDE(",
                                                  "\x7f",
                                                  "企业名称"};
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> length(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < count; ++i) {
    std::string value;
    for (std::size_t n = length(random); n > 0; --n)
      value += pieces[pick(random)];
    values.push_back(value);
  }
  return values;
}

}  // namespace tuijie::testing
