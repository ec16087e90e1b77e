#include "image/image.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "image/format_sniff.hpp"
#include "image/jpeg_codec.hpp"
#include "image/photo_error.hpp"
#include "image/png_codec.hpp"

namespace tuijie::image {

ImageInfo probe(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    throw photo_missing(path);
  }
  if (ec) {
    throw photo_unreadable(path, "无法访问文件（" + ec.message() + "）",
                           "cannot access the file (" + ec.message() + ")");
  }
  if (status.type() == fs::file_type::directory) {
    throw photo_unreadable(path, "这是一个文件夹，不是照片文件", "it is a directory, not a photo");
  }

  ImageInfo info;
  info.file_size = fs::file_size(path, ec);
  if (ec) {
    throw photo_unreadable(path, "无法读取文件大小（" + ec.message() + "）",
                           "cannot read the file size (" + ec.message() + ")");
  }
  if (info.file_size == 0) {
    throw photo_unreadable(path, "文件为空", "the file is empty");
  }

  std::array<std::uint8_t, kSniffBytes> head{};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw photo_unreadable(path, "无法打开文件", "cannot open the file");
  }
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  const SniffResult sniffed = sniff_format(
      std::span<const std::uint8_t>(head.data(), static_cast<std::size_t>(in.gcount())));

  switch (sniffed.format) {
    case Format::Jpeg: {
      const JpegHeader header = read_jpeg_header(path);
      info.format = Format::Jpeg;
      info.width = header.width;
      info.height = header.height;
      info.orientation = header.orientation;
      return info;
    }
    case Format::Png: {
      const PngHeader header = read_png_header(path);
      info.format = Format::Png;
      info.width = header.width;
      info.height = header.height;
      return info;
    }
    case Format::Unknown:
      break;
  }
  if (!sniffed.other_name.empty()) {
    throw photo_unreadable(
        path, "文件是 " + sniffed.other_name + " 格式，请转换为 JPEG 或 PNG",
        "it is a " + sniffed.other_name + " file; please convert it to JPEG or PNG");
  }
  throw photo_unreadable(path, "不是 JPEG 或 PNG 图像", "it is not a JPEG or PNG image");
}

}  // namespace tuijie::image
