// BoxResampler (area averaging) and print_pixel_size (how many pixels a printed box needs).
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "image/box_resampler.hpp"
#include "image/print_size.hpp"

using namespace tuijie::image;

namespace {

Raster resample(const Raster& in, int out_width, int out_height) {
  BoxResampler resampler(in.width, in.height, out_width, out_height, in.components);
  for (int y = 0; y < in.height; ++y) {
    resampler.push_row(in.row(y));
  }
  REQUIRE(resampler.done());
  return resampler.take();
}

Raster gray(int width, int height, std::vector<std::uint8_t> pixels) {
  Raster r(width, height, 1);
  REQUIRE(pixels.size() == r.pixels.size());
  r.pixels = std::move(pixels);
  return r;
}

constexpr double kPointsPerMm = 72.0 / 25.4;

}  // namespace

TEST_CASE("box resampling averages whole blocks exactly", "[image][resample]") {
  const Raster in = gray(4, 2,
                         {0, 100, 10, 20,  //
                          50, 250, 30, 40});
  const Raster out = resample(in, 2, 1);
  // (0+100+50+250)/4 = 100, (10+20+30+40)/4 = 25.
  CHECK(out.pixels == std::vector<std::uint8_t>{100, 25});
}

TEST_CASE("box resampling weights partly covered pixels", "[image][resample]") {
  // Three pixels into two: each output covers 1.5 inputs.
  const Raster in = gray(3, 1, {0, 90, 180});
  const Raster out = resample(in, 2, 1);
  // (0 * 1 + 90 * 0.5) / 1.5 = 30, (90 * 0.5 + 180 * 1) / 1.5 = 150.
  CHECK(out.pixels == std::vector<std::uint8_t>{30, 150});

  // The same vertically, on three components.
  Raster column(1, 3, 3);
  column.pixels = {0, 0, 0, 90, 90, 90, 180, 180, 180};
  CHECK(resample(column, 1, 2).pixels == std::vector<std::uint8_t>{30, 30, 30, 150, 150, 150});
}

TEST_CASE("box resampling keeps flat colours and the overall mean", "[image][resample]") {
  Raster flat(97, 131, 3);
  for (std::size_t i = 0; i < flat.pixels.size(); i += 3) {
    flat.pixels[i] = 200;
    flat.pixels[i + 1] = 17;
    flat.pixels[i + 2] = 255;
  }
  const Raster small = resample(flat, 13, 29);
  CHECK(small.width == 13);
  CHECK(small.height == 29);
  for (std::size_t i = 0; i < small.pixels.size(); i += 3) {
    REQUIRE(small.pixels[i] == 200);
    REQUIRE(small.pixels[i + 1] == 17);
    REQUIRE(small.pixels[i + 2] == 255);
  }

  Raster ramp(300, 1, 1);
  for (int x = 0; x < 300; ++x) {
    ramp.pixels[static_cast<std::size_t>(x)] = static_cast<std::uint8_t>(x * 255 / 299);
  }
  const Raster shrunk = resample(ramp, 7, 1);
  const double mean_in =
      std::accumulate(ramp.pixels.begin(), ramp.pixels.end(), 0.0) / ramp.pixels.size();
  const double mean_out =
      std::accumulate(shrunk.pixels.begin(), shrunk.pixels.end(), 0.0) / shrunk.pixels.size();
  CHECK(mean_out == Approx(mean_in).margin(0.5));
  CHECK(std::is_sorted(shrunk.pixels.begin(), shrunk.pixels.end()));
}

TEST_CASE("box resampling refuses to enlarge", "[image][resample]") {
  CHECK_THROWS_AS(BoxResampler(10, 10, 11, 10, 3), std::invalid_argument);
  CHECK_THROWS_AS(BoxResampler(10, 10, 10, 0, 3), std::invalid_argument);
  BoxResampler half_fed(4, 4, 2, 2, 1);
  const std::uint8_t row[4] = {1, 2, 3, 4};
  half_fed.push_row(row);
  CHECK_FALSE(half_fed.done());
  CHECK_THROWS_AS(half_fed.take(), std::logic_error);
}

TEST_CASE("a 35 x 49 mm photo box at 300 dpi needs at most 414 x 579 pixels", "[image][resample]") {
  const PixelSize size = print_pixel_size(2400, 3360, 35 * kPointsPerMm, 49 * kPointsPerMm, 300);
  CHECK(size.width <= 414);
  CHECK(size.height <= 579);
  // 35 mm = 413.4 px and 49 mm = 578.7 px at 300 dpi; 2400:3360 is exactly 35:49.
  CHECK(size == PixelSize{413, 578});
}

TEST_CASE("print_pixel_size keeps the aspect ratio inside the box", "[image][resample]") {
  // A 4:3 landscape photo in a 2-inch portrait box: the width limits.
  const PixelSize landscape = print_pixel_size(4000, 3000, 144, 216, 300);
  CHECK(landscape == PixelSize{600, 450});
  // A tall photo in a square box: the height limits.
  const PixelSize tall = print_pixel_size(1000, 2000, 72, 72, 300);
  CHECK(tall == PixelSize{150, 300});
  // Lower resolution, fewer pixels.
  CHECK(print_pixel_size(4000, 3000, 144, 216, 150) == PixelSize{300, 225});
}

TEST_CASE("print_pixel_size never enlarges a small photo", "[image][resample]") {
  CHECK(print_pixel_size(200, 280, 35 * kPointsPerMm, 49 * kPointsPerMm, 300) ==
        PixelSize{200, 280});
  // Only one side too large: still shrunk to fit, never stretched.
  CHECK(print_pixel_size(1000, 100, 72, 72, 300) == PixelSize{300, 30});
}

TEST_CASE("print_pixel_size rejects nonsense sizes", "[image][resample]") {
  CHECK_THROWS_AS(print_pixel_size(100, 100, 0, 72, 300), std::invalid_argument);
  CHECK_THROWS_AS(print_pixel_size(100, 100, 72, -1, 300), std::invalid_argument);
  CHECK_THROWS_AS(print_pixel_size(100, 100, 72, 72, 0), std::invalid_argument);
  CHECK_THROWS_AS(print_pixel_size(100, 100, std::numeric_limits<double>::infinity(), 72, 300),
                  std::invalid_argument);
  CHECK_THROWS_AS(print_pixel_size(100, 100, std::numeric_limits<double>::quiet_NaN(), 72, 300),
                  std::invalid_argument);
}
