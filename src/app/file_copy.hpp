// Copying a file so that the copy appears complete or not at all (a bundle's photos).
#pragma once

#include <string>

namespace tuijie::app {

/// Copies `from` to a hidden temporary file beside `to` and renames it over `to`. On failure
/// the temporary file is removed, an existing `to` is left as it was, and TuijieError
/// "cannot-copy" naming `from` is thrown.
void copy_file_atomically(const std::string& from, const std::string& to);

}  // namespace tuijie::app
