#include "image/print_size.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace tuijie::image {
namespace {

constexpr double kPointsPerInch = 72.0;

// Whole pixels that fit in `points` at `dpi`. The epsilon keeps a box given in millimetres
// (35 mm = 99.2126 pt) from losing a pixel to the rounding of its conversion to points.
int pixels_for(double points, int dpi) {
  const double pixels = std::floor(points / kPointsPerInch * dpi + 1e-6);
  return static_cast<int>(std::clamp(pixels, 1.0, 1e6));
}

// a * b / c rounded to nearest, in 64-bit integers so that it is exact.
int scaled(int a, int b, int c) {
  const std::int64_t n = static_cast<std::int64_t>(a) * b;
  return static_cast<int>(
      std::max<std::int64_t>(1, (2 * n + c) / (2 * static_cast<std::int64_t>(c))));
}

}  // namespace

PixelSize print_pixel_size(int width, int height, double box_width_pt, double box_height_pt,
                           int max_dpi) {
  if (!(box_width_pt > 0 && box_height_pt > 0 && std::isfinite(box_width_pt) &&
        std::isfinite(box_height_pt) && max_dpi > 0 && width > 0 && height > 0)) {
    throw std::invalid_argument("print_pixel_size: sizes and resolution must be positive");
  }
  const int box_w = pixels_for(box_width_pt, max_dpi);
  const int box_h = pixels_for(box_height_pt, max_dpi);
  if (width <= box_w && height <= box_h) {
    return {width, height};
  }
  // width/height <= box_w/box_h means the height is what limits the fit.
  if (static_cast<std::int64_t>(width) * box_h <= static_cast<std::int64_t>(height) * box_w) {
    return {std::min(box_w, scaled(width, box_h, height)), box_h};
  }
  return {box_w, std::min(box_h, scaled(height, box_w, width))};
}

}  // namespace tuijie::image
