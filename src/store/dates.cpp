#include "store/dates.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <charconv>
#include <cstdlib>
#include <regex>

#include "core/diagnostic.hpp"

namespace tuijie::store {

bool is_iso_date(const std::string& text) {
  static const std::regex shape(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))");
  std::smatch m;
  if (!std::regex_match(text, m, shape)) {
    return false;
  }
  return Poco::DateTime::isValid(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
}

std::int64_t run_epoch_seconds() {
  const char* fixed = std::getenv("SOURCE_DATE_EPOCH");
  if (fixed == nullptr || *fixed == '\0') {
    return Poco::Timestamp().epochTime();
  }
  const std::string text(fixed);
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) {
    throw TuijieError(
        make_error("bad-source-date-epoch", "环境变量 SOURCE_DATE_EPOCH 应为自 1970 年起的秒数",
                   "SOURCE_DATE_EPOCH must be a count of seconds since 1970", "", text));
  }
  return seconds;
}

std::string iso8601_utc(std::int64_t epoch_seconds) {
  const Poco::Timestamp at =
      Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(epoch_seconds));
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace tuijie::store
