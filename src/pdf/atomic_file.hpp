// Writing a file so that it appears complete or not at all.
#pragma once

#include <string>
#include <string_view>

namespace tuijie::pdf {

/// Writes `bytes` to a new hidden file next to `path` and renames it over `path`. On any
/// failure the temporary file is removed and TuijieError "pdf-file" naming `path` is thrown;
/// an existing `path` is then left as it was.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace tuijie::pdf
