// Dates and times as the workspace stores them: ISO 8601 text, UTC, reproducible.
#pragma once

#include <cstdint>
#include <string>

namespace tuijie::store {

/// True for a real calendar date written "YYYY-MM-DD" (2020-02-30 is false).
bool is_iso_date(const std::string& text);

}  // namespace tuijie::store
