#include "image/png_codec.hpp"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>

#include "image/photo_error.hpp"

namespace tuijie::image {
namespace {

// Owns a png_image so that every exit path releases libpng's state.
struct PngImage {
  png_image image;
  PngImage() {
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
  }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;
  ~PngImage() { png_image_free(&image); }
};

TuijieError decoder_error(const std::string& path, const png_image& image) {
  const std::string message = image.message;
  return photo_unreadable(path, "PNG 数据有误（" + message + "）",
                          "invalid PNG data (" + message + ")");
}

// The last chunk of a PNG is IEND, always the same 12 bytes (empty, so its CRC is fixed). Look
// for it near the end, with some slack for files that have junk appended.
bool has_iend_chunk(const std::string& path) {
  constexpr std::streamoff kWindow = 1024;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (!in || size < 0) {
    return false;
  }
  const std::streamoff start = std::max<std::streamoff>(0, size - kWindow);
  in.seekg(start);
  std::string tail(static_cast<std::size_t>(size - start), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  using namespace std::string_view_literals;
  constexpr std::string_view kIend = "\0\0\0\0IEND\xAE\x42\x60\x82"sv;
  return in.good() && tail.find(kIend) != std::string::npos;
}

}  // namespace

PngHeader read_png_header(const std::string& path) {
  PngImage png;
  if (png_image_begin_read_from_file(&png.image, path.c_str()) == 0) {
    throw decoder_error(path, png.image);
  }
  if (!has_iend_chunk(path)) {
    throw photo_unreadable(path, "PNG 文件不完整，可能未下载或复制完", "the PNG file is truncated");
  }
  return {static_cast<int>(png.image.width), static_cast<int>(png.image.height)};
}

Raster decode_png(const std::string& path) {
  PngImage png;
  if (png_image_begin_read_from_file(&png.image, path.c_str()) == 0) {
    throw decoder_error(path, png.image);
  }
  const long long pixels = static_cast<long long>(png.image.width) * png.image.height;
  if (pixels > kMaxPngPixels) {
    throw photo_unreadable(path, "PNG 图像过大（" + std::to_string(pixels) + " 像素）",
                           "the PNG image is too large (" + std::to_string(pixels) + " pixels)");
  }
  const bool color = (png.image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  png.image.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;  // no alpha: flatten
  // Without gAMA/sRGB, libpng would take 16-bit samples as linear light and brighten them;
  // every other reader (browsers, viewers, cameras' software) takes them as sRGB.
  png.image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;

  Raster raster(static_cast<int>(png.image.width), static_cast<int>(png.image.height),
                color ? 3 : 1);
  const png_color white{255, 255, 255};  // gray output uses the green channel
  if (png_image_finish_read(&png.image, &white, raster.pixels.data(), 0, nullptr) == 0) {
    throw decoder_error(path, png.image);
  }
  return raster;
}

}  // namespace tuijie::image
