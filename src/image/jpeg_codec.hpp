// JPEG through libjpeg-turbo: header reading, scaled decoding, baseline encoding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image/raster.hpp"

namespace tuijie::image {

struct JpegHeader {
  int width = 0;  // as stored, before orientation
  int height = 0;
  int orientation = 1;  // EXIF orientation 1..8
};

/// Reads the markers up to the first scan (size, colour space, EXIF) and checks that the file
/// still holds its end-of-image marker, which a truncated download lacks. Throws TuijieError
/// "photo-unreadable" naming `path`.
JpegHeader read_jpeg_header(const std::string& path);

/// Decodes `path` to exactly out_width x out_height pixels in stored orientation: libjpeg's DCT
/// scaling (M/8) decodes at the smallest scale still at least that large, and area averaging
/// does the rest. Gray stays 1 component; everything else (YCbCr, RGB, CMYK, YCCK) becomes 3.
/// Requires out_width/out_height no larger than the stored size. Throws TuijieError.
Raster decode_jpeg(const std::string& path, int out_width, int out_height);

/// Encodes a 1- or 3-component raster as a baseline JPEG (optimised Huffman tables, 4:2:0 for
/// colour, JFIF, no EXIF). The same raster and quality always give the same bytes.
std::vector<std::uint8_t> encode_jpeg(const Raster& raster, int quality);

}  // namespace tuijie::image
