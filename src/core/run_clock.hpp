// The time a run stamps its work with. Only the app reads the system clock's setting and
// SOURCE_DATE_EPOCH (app/run_clock_from_environment); everything below takes a RunClock, so a
// test or the server decides what "now" is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tuijie {

struct RunClock {
  /// Seconds since 1970 that every stamp of the run uses (SOURCE_DATE_EPOCH, or a test's
  /// fixed day); nullopt: the system clock, read at each stamp.
  std::optional<std::int64_t> fixed;

  std::int64_t seconds() const;
  /// "2020-06-30T00:00:00Z".
  std::string iso8601() const;
  /// "2020-06-30", in UTC.
  std::string today() const;
  /// True when the run's dates are fixed, so that what it prints is reproducible.
  bool reproducible() const { return fixed.has_value(); }
};

/// "2020-06-30T00:00:00Z" for seconds since 1970.
std::string iso8601_utc(std::int64_t epoch_seconds);

}  // namespace tuijie
