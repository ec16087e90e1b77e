#include "image/jpeg_codec.hpp"

// jpeglib.h needs size_t and FILE declared first.
#include <jpeglib.h>
// jerror.h after jpeglib.h: which warnings exist depends on jconfig.h.
#include <jerror.h>
#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>

#include "image/box_resampler.hpp"
#include "image/exif_orientation.hpp"
#include "image/photo_error.hpp"

namespace tuijie::image {
namespace {

// libjpeg reports a fatal error by calling error_exit, which must not return. We keep the
// message and longjmp back to the guard below. Warnings are never printed; those that mean
// pixels are missing or wrong are remembered, because libjpeg carries on and fills the gap
// with grey, which must not end up printed on a form.
struct ErrorManager {
  jpeg_error_mgr pub;  // first member: libjpeg only knows this part
  std::jmp_buf jump;
  std::array<char, JMSG_LENGTH_MAX> message;  // the fatal error, or the first damage warning
  int damage;  // message code of the first damage warning, 0 when none
};

[[noreturn]] void on_fatal_error(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message.data());
  std::longjmp(err->jump, 1);
}

bool is_damage(int code) {
  return code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_HUFF_BAD_CODE ||
         code == JWRN_ARITH_BAD_CODE || code == JWRN_MUST_RESYNC;
}

void on_message(j_common_ptr cinfo, int level) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  if (level < 0 && err->damage == 0 && is_damage(cinfo->err->msg_code)) {
    err->damage = cinfo->err->msg_code;
    (*cinfo->err->format_message)(cinfo, err->message.data());
  }
}

void install(ErrorManager& err) {
  std::memset(&err, 0, sizeof err);
  jpeg_std_error(&err.pub);
  err.pub.error_exit = on_fatal_error;
  err.pub.emit_message = on_message;
}

// Runs `body`, turning a libjpeg fatal error into `false`. Because the error arrives by
// longjmp, `body` must own no object with a destructor: all state lives in the caller.
template <typename Body>
bool guarded(ErrorManager& err, Body&& body) {
  if (setjmp(err.jump) != 0) {
    return false;
  }
  body();
  return true;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open_or_throw(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const std::string why = std::strerror(errno);
    throw photo_unreadable(path, "无法打开文件（" + why + "）",
                           "cannot open the file (" + why + ")");
  }
  return file;
}

TuijieError decoder_error(const std::string& path, const ErrorManager& err) {
  const std::string message = err.message.data();
  return photo_unreadable(path, "JPEG 数据有误（" + message + "）",
                          "invalid JPEG data (" + message + ")");
}

TuijieError truncated_error(const std::string& path) {
  return photo_unreadable(path, "JPEG 文件不完整，可能未下载或复制完",
                          "the JPEG file is truncated");
}

// Throws when libjpeg warned that image data is missing or corrupt.
void check_damage(const std::string& path, const ErrorManager& err) {
  if (err.damage == JWRN_JPEG_EOF) {
    throw truncated_error(path);
  }
  if (err.damage != 0) {
    const std::string message = err.message.data();
    throw photo_unreadable(path, "JPEG 图像数据损坏（" + message + "）",
                           "the JPEG image data is damaged (" + message + ")");
  }
}

// One decompression of one file; the members outlive every guarded call. Every libjpeg call
// goes through guarded(): an error outside it would longjmp to a stale jump buffer.
struct Decoder {
  ErrorManager err;
  jpeg_decompress_struct cinfo;
  File file;
  std::string path;

  explicit Decoder(const std::string& p) : file(open_or_throw(p)), path(p) {
    install(err);
    std::memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = &err.pub;
    const bool created = guarded(err, [&] {
      jpeg_create_decompress(&cinfo);
      jpeg_stdio_src(&cinfo, file.get());
    });
    if (!created) {
      jpeg_destroy_decompress(&cinfo);
      throw decoder_error(path, err);
    }
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;
  ~Decoder() { jpeg_destroy_decompress(&cinfo); }

  // Reads the header, keeping APP1 segments for EXIF.
  void read_header() {
    const bool read = guarded(err, [&] {
      jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
      jpeg_read_header(&cinfo, TRUE);
    });
    if (!read) {
      throw decoder_error(path, err);
    }
    check_damage(path, err);
  }

  int orientation() const {
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
      if (m->marker == JPEG_APP0 + 1) {
        const int o = exif_orientation(std::span<const std::uint8_t>(m->data, m->data_length));
        if (o != 1) {
          return o;
        }
      }
    }
    return 1;
  }

  // Byte offset of the first scan's entropy-coded data.
  long scan_offset() const {
    return std::ftell(file.get()) - static_cast<long>(cinfo.src->bytes_in_buffer);
  }
};

// True when an end-of-image marker (FF D9) lies between `begin` and the end of the file.
// Inside entropy-coded data an FF byte is always followed by 00 or a restart marker, so after
// the first scan FF D9 can only be EOI (or sit in data appended after EOI, which is fine too).
bool find_end_marker(std::FILE* file, long begin, long end) {
  constexpr std::size_t kChunk = 64 * 1024;
  if (begin < 0 || begin >= end || std::fseek(file, begin, SEEK_SET) != 0) {
    return false;
  }
  std::vector<unsigned char> buffer(kChunk + 1);
  std::size_t carried = 0;  // the last byte of the previous chunk, for a marker split in two
  for (long left = end - begin; left > 0;) {
    const std::size_t want = std::min<std::size_t>(kChunk, static_cast<std::size_t>(left));
    const std::size_t got = std::fread(buffer.data() + carried, 1, want, file);
    if (got == 0) {
      return false;
    }
    const std::size_t filled = carried + got;
    for (std::size_t i = 0; i + 1 < filled; ++i) {
      if (buffer[i] == 0xFF && buffer[i + 1] == JPEG_EOI) {
        return true;
      }
    }
    buffer[0] = buffer[filled - 1];
    carried = 1;
    left -= static_cast<long>(got);
  }
  return false;
}

// A truncated download lacks the EOI marker. The last 64 KiB are checked first, which settles
// nearly every file; only when EOI is not there (phones' "motion photos" append a video after
// it, truncated files have none) is the rest of the file after the first scan searched.
bool has_end_marker(std::FILE* file, long scan_offset) {
  constexpr long kTail = 64 * 1024;
  if (std::fseek(file, 0, SEEK_END) != 0) {
    return false;
  }
  const long size = std::ftell(file);
  const long tail = std::max(scan_offset, size - kTail);
  return find_end_marker(file, tail, size) ||
         (tail > scan_offset && find_end_marker(file, scan_offset, tail + 1));
}

std::uint8_t multiply(int a, int b) {
  return static_cast<std::uint8_t>((a * b + 127) / 255);
}

// CMYK to RGB without a colour profile. Adobe applications (and everything that copies them,
// such as ImageMagick) store CMYK JPEGs inverted, which their APP14 marker tells us.
void cmyk_to_rgb(const std::uint8_t* cmyk, std::uint8_t* rgb, int width, bool adobe_inverted) {
  for (int x = 0; x < width; ++x, cmyk += 4, rgb += 3) {
    const int k = adobe_inverted ? cmyk[3] : 255 - cmyk[3];
    for (int i = 0; i < 3; ++i) {
      rgb[i] = multiply(adobe_inverted ? cmyk[i] : 255 - cmyk[i], k);
    }
  }
}

}  // namespace

JpegHeader read_jpeg_header(const std::string& path) {
  Decoder decoder(path);
  decoder.read_header();
  JpegHeader header;
  header.width = static_cast<int>(decoder.cinfo.image_width);
  header.height = static_cast<int>(decoder.cinfo.image_height);
  header.orientation = decoder.orientation();
  if (!has_end_marker(decoder.file.get(), decoder.scan_offset())) {
    throw truncated_error(path);
  }
  return header;
}

Raster decode_jpeg(const std::string& path, int out_width, int out_height) {
  Decoder decoder(path);
  decoder.read_header();
  jpeg_decompress_struct& cinfo = decoder.cinfo;

  const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  const bool gray = cinfo.jpeg_color_space == JCS_GRAYSCALE;
  cinfo.out_color_space = cmyk ? JCS_CMYK : gray ? JCS_GRAYSCALE : JCS_RGB;

  // The smallest M/8 whose output still covers the requested size.
  bool fits = false;
  const bool scaled = guarded(decoder.err, [&] {
    for (unsigned m = 1; m <= 8 && !fits; ++m) {
      cinfo.scale_num = m;
      cinfo.scale_denom = 8;
      jpeg_calc_output_dimensions(&cinfo);
      fits = static_cast<int>(cinfo.output_width) >= out_width &&
             static_cast<int>(cinfo.output_height) >= out_height;
    }
  });
  if (!scaled) {
    throw decoder_error(path, decoder.err);
  }
  if (!fits) {
    throw photo_unreadable(path, "读取过程中文件被修改",
                           "the file changed while it was being read");
  }

  const int width = static_cast<int>(cinfo.output_width);
  const int out_components = gray ? 1 : 3;
  BoxResampler resampler(width, static_cast<int>(cinfo.output_height), out_width, out_height,
                         out_components);
  std::vector<std::uint8_t> scanline(static_cast<std::size_t>(width) *
                                     static_cast<std::size_t>(cmyk ? 4 : out_components));
  std::vector<std::uint8_t> rgb(cmyk ? static_cast<std::size_t>(width) * 3 : 0);

  const bool decoded = guarded(decoder.err, [&] {
    jpeg_start_decompress(&cinfo);
    while (cinfo.output_scanline < cinfo.output_height) {
      JSAMPROW row = scanline.data();
      jpeg_read_scanlines(&cinfo, &row, 1);
      if (cmyk) {
        cmyk_to_rgb(scanline.data(), rgb.data(), width, cinfo.saw_Adobe_marker != 0);
        resampler.push_row(rgb.data());
      } else {
        resampler.push_row(scanline.data());
      }
    }
    jpeg_finish_decompress(&cinfo);
  });
  if (!decoded) {
    throw decoder_error(path, decoder.err);
  }
  check_damage(path, decoder.err);
  return resampler.take();
}

std::vector<std::uint8_t> encode_jpeg(const Raster& raster, int quality) {
  if (raster.components != 1 && raster.components != 3) {
    throw std::invalid_argument("encode_jpeg: only gray and RGB rasters can be encoded");
  }
  struct Encoder {
    ErrorManager err;
    jpeg_compress_struct cinfo;
    unsigned char* buffer = nullptr;  // malloc'ed by jpeg_mem_dest
    unsigned long size = 0;
    Encoder() {
      install(err);
      std::memset(&cinfo, 0, sizeof cinfo);
      cinfo.err = &err.pub;
    }
    Encoder(const Encoder&) = delete;
    Encoder& operator=(const Encoder&) = delete;
    ~Encoder() {
      jpeg_destroy_compress(&cinfo);
      std::free(buffer);
    }
  } encoder;
  jpeg_compress_struct& cinfo = encoder.cinfo;

  const bool encoded = guarded(encoder.err, [&] {
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &encoder.buffer, &encoder.size);
    cinfo.image_width = static_cast<JDIMENSION>(raster.width);
    cinfo.image_height = static_cast<JDIMENSION>(raster.height);
    cinfo.input_components = raster.components;
    cinfo.in_color_space = raster.components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;  // smaller files; still baseline (SOF0)
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
      // libjpeg's API is not const-correct; it only reads the row.
      JSAMPROW row = const_cast<std::uint8_t*>(raster.row(static_cast<int>(cinfo.next_scanline)));
      jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
  });
  if (!encoded) {
    throw std::runtime_error(std::string("JPEG encoding failed: ") + encoder.err.message.data());
  }
  return std::vector<std::uint8_t>(encoder.buffer, encoder.buffer + encoder.size);
}

}  // namespace tuijie::image
