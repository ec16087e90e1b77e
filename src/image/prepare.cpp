#include "image/image.hpp"

#include <filesystem>
#include <system_error>

#include "image/box_resampler.hpp"
#include "image/jpeg_codec.hpp"
#include "image/orientation.hpp"
#include "image/png_codec.hpp"
#include "image/prepared_cache.hpp"
#include "image/print_size.hpp"

namespace tuijie::image {
namespace {

// Visually lossless for a portrait at 300 dpi, a quarter of the size of quality 95.
constexpr int kJpegQuality = 85;

// Decodes `path` to `stored` size (pixels before orientation), still in stored orientation.
Raster decode_to(const std::string& path, const ImageInfo& info, PixelSize stored) {
  if (info.format == Format::Jpeg) {
    return decode_jpeg(path, stored.width, stored.height);  // DCT scaling does most of the work
  }
  Raster full = decode_png(path);
  if (full.width == stored.width && full.height == stored.height) {
    return full;
  }
  BoxResampler resampler(full.width, full.height, stored.width, stored.height, full.components);
  for (int y = 0; y < full.height; ++y) {
    resampler.push_row(full.row(y));
  }
  return resampler.take();
}

std::shared_ptr<const PreparedImage> prepare(const std::string& path, const ImageInfo& info,
                                             PixelSize upright) {
  const PixelSize stored =
      info.orientation >= 5 ? PixelSize{upright.height, upright.width} : upright;
  // Resample before rotating: the rotation then moves the fewest pixels.
  const Raster shown = apply_orientation(decode_to(path, info, stored), info.orientation);
  auto prepared = std::make_shared<PreparedImage>();
  prepared->width = shown.width;
  prepared->height = shown.height;
  prepared->components = shown.components;
  prepared->jpeg = encode_jpeg(shown, kJpegQuality);
  return prepared;
}

}  // namespace

std::shared_ptr<const PreparedImage> prepare_for_print(const std::string& path,
                                                       double print_width_pt,
                                                       double print_height_pt, int max_dpi) {
  const ImageInfo info = probe(path);
  const PixelSize upright = print_pixel_size(info.upright_width(), info.upright_height(),
                                             print_width_pt, print_height_pt, max_dpi);

  namespace fs = std::filesystem;
  std::error_code ec;
  PreparedKey key;
  const fs::path absolute = fs::absolute(path, ec);
  key.path = ec ? path : absolute.lexically_normal().string();
  key.file_size = info.file_size;
  key.mtime = fs::last_write_time(path, ec).time_since_epoch().count();
  key.width = upright.width;
  key.height = upright.height;
  return PreparedCache::instance().get_or_make(key, [&] { return prepare(path, info, upright); });
}

void clear_prepared_cache() {
  PreparedCache::instance().clear();
}

}  // namespace tuijie::image
