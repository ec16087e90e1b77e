#include "image/orientation.hpp"

#include <algorithm>
#include <cstring>

namespace tuijie::image {
namespace {

struct Point {
  int x;
  int y;
};

// Where the displayed pixel (dx, dy) comes from in the stored image of size sw x sh.
Point source_of(int orientation, int dx, int dy, int sw, int sh) {
  switch (orientation) {
    case 2:  // mirrored left-right
      return {sw - 1 - dx, dy};
    case 3:  // rotated 180°
      return {sw - 1 - dx, sh - 1 - dy};
    case 4:  // mirrored top-bottom
      return {dx, sh - 1 - dy};
    case 5:  // transposed (mirrored along the main diagonal)
      return {dy, dx};
    case 6:  // stored 90° counter-clockwise: display rotates it 90° clockwise
      return {dy, sh - 1 - dx};
    case 7:  // transversed (mirrored along the anti-diagonal)
      return {sw - 1 - dy, sh - 1 - dx};
    case 8:  // stored 90° clockwise: display rotates it 90° counter-clockwise
      return {sw - 1 - dy, dx};
    default:
      return {dx, dy};
  }
}

}  // namespace

Raster apply_orientation(Raster stored, int orientation) {
  if (orientation < 2 || orientation > 8) {
    return stored;
  }
  const bool swaps = orientation >= 5;
  Raster shown(swaps ? stored.height : stored.width, swaps ? stored.width : stored.height,
               stored.components);
  const std::size_t c = static_cast<std::size_t>(stored.components);
  for (int dy = 0; dy < shown.height; ++dy) {
    std::uint8_t* dst = shown.row(dy);
    for (int dx = 0; dx < shown.width; ++dx) {
      const Point s = source_of(orientation, dx, dy, stored.width, stored.height);
      std::memcpy(dst + static_cast<std::size_t>(dx) * c,
                  stored.row(s.y) + static_cast<std::size_t>(s.x) * c, c);
    }
  }
  return shown;
}

}  // namespace tuijie::image
