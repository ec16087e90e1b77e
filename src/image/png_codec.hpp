// PNG through libpng's simplified API: header reading and decoding flattened on white.
#pragma once

#include <string>

#include "image/raster.hpp"

namespace tuijie::image {

struct PngHeader {
  int width = 0;
  int height = 0;
};

/// Reads the chunks before the image data and checks that the file still ends with its IEND
/// chunk, which a truncated download lacks. Throws TuijieError "photo-unreadable".
PngHeader read_png_header(const std::string& path);

/// Decodes the whole image to 8-bit sRGB (3 components) or gray (1), compositing any
/// transparency onto white, as it would look printed on paper. Refuses images above
/// kMaxPngPixels rather than exhausting memory. Throws TuijieError "photo-unreadable".
Raster decode_png(const std::string& path);

/// 64 megapixels: more than any camera photo, far more than a printed portrait needs.
inline constexpr long long kMaxPngPixels = 64LL * 1000 * 1000;

}  // namespace tuijie::image
