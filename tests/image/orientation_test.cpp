// apply_orientation(): all eight EXIF orientations, checked pixel for pixel.
#include <catch2/catch.hpp>

#include "image/orientation.hpp"
#include "image_fixtures.hpp"

using namespace tuijie::image;
using namespace tuijie::image::test;

namespace {

// A raster where every pixel is distinct, so any misplaced pixel is caught.
Raster numbered(int width, int height) {
  Raster r(width, height, 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* p = r.row(y) + static_cast<std::size_t>(x) * 3;
      p[0] = static_cast<std::uint8_t>(x);
      p[1] = static_cast<std::uint8_t>(y);
      p[2] = static_cast<std::uint8_t>(x * 7 + y);
    }
  }
  return r;
}

}  // namespace

TEST_CASE("apply_orientation undoes how each orientation is stored", "[image][orientation]") {
  const Raster upright = numbered(5, 3);
  for (int orientation = 1; orientation <= 8; ++orientation) {
    INFO("orientation " << orientation);
    const Raster shown =
        apply_orientation(stored_for_orientation(upright, orientation), orientation);
    CHECK(shown.width == upright.width);
    CHECK(shown.height == upright.height);
    CHECK(shown.pixels == upright.pixels);
  }
}

TEST_CASE("apply_orientation turns orientation 6 clockwise", "[image][orientation]") {
  // Stored 2x1: [A B]. Orientation 6 shows it rotated 90 degrees clockwise: A above B.
  Raster stored(2, 1, 1);
  stored.pixels = {10, 20};
  const Raster shown = apply_orientation(stored, 6);
  CHECK(shown.width == 1);
  CHECK(shown.height == 2);
  CHECK(shown.pixels == std::vector<std::uint8_t>{10, 20});

  const Raster counter = apply_orientation(stored, 8);
  CHECK(counter.pixels == std::vector<std::uint8_t>{20, 10});
}

TEST_CASE("apply_orientation leaves unknown values alone", "[image][orientation]") {
  const Raster upright = numbered(4, 2);
  for (int orientation : {0, 1, 9, -3}) {
    CHECK(apply_orientation(upright, orientation).pixels == upright.pixels);
  }
}
