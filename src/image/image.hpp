// Photos: probe a file, and prepare it for print (upright, resampled, re-encoded as JPEG).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tuijie::image {

enum class Format { Jpeg, Png, Unknown };

struct ImageInfo {
  Format format = Format::Unknown;
  int width = 0;  // pixels as stored
  int height = 0;
  int orientation = 1;  // EXIF orientation 1..8 (1 = upright)
  std::uintmax_t file_size = 0;
  /// Width and height after the EXIF orientation is applied.
  int upright_width() const { return orientation >= 5 ? height : width; }
  int upright_height() const { return orientation >= 5 ? width : height; }
};

/// Reads only the headers (and EXIF) of a JPEG or PNG. Throws TuijieError with code
/// "photo-missing" or "photo-unreadable" naming the file.
ImageInfo probe(const std::string& path);

/// An image ready to embed in a PDF as a DCTDecode stream.
struct PreparedImage {
  int width = 0;  // pixels, upright
  int height = 0;
  int components = 3;              // 1 gray, 3 RGB
  std::vector<std::uint8_t> jpeg;  // baseline JPEG bytes
};

/// Decodes, applies the EXIF orientation, resamples so that printing at `print_width_pt` x
/// `print_height_pt` gives at most `max_dpi`, and re-encodes as JPEG (quality 85). The result
/// is deterministic for the same input bytes. Throws TuijieError on unreadable input.
///
/// The box is the one the photo is fitted into: the aspect ratio is kept, so one side may come
/// out smaller; a photo smaller than needed is not enlarged. Downscaling uses libjpeg's DCT
/// scaling and then area averaging. Gray JPEG/PNG stay gray (components = 1); CMYK becomes
/// RGB; PNG transparency is flattened onto white.
///
/// Results are cached for the whole process by (absolute path, file size, modification time,
/// pixel size), so a photo used twice is decoded once; the call is thread-safe, and concurrent
/// calls for the same key share one decoding. Errors are not cached.
std::shared_ptr<const PreparedImage> prepare_for_print(const std::string& path,
                                                       double print_width_pt,
                                                       double print_height_pt, int max_dpi = 300);

/// Drops every cached prepared image (results already handed out stay valid).
void clear_prepared_cache();

}  // namespace tuijie::image
