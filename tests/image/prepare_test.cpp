// prepare_for_print(): upright, resampled, re-encoded, deterministic and cached.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/diagnostic.hpp"
#include "image/image.hpp"
#include "image/jpeg_codec.hpp"
#include "image_fixtures.hpp"

using namespace tuijie;
using namespace tuijie::image;
using namespace tuijie::image::test;

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
// A box larger than any test photo at 300 dpi: nothing is resampled.
constexpr double kLargeBox = 1000.0;

bool contains_marker(const std::vector<std::uint8_t>& jpeg, std::uint8_t marker) {
  for (std::size_t i = 0; i + 1 < jpeg.size(); ++i) {
    if (jpeg[i] == 0xFF && jpeg[i + 1] == marker) {
      return true;
    }
  }
  return false;
}

// The centre of each quadrant of `r`, in reading order.
std::vector<Rgb> quadrant_centres(const Raster& r) {
  const int x0 = r.width / 4;
  const int x1 = r.width * 3 / 4;
  const int y0 = r.height / 4;
  const int y1 = r.height * 3 / 4;
  return {pixel(r, x0, y0), pixel(r, x1, y0), pixel(r, x0, y1), pixel(r, x1, y1)};
}

}  // namespace

TEST_CASE("orientation 6: a left-red right-blue photo comes out red on top", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-red-blue-6");
  Raster stored(48, 32, 3);  // landscape as stored by the camera
  for (int y = 0; y < stored.height; ++y) {
    for (int x = 0; x < stored.width; ++x) {
      std::uint8_t* p = stored.row(y) + static_cast<std::size_t>(x) * 3;
      p[0] = x < 24 ? 255 : 0;
      p[2] = x < 24 ? 0 : 255;
    }
  }
  const auto path = dir / "red-blue-6.jpg";
  write_bytes(path, jpeg_with_orientation(stored, 6));

  const auto prepared = prepare_for_print(path.string(), kLargeBox, kLargeBox);
  CHECK(prepared->width == 32);
  CHECK(prepared->height == 48);
  const Raster shown = decode(*prepared, dir);
  const Rgb top = pixel(shown, 16, 6);
  const Rgb bottom = pixel(shown, 16, 41);
  INFO(describe(top));
  CHECK(near(top, kRed));
  INFO(describe(bottom));
  CHECK(near(bottom, kBlue));
}

TEST_CASE("every EXIF orientation comes out upright", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-all-orientations");
  const Raster upright = quadrants(64, 48);
  for (int orientation = 1; orientation <= 8; ++orientation) {
    INFO("orientation " << orientation);
    const auto path = dir / ("o" + std::to_string(orientation) + ".jpg");
    write_bytes(path,
                jpeg_with_orientation(stored_for_orientation(upright, orientation), orientation));
    const auto prepared = prepare_for_print(path.string(), kLargeBox, kLargeBox);
    REQUIRE(prepared->width == 64);
    REQUIRE(prepared->height == 48);
    const std::vector<Rgb> centres = quadrant_centres(decode(*prepared, dir));
    const Rgb expected[] = {kRed, kGreen, kBlue, kWhite};
    for (std::size_t q = 0; q < 4; ++q) {
      INFO("quadrant " << q << " is " << describe(centres[q]));
      CHECK(near(centres[q], expected[q]));
    }
  }
}

TEST_CASE("an orientation written by another tool is applied", "[image][prepare]") {
  // Stored left red, right blue, orientation 8 (rotate 90 degrees counter-clockwise to show):
  // the left edge becomes the bottom.
  const auto dir = scratch_dir("prepare-motorola-8");
  const auto prepared =
      prepare_for_print(data_path("red-left-blue-right-o8-motorola.jpg"), kLargeBox, kLargeBox);
  REQUIRE(prepared->width == 30);
  REQUIRE(prepared->height == 40);
  const Raster shown = decode(*prepared, dir);
  CHECK(near(pixel(shown, 15, 5), kBlue));
  CHECK(near(pixel(shown, 15, 34), kRed));
}

TEST_CASE("a camera-sized photo is reduced to 300 dpi at 35 x 49 mm", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-resample");
  const auto path = dir / "camera.jpg";
  write_bytes(path, encode_jpeg(quadrants(1200, 1680), 90));

  const auto prepared = prepare_for_print(path.string(), 35 * kPointsPerMm, 49 * kPointsPerMm, 300);
  CHECK(prepared->width <= 414);
  CHECK(prepared->height <= 579);
  CHECK(prepared->width == 413);
  CHECK(prepared->height == 578);
  CHECK(prepared->components == 3);
  const std::vector<Rgb> centres = quadrant_centres(decode(*prepared, dir));
  CHECK(near(centres[0], kRed));
  CHECK(near(centres[3], kWhite));

  // A rotated photo is fitted by its upright size.
  const auto rotated = dir / "rotated.jpg";
  write_bytes(rotated, jpeg_with_orientation(quadrants(1680, 1200), 6));
  const auto upright = prepare_for_print(rotated.string(), 35 * kPointsPerMm, 49 * kPointsPerMm);
  CHECK(upright->width == 413);
  CHECK(upright->height == 578);
}

TEST_CASE("prepared bytes are deterministic", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-deterministic");
  const std::string path = data_path("progressive.jpg");
  const std::vector<std::uint8_t> first = prepare_for_print(path, 30, 30)->jpeg;
  clear_prepared_cache();
  const std::vector<std::uint8_t> second = prepare_for_print(path, 30, 30)->jpeg;
  CHECK(first == second);

  // A copy elsewhere (another cache key) decodes to the same bytes too.
  const auto copy = dir / "copy.jpg";
  std::filesystem::copy_file(path, copy);
  CHECK(prepare_for_print(copy.string(), 30, 30)->jpeg == first);
}

TEST_CASE("the output is a baseline JPEG without EXIF", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-baseline");
  const auto path = dir / "o6.jpg";
  write_bytes(path, jpeg_with_orientation(quadrants(40, 24), 6));
  for (const std::string& input : {data_path("progressive.jpg"), path.string()}) {
    INFO(input);
    const auto prepared = prepare_for_print(input, kLargeBox, kLargeBox);
    const std::vector<std::uint8_t>& jpeg = prepared->jpeg;
    REQUIRE(jpeg.size() > 4);
    CHECK(jpeg[0] == 0xFF);
    CHECK(jpeg[1] == 0xD8);
    CHECK(contains_marker(jpeg, 0xC0));        // SOF0: baseline
    CHECK_FALSE(contains_marker(jpeg, 0xC2));  // no progressive frame
    CHECK_FALSE(contains_marker(jpeg, 0xE1));  // no APP1: the rotation is already applied
    CHECK(jpeg[jpeg.size() - 2] == 0xFF);
    CHECK(jpeg[jpeg.size() - 1] == 0xD9);
  }
}

TEST_CASE("grayscale stays gray, CMYK becomes RGB", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-colour-spaces");

  const auto gray = prepare_for_print(data_path("gray-gradient.jpg"), kLargeBox, kLargeBox);
  CHECK(gray->components == 1);
  const Raster ramp = decode(*gray, dir);
  CHECK(ramp.components == 1);
  // gradient:black-white runs from black at the top to white at the bottom.
  CHECK(pixel(ramp, 24, 1).r < 40);
  CHECK(pixel(ramp, 24, 30).r > 215);

  const auto cmyk = prepare_for_print(data_path("cmyk-red.jpg"), kLargeBox, kLargeBox);
  CHECK(cmyk->components == 3);
  const Rgb centre = pixel(decode(*cmyk, dir), 16, 12);
  INFO(describe(centre));
  CHECK(near(centre, kRed, 60));
}

TEST_CASE("PNG transparency is flattened onto white, 16-bit PNG reduced", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-png");
  const auto rgba = prepare_for_print(data_path("rgba-half-blue.png"), kLargeBox, kLargeBox);
  CHECK(rgba->components == 3);
  CHECK(rgba->width == 40);
  CHECK(rgba->height == 20);
  const Raster shown = decode(*rgba, dir);
  CHECK(near(pixel(shown, 8, 10), kBlue));
  CHECK(near(pixel(shown, 32, 10), kWhite, 10));

  const auto deep = prepare_for_print(data_path("rgb16-green.png"), 5, 5);  // 20 px at 300 dpi
  CHECK(deep->width == 20);
  CHECK(deep->height == 15);
  const Rgb green = pixel(decode(*deep, dir), 10, 7);
  INFO(describe(green));
  CHECK(near(green, Rgb{30, 200, 100}, 12));
}

TEST_CASE("a photo prepared twice is decoded once, a changed file again", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-cache");
  const auto path = dir / "photo.jpg";
  write_bytes(path, encode_jpeg(quadrants(64, 48), 90));

  const auto first = prepare_for_print(path.string(), 20, 20);
  const auto again = prepare_for_print((dir / "." / "photo.jpg").string(), 20, 20);
  CHECK(first.get() == again.get());
  // Another size is another entry.
  CHECK(prepare_for_print(path.string(), 10, 10).get() != first.get());

  // Replace the content (different size, later modification time).
  write_bytes(path, encode_jpeg(quadrants(32, 24), 90));
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  const auto changed = prepare_for_print(path.string(), 20, 20);
  CHECK(changed.get() != first.get());
  CHECK(changed->width == 32);
}

TEST_CASE("concurrent callers share one preparation", "[image][prepare][threads]") {
  const auto dir = scratch_dir("prepare-threads");
  const auto path = dir / "photo.jpg";
  write_bytes(path, encode_jpeg(quadrants(640, 480), 90));
  std::vector<std::shared_ptr<const PreparedImage>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = prepare_for_print(path.string(), 50, 50); });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (const auto& r : results) {
    REQUIRE(r != nullptr);
    CHECK(r.get() == results.front().get());
  }
}

TEST_CASE("prepare_for_print reports unusable photos", "[image][prepare]") {
  const auto dir = scratch_dir("prepare-errors");
  const auto missing = dir / "missing.jpg";
  try {
    prepare_for_print(missing.string(), 100, 100);
    FAIL("a missing photo was accepted");
  } catch (const TuijieError& e) {
    CHECK(e.diagnostics().front().code == "photo-missing");
  }

  // Cut inside the image data but keep an end marker, so probe() passes and decoding must
  // notice the missing data instead of printing a grey half.
  const auto baseline = dir / "baseline.jpg";
  write_bytes(baseline, encode_jpeg(quadrants(256, 256), 90));
  for (const std::filesystem::path& source :
       {std::filesystem::path(data_path("progressive.jpg")), baseline}) {
    std::vector<std::uint8_t> bytes = read_bytes(source);
    bytes.resize(bytes.size() / 2);
    bytes.push_back(0xFF);
    bytes.push_back(0xD9);
    const auto damaged = dir / ("damaged-" + source.filename().string());
    write_bytes(damaged, bytes);
    INFO(damaged);
    REQUIRE_NOTHROW(probe(damaged.string()));
    try {
      prepare_for_print(damaged.string(), 100, 100);
      FAIL("a damaged photo was accepted");
    } catch (const TuijieError& e) {
      CHECK(e.diagnostics().front().code == "photo-unreadable");
      CHECK(e.diagnostics().front().file == damaged.string());
    }
  }
}

TEST_CASE("the sideways sample photo is printed upright", "[image][prepare]") {
  // samples/photos/TJ2020-P-003.jpg is a 2-inch portrait stored turned, with orientation 6.
  const std::string path = std::string(TUIJIE_SOURCE_DIR) + "/samples/photos/TJ2020-P-003.jpg";
  const ImageInfo info = probe(path);
  CHECK(info.orientation == 6);
  CHECK(info.width == 3360);
  CHECK(info.height == 2400);
  CHECK(info.file_size > 1000 * 1000);

  const auto prepared = prepare_for_print(path, 35 * kPointsPerMm, 49 * kPointsPerMm);
  REQUIRE(prepared->width == 413);
  REQUIRE(prepared->height == 578);
  const Raster shown = decode(*prepared, scratch_dir("prepare-sample-photo"));
  const Rgb sky = pixel(shown, 206, 15);     // blue background above the head
  const Rgb face = pixel(shown, 206, 260);   // the face ellipse
  const Rgb jacket = pixel(shown, 60, 560);  // grey shoulders at the bottom left
  INFO("background " << describe(sky) << ", face " << describe(face) << ", jacket "
                     << describe(jacket));
  CHECK(near(sky, Rgb{0x4f, 0x86, 0xc9}));
  CHECK(near(face, Rgb{0xe3, 0xcd, 0xb8}));
  CHECK(near(jacket, Rgb{0x4a, 0x4d, 0x55}));
}
