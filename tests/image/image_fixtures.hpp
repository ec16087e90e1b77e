// Test helpers: fixture paths, scratch folders, and JPEGs made on the fly with an EXIF
// orientation written by libexif.
#pragma once

#include <libexif/exif-byte-order.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "image/image.hpp"
#include "image/raster.hpp"

namespace tuijie::image::test {

/// A committed fixture under tests/image/data/ (see data/README.md for how each was made).
std::string data_path(const std::string& name);

/// An empty folder for one test case under the build tree, wiped first.
std::filesystem::path scratch_dir(const std::string& name);

void write_bytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);
std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path);

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
};
inline constexpr Rgb kRed{255, 0, 0};
inline constexpr Rgb kGreen{0, 255, 0};
inline constexpr Rgb kBlue{0, 0, 255};
inline constexpr Rgb kWhite{255, 255, 255};
inline constexpr Rgb kBlack{0, 0, 0};

/// An RGB raster of four coloured quadrants: red, green on top; blue, white below.
Raster quadrants(int width, int height);

Rgb pixel(const Raster& raster, int x, int y);
/// Every channel within `tolerance` (JPEG is lossy).
bool near(Rgb actual, Rgb expected, int tolerance = 40);
std::string describe(Rgb c);

/// How a camera would store `upright` when it records EXIF `orientation`, built from the
/// table in the EXIF specification (which visual side the stored row 0 and column 0 lie on),
/// independently of the code under test.
Raster stored_for_orientation(const Raster& upright, int orientation);

/// A JPEG of `raster` carrying an APP1 EXIF segment whose IFD0 holds `orientation`.
std::vector<std::uint8_t> jpeg_with_orientation(const Raster& raster, int orientation,
                                                ExifByteOrder order = EXIF_BYTE_ORDER_INTEL);

/// Decodes a prepared image back to pixels (via a file in `dir`).
Raster decode(const PreparedImage& prepared, const std::filesystem::path& dir);

}  // namespace tuijie::image::test
