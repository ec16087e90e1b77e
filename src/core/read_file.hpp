// Reading a whole input file, for copying it into a run's output (a bundle's photos).
#pragma once

#include <string>

namespace tuijie {

/// The bytes of `path`. Throws TuijieError "cannot-read" (exit 66) naming it.
std::string read_whole_file(const std::string& path);

}  // namespace tuijie
