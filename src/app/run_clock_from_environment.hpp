// The only place that reads the run's time from the process's surroundings: the system clock,
// or SOURCE_DATE_EPOCH when set (reproducible builds' convention), so that every stamp and
// date a job prints follows from what the app passes down.
#pragma once

#include "core/run_clock.hpp"

namespace tuijie::app {

/// Throws TuijieError "bad-source-date-epoch" (a usage error) for a value that is not a count
/// of seconds since 1970.
RunClock run_clock_from_environment();

}  // namespace tuijie::app
