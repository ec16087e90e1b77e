#include "app/run_clock_from_environment.hpp"

#include <charconv>
#include <cstdlib>
#include <string>

#include "core/diagnostic.hpp"

namespace tuijie::app {

RunClock run_clock_from_environment() {
  const char* fixed = std::getenv("SOURCE_DATE_EPOCH");
  if (fixed == nullptr || *fixed == '\0')
    return {};
  const std::string text(fixed);
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) {
    throw TuijieError(make_error(Category::Usage, "bad-source-date-epoch",
                                 "环境变量 SOURCE_DATE_EPOCH 应为自 1970 年起的秒数",
                                 "SOURCE_DATE_EPOCH must be a count of seconds since 1970", "",
                                 text));
  }
  return RunClock{seconds};
}

}  // namespace tuijie::app
