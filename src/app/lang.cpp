#include "app/lang.hpp"

#include <cstdlib>

namespace tuijie::app {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text.starts_with("zh")) {
    return Lang::Zh;
  }
  if (text.starts_with("en")) {
    return Lang::En;
  }
  return std::nullopt;
}

Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value != nullptr && *value != '\0') {
      return std::string_view(value).starts_with("zh") ? Lang::Zh : Lang::En;
    }
  }
  return Lang::En;
}

Lang lang_from_environment() {
  return lang_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

}  // namespace tuijie::app
