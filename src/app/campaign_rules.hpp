// The rules a command judges records by: the workspace's campaign thresholds, plus the list
// of province-level divisions when it is needed. Shared by import (which stores each record's
// evaluation) and check (which reports and refreshes them).
#pragma once

#include <vector>

#include "check/rules.hpp"
#include "records/record.hpp"
#include "store/campaign.hpp"

namespace tuijie::app {

class Context;

/// The campaign's rules for judging `records`. Only enterprises are placed by region, so the
/// province list is read (and any problem with it reported) only when one is among them.
check::Rules rules_for(Context& context, const store::Campaign& campaign,
                       const std::vector<records::Record>& records);

}  // namespace tuijie::app
