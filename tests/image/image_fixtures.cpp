#include "image_fixtures.hpp"

#include <libexif/exif-data.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "image/jpeg_codec.hpp"

namespace tuijie::image::test {

std::string data_path(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/tests/image/data/" + name;
}

std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::path(TUIJIE_BINARY_DIR) / "test-scratch" / "image" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_bytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

Raster quadrants(int width, int height) {
  Raster r(width, height, 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const bool right = x >= width / 2;
      const bool bottom = y >= height / 2;
      const Rgb c = bottom ? (right ? kWhite : kBlue) : (right ? kGreen : kRed);
      std::uint8_t* p = r.row(y) + static_cast<std::size_t>(x) * 3;
      p[0] = static_cast<std::uint8_t>(c.r);
      p[1] = static_cast<std::uint8_t>(c.g);
      p[2] = static_cast<std::uint8_t>(c.b);
    }
  }
  return r;
}

Rgb pixel(const Raster& raster, int x, int y) {
  const std::uint8_t* p = raster.row(y) + static_cast<std::size_t>(x) * raster.components;
  if (raster.components == 1) {
    return {p[0], p[0], p[0]};
  }
  return {p[0], p[1], p[2]};
}

bool near(Rgb actual, Rgb expected, int tolerance) {
  return std::abs(actual.r - expected.r) <= tolerance &&
         std::abs(actual.g - expected.g) <= tolerance &&
         std::abs(actual.b - expected.b) <= tolerance;
}

std::string describe(Rgb c) {
  return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ")";
}

Raster stored_for_orientation(const Raster& upright, int orientation) {
  // EXIF 2.3, tag 0x0112: the visual side of stored row 0 and of stored column 0.
  struct Sides {
    char row0;
    char column0;
  };
  static constexpr Sides kTable[9] = {{'t', 'l'}, {'t', 'l'}, {'t', 'r'}, {'b', 'r'}, {'b', 'l'},
                                      {'l', 't'}, {'r', 't'}, {'r', 'b'}, {'l', 'b'}};
  const Sides s = kTable[orientation];
  const int w = upright.width;
  const int h = upright.height;
  const bool rows_are_columns = s.row0 == 'l' || s.row0 == 'r';
  Raster stored(rows_are_columns ? h : w, rows_are_columns ? w : h, upright.components);
  for (int sy = 0; sy < stored.height; ++sy) {
    for (int sx = 0; sx < stored.width; ++sx) {
      int x = 0;
      int y = 0;
      if (rows_are_columns) {
        x = s.row0 == 'l' ? sy : w - 1 - sy;
        y = s.column0 == 't' ? sx : h - 1 - sx;
      } else {
        y = s.row0 == 't' ? sy : h - 1 - sy;
        x = s.column0 == 'l' ? sx : w - 1 - sx;
      }
      const std::size_t c = static_cast<std::size_t>(upright.components);
      std::copy_n(upright.row(y) + static_cast<std::size_t>(x) * c, c,
                  stored.row(sy) + static_cast<std::size_t>(sx) * c);
    }
  }
  return stored;
}

std::vector<std::uint8_t> jpeg_with_orientation(const Raster& raster, int orientation,
                                                ExifByteOrder order) {
  ExifData* exif = exif_data_new();
  exif_data_set_byte_order(exif, order);
  ExifEntry* entry = exif_entry_new();
  exif_content_add_entry(exif->ifd[EXIF_IFD_0], entry);
  exif_entry_initialize(entry, EXIF_TAG_ORIENTATION);
  exif_set_short(entry->data, order, static_cast<ExifShort>(orientation));
  exif_entry_unref(entry);
  unsigned char* app1 = nullptr;  // starts with "Exif\0\0"
  unsigned int app1_size = 0;
  exif_data_save_data(exif, &app1, &app1_size);
  exif_data_unref(exif);

  const std::vector<std::uint8_t> plain = encode_jpeg(raster, 95);
  const unsigned segment_length = app1_size + 2;
  std::vector<std::uint8_t> out;
  out.reserve(plain.size() + segment_length + 2);
  out.push_back(plain[0]);  // SOI
  out.push_back(plain[1]);
  out.push_back(0xFF);  // APP1
  out.push_back(0xE1);
  out.push_back(static_cast<std::uint8_t>(segment_length >> 8));
  out.push_back(static_cast<std::uint8_t>(segment_length & 0xFF));
  out.insert(out.end(), app1, app1 + app1_size);
  std::free(app1);
  out.insert(out.end(), plain.begin() + 2, plain.end());
  return out;
}

Raster decode(const PreparedImage& prepared, const std::filesystem::path& dir) {
  const auto path = dir / "decoded-prepared.jpg";
  write_bytes(path, prepared.jpeg);
  return decode_jpeg(path.string(), prepared.width, prepared.height);
}

}  // namespace tuijie::image::test
