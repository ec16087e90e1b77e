// The options every command accepts, before or after the command name.
#pragma once

#include <Poco/Util/OptionSet.h>

#include "core/diagnostic.hpp"

namespace tuijie::app {

/// --workspace/-w DIR, --lang/-l zh|en, --config/-c FILE, --resources DIR, --help/-h,
/// --version. Values bind to the configuration keys workspace, lang and resources; --config,
/// --help and --version are handled by the application itself.
void define_global_options(Poco::Util::OptionSet& options, Lang lang);

}  // namespace tuijie::app
