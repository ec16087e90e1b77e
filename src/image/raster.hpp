// An 8-bit raster in memory: the currency between decoders, resampling and orientation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tuijie::image {

/// Tightly packed rows, top to bottom; `components` samples per pixel (1 gray, 3 RGB).
struct Raster {
  int width = 0;
  int height = 0;
  int components = 0;
  std::vector<std::uint8_t> pixels;

  Raster() = default;
  Raster(int w, int h, int c)
      : width(w),
        height(h),
        components(c),
        pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) *
               static_cast<std::size_t>(c)) {}

  std::size_t row_bytes() const {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(components);
  }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * row_bytes(); }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * row_bytes();
  }
};

}  // namespace tuijie::image
