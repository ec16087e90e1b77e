// Which language tuijie speaks: --lang, the `lang` setting, else the locale variables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tuijie::app {

/// "zh", "zh_CN.UTF-8", "zh-TW" -> Chinese; "en", "en_US" -> English; anything else: none.
std::optional<Lang> parse_lang(std::string_view text);

/// The language of a locale as POSIX picks it: the first set of LC_ALL, LC_MESSAGES, LANG.
/// Chinese for zh*, English otherwise (including C and POSIX). Null pointers count as unset.
Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

/// lang_from_locale() on this process's environment.
Lang lang_from_environment();

/// The text for the language.
inline std::string tr(Lang lang, std::string_view zh, std::string_view en) {
  return std::string(lang == Lang::Zh ? zh : en);
}

}  // namespace tuijie::app
