// The two errors a photo can cause, worded for the person who supplied the file.
#pragma once

#include <string>

#include "core/diagnostic.hpp"

namespace tuijie::image {

/// "photo-missing": nothing exists at `path`.
TuijieError photo_missing(const std::string& path);

/// "photo-unreadable": the file exists but is not a usable JPEG or PNG. The reasons say why
/// (truncated, another format, a decoder message) and are completed with the file name.
TuijieError photo_unreadable(const std::string& path, const std::string& why_zh,
                             const std::string& why_en);

}  // namespace tuijie::image
