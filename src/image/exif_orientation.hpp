// Reads the EXIF orientation tag, the way cameras and phones record "which way is up".
#pragma once

#include <cstdint>
#include <span>

namespace tuijie::image {

/// `app1` is the payload of a JPEG APP1 segment (starting with "Exif\0\0"). Returns the
/// orientation 1..8 of IFD0, or 1 when the segment is not EXIF, has no orientation, or holds
/// a value outside 1..8 (a broken tag must not turn a photo sideways).
int exif_orientation(std::span<const std::uint8_t> app1);

}  // namespace tuijie::image
