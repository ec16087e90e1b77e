// Diagnostics as every command prints them: each part escaped, the value cut, so that a bad
// value can neither steer the terminal nor flood it.
#include <catch2/catch.hpp>

#include "support/terminal_safe.hpp"

#include <unicode/utf8.h>

#include "core/diagnostic.hpp"
#include "support/hostile_values.hpp"

using namespace tuijie;
namespace t = tuijie::testing;

namespace {}  // namespace

TEST_CASE("every part of a diagnostic with generated hostile text prints terminal-safe") {
  const auto values = t::hostile_values(2000, 3);
  for (std::size_t i = 0; i + 4 < values.size(); i += 5) {
    Diagnostic d = make_error("bad-value", "值不对" + values[i], "bad value" + values[i + 1],
                              "in" + values[i + 2] + ".csv", values[i + 3]);
    d.row = 7;
    d.column = 3;
    d.column_name = values[i + 4];
    d.record = values[i];
    d.sheet = values[i + 1];
    for (const std::string& line : {d.format(Lang::Zh), d.format(Lang::En), d.format_bilingual(),
                                    std::string(TuijieError(d).what())}) {
      INFO(line);
      CHECK(tuijie::testing::terminal_safe(line));
    }
  }
}

TEST_CASE("an ESC sequence in a value and a file name is shown escaped, and stays in the field") {
  Diagnostic d = make_error("bad-email", "电子邮箱格式不正确", "invalid e-mail",
                            "evil\x1b]0;pwned\x07.csv", "\x1b[2J\x1b[Hx@y");
  d.row = 2;
  d.column = 17;
  const std::string en = d.format(Lang::En);
  CHECK(en == "error: evil\\x1b]0;pwned\\x07.csv:2:17 value '\\x1b[2J\\x1b[Hx@y' — invalid e-mail");
  CHECK(d.value == "\x1b[2J\x1b[Hx@y");  // the data itself is untouched
}

TEST_CASE("a 30 MB value prints as 80 characters and its length in both languages") {
  const std::string huge = "\"" + std::string(30 * 1024 * 1024, 'x');
  Diagnostic d = make_error("csv-unclosed-quote", "引号未闭合：" + huge, "unclosed quote: " + huge,
                            "big.csv", huge);
  d.row = 2;
  const std::string total = std::to_string(huge.size());
  const std::string en = d.format(Lang::En);
  const std::string zh = d.format(Lang::Zh);
  const std::string both = d.format_bilingual();
  CHECK(en.size() < 2000);
  CHECK(zh.size() < 2000);
  CHECK(both.size() < 4000);
  CHECK(en.find("'\"" + std::string(79, 'x') + "… (" + total + " characters in all)'") !=
        std::string::npos);
  CHECK(zh.find("“\"" + std::string(79, 'x') + "…（共 " + total + " 个字符）”") !=
        std::string::npos);
  CHECK(both.find(total + " 个字符 / " + total + " characters in all") != std::string::npos);
}
