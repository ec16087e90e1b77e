// Turns a raster upright according to its EXIF orientation.
#pragma once

#include "image/raster.hpp"

namespace tuijie::image {

/// Applies EXIF orientation 1..8 (TIFF 6.0 / EXIF 2.3 tag 0x0112) to a raster as stored,
/// returning the image as it should be displayed. 1 returns the input unchanged; 5..8 swap
/// width and height. Other values are treated as 1.
Raster apply_orientation(Raster stored, int orientation);

}  // namespace tuijie::image
