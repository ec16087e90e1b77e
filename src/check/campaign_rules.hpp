// The rules a job judges records by: the workspace's campaign thresholds, plus the list of
// province-level divisions when it is needed. Shared by import (which stores each record's
// evaluation) and check (which reports and refreshes them).
#pragma once

#include <string>
#include <vector>

#include "check/rules.hpp"
#include "core/diagnostic.hpp"
#include "records/record.hpp"
#include "store/campaign.hpp"

namespace tuijie::check {

/// Where the province list is, under the resources folder.
inline constexpr const char* kProvincesFile = "data/reference/provinces.json";

/// The campaign's rules for judging `records`. Only enterprises are placed by region, so the
/// province list (`provinces_file`) is read, and any problem with it added to `problems`,
/// only when one is among them.
Rules rules_for(const store::Campaign& campaign, const std::vector<records::Record>& records,
                const std::string& provinces_file, Diagnostics& problems);

}  // namespace tuijie::check
