// probe(): sizes, EXIF orientation and the errors for missing or unusable files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/diagnostic.hpp"
#include "image/image.hpp"
#include "image_fixtures.hpp"

using namespace tuijie;
using namespace tuijie::image;
using namespace tuijie::image::test;

namespace {

// Runs probe(path), expecting a TuijieError; returns its single diagnostic.
Diagnostic probe_error(const std::string& path) {
  try {
    probe(path);
  } catch (const TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics().front();
  }
  FAIL("probe accepted " << path);
  return {};
}

void require_unreadable_naming(const Diagnostic& d, const std::string& path) {
  CHECK(d.code == "photo-unreadable");
  CHECK(d.file == path);
  CHECK(d.reason_zh.find(path) != std::string::npos);
  CHECK(d.reason_en.find(path) != std::string::npos);
}

}  // namespace

TEST_CASE("probe reads JPEG and PNG sizes from the headers", "[image][probe]") {
  struct Case {
    const char* name;
    Format format;
    int width;
    int height;
  };
  const Case cases[] = {
      {"red-left-blue-right.jpg", Format::Jpeg, 40, 30}, {"progressive.jpg", Format::Jpeg, 64, 48},
      {"gray-gradient.jpg", Format::Jpeg, 48, 32},       {"cmyk-red.jpg", Format::Jpeg, 32, 24},
      {"rgba-half-blue.png", Format::Png, 40, 20},       {"rgb16-green.png", Format::Png, 40, 30},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string path = data_path(c.name);
    const ImageInfo info = probe(path);
    CHECK(info.format == c.format);
    CHECK(info.width == c.width);
    CHECK(info.height == c.height);
    CHECK(info.orientation == 1);
    CHECK(info.file_size == std::filesystem::file_size(path));
  }
}

TEST_CASE("probe reads every EXIF orientation, in both byte orders", "[image][probe]") {
  const auto dir = scratch_dir("probe-orientation");
  const Raster raster = quadrants(24, 16);
  for (ExifByteOrder order : {EXIF_BYTE_ORDER_INTEL, EXIF_BYTE_ORDER_MOTOROLA}) {
    for (int orientation = 1; orientation <= 8; ++orientation) {
      INFO("orientation " << orientation << (order == EXIF_BYTE_ORDER_INTEL ? " II" : " MM"));
      const auto path = dir / ("o" + std::to_string(orientation) + ".jpg");
      write_bytes(path, jpeg_with_orientation(raster, orientation, order));
      const ImageInfo info = probe(path.string());
      CHECK(info.orientation == orientation);
      CHECK(info.width == 24);
      CHECK(info.height == 16);
      CHECK(info.upright_width() == (orientation >= 5 ? 16 : 24));
      CHECK(info.upright_height() == (orientation >= 5 ? 24 : 16));
    }
  }
}

TEST_CASE("probe reads an orientation written by another tool", "[image][probe]") {
  // Hand-made big-endian EXIF, orientation 8 (see data/README.md).
  const ImageInfo info = probe(data_path("red-left-blue-right-o8-motorola.jpg"));
  CHECK(info.orientation == 8);
  CHECK(info.upright_width() == 30);
  CHECK(info.upright_height() == 40);
}

TEST_CASE("probe treats an out-of-range orientation as upright", "[image][probe]") {
  const auto dir = scratch_dir("probe-bad-orientation");
  const auto path = dir / "o9.jpg";
  write_bytes(path, jpeg_with_orientation(quadrants(16, 8), 9));
  CHECK(probe(path.string()).orientation == 1);
}

TEST_CASE("probe reports a missing photo", "[image][probe]") {
  const std::string path = (scratch_dir("probe-missing") / "nobody.jpg").string();
  const Diagnostic d = probe_error(path);
  CHECK(d.code == "photo-missing");
  CHECK(d.file == path);
  CHECK(d.reason_zh.find(path) != std::string::npos);
  CHECK(d.reason_en.find(path) != std::string::npos);
}

TEST_CASE("probe rejects empty, garbage, directories and other formats", "[image][probe]") {
  const auto dir = scratch_dir("probe-garbage");

  const auto empty = dir / "empty.jpg";
  write_bytes(empty, {});
  const Diagnostic empty_error = probe_error(empty.string());
  require_unreadable_naming(empty_error, empty.string());
  CHECK(empty_error.reason_en.find("empty") != std::string::npos);

  const auto text = dir / "notes.jpg";
  write_bytes(text, {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'});
  require_unreadable_naming(probe_error(text.string()), text.string());

  // An iPhone photo renamed to .jpg: the message names the real format.
  const auto heic = dir / "iphone.jpg";
  write_bytes(heic, {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0});
  const Diagnostic heic_error = probe_error(heic.string());
  require_unreadable_naming(heic_error, heic.string());
  CHECK(heic_error.reason_zh.find("HEIC") != std::string::npos);
  CHECK(heic_error.reason_en.find("HEIC") != std::string::npos);

  require_unreadable_naming(probe_error(dir.string()), dir.string());

  // A JPEG signature followed by nonsense.
  const auto bogus = dir / "bogus.jpg";
  write_bytes(bogus, {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x13, 0x37, 0xFF, 0xFF});
  require_unreadable_naming(probe_error(bogus.string()), bogus.string());
}

TEST_CASE("probe rejects truncated JPEG and PNG files", "[image][probe]") {
  const auto dir = scratch_dir("probe-truncated");
  for (const char* name :
       {"progressive.jpg", "red-left-blue-right.jpg", "rgba-half-blue.png", "rgb16-green.png"}) {
    const std::vector<std::uint8_t> whole = read_bytes(data_path(name));
    // Cut inside the image data (headers intact) and inside the headers.
    for (std::size_t keep : {whole.size() * 3 / 4, whole.size() - 3, std::size_t{30}}) {
      INFO(name << " cut to " << keep << " of " << whole.size() << " bytes");
      const auto path = dir / (std::to_string(keep) + "-" + name);
      write_bytes(path, std::vector<std::uint8_t>(whole.begin(), whole.begin() + keep));
      require_unreadable_naming(probe_error(path.string()), path.string());
    }
  }
}

TEST_CASE("probe accepts data appended after the end of the image", "[image][probe]") {
  // Phones' "motion photos" append a video after EOI; the EOI is then far from the file end.
  const auto dir = scratch_dir("probe-appended");
  std::vector<std::uint8_t> bytes = read_bytes(data_path("progressive.jpg"));
  for (std::size_t i = 0; i < 200 * 1024; ++i) {
    bytes.push_back(static_cast<std::uint8_t>(i * 7 % 255));  // never FF: no marker in it
  }
  const auto path = dir / "motion-photo.jpg";
  write_bytes(path, bytes);
  const ImageInfo info = probe(path.string());
  CHECK(info.width == 64);
  CHECK(info.height == 48);
  CHECK(prepare_for_print(path.string(), 1000, 1000)->width == 64);

  // The same appended data after a truncated image: still caught.
  std::vector<std::uint8_t> cut = read_bytes(data_path("progressive.jpg"));
  cut.resize(cut.size() - 2);  // drop EOI
  cut.insert(cut.end(), bytes.end() - 100 * 1024, bytes.end());
  const auto truncated = dir / "truncated-with-trailer.jpg";
  write_bytes(truncated, cut);
  require_unreadable_naming(probe_error(truncated.string()), truncated.string());
}
