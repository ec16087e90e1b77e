// Dates and times as the workspace stores them: ISO 8601 text, UTC, reproducible.
#pragma once

#include <cstdint>
#include <string>

namespace tuijie::store {

/// True for a real calendar date written "YYYY-MM-DD" (2020-02-30 is false).
bool is_iso_date(const std::string& text);

/// Seconds since 1970 to stamp this run with: SOURCE_DATE_EPOCH when set (so that tests and
/// reproducible builds get the same output), else the clock. Throws TuijieError
/// "bad-source-date-epoch" when the variable is set but is not a non-negative integer.
std::int64_t run_epoch_seconds();

/// "2020-06-30T00:00:00Z".
std::string iso8601_utc(std::int64_t epoch_seconds);

}  // namespace tuijie::store
