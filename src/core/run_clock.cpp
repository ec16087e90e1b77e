#include "core/run_clock.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <ctime>

namespace tuijie {

std::int64_t RunClock::seconds() const {
  return fixed ? *fixed : static_cast<std::int64_t>(Poco::Timestamp().epochTime());
}

std::string RunClock::iso8601() const {
  return iso8601_utc(seconds());
}

std::string RunClock::today() const {
  return iso8601().substr(0, 10);
}

std::string iso8601_utc(std::int64_t epoch_seconds) {
  const Poco::Timestamp at =
      Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(epoch_seconds));
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace tuijie
