// How many pixels a photo needs for a given printed size.
#pragma once

namespace tuijie::image {

struct PixelSize {
  int width = 0;
  int height = 0;
  bool operator==(const PixelSize&) const = default;
};

/// The pixel size of an upright `width` x `height` image fitted (aspect ratio kept) into a
/// print box of `box_width_pt` x `box_height_pt` points at no more than `max_dpi`. Never
/// larger than the image itself: a small photo is not enlarged. Throws std::invalid_argument
/// for a non-positive or non-finite box or resolution.
PixelSize print_pixel_size(int width, int height, double box_width_pt, double box_height_pt,
                           int max_dpi);

}  // namespace tuijie::image
