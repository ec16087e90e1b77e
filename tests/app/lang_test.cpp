#include "app/lang.hpp"

#include <catch2/catch.hpp>

using tuijie::Lang;
using tuijie::app::lang_from_locale;
using tuijie::app::parse_lang;

TEST_CASE("the language option accepts zh and en spellings, nothing else") {
  CHECK(parse_lang("zh") == Lang::Zh);
  CHECK(parse_lang("zh_CN.UTF-8") == Lang::Zh);
  CHECK(parse_lang("en") == Lang::En);
  CHECK(parse_lang("en_GB") == Lang::En);
  CHECK_FALSE(parse_lang("fr").has_value());
  CHECK_FALSE(parse_lang("").has_value());
}

TEST_CASE("the locale decides as POSIX does: LC_ALL, then LC_MESSAGES, then LANG") {
  CHECK(lang_from_locale(nullptr, nullptr, "zh_CN.UTF-8") == Lang::Zh);
  CHECK(lang_from_locale(nullptr, nullptr, "en_US.UTF-8") == Lang::En);
  CHECK(lang_from_locale("C", nullptr, "zh_CN.UTF-8") == Lang::En);
  CHECK(lang_from_locale("", "zh_TW.UTF-8", "en_US.UTF-8") == Lang::Zh);
  CHECK(lang_from_locale("zh_CN.GB18030", "en_US", "en_US") == Lang::Zh);
  CHECK(lang_from_locale(nullptr, nullptr, nullptr) == Lang::En);
  CHECK(lang_from_locale("POSIX", nullptr, nullptr) == Lang::En);
}
