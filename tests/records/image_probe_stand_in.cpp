// Stand-in for tuijie::image::probe until src/image (branch `image`) has its implementation:
// just enough (magic bytes, size) for the photo rules under test. CMakeLists.txt compiles it
// only while tuijie_image is still a header-only library.
#include <filesystem>
#include <fstream>

#include "core/diagnostic.hpp"
#include "image/image.hpp"

namespace tuijie::image {

ImageInfo probe(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw TuijieError(make_error("photo-missing", "照片不存在", "photo missing", path));
  }
  unsigned char magic[4] = {};
  in.read(reinterpret_cast<char*>(magic), sizeof magic);
  ImageInfo info;
  if (magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
    info.format = Format::Jpeg;
  } else if (magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
    info.format = Format::Png;
  } else {
    throw TuijieError(make_error("photo-unreadable", "无法读取照片", "photo unreadable", path));
  }
  info.file_size = std::filesystem::file_size(path);
  return info;
}

}  // namespace tuijie::image
