#include "image/photo_error.hpp"

namespace tuijie::image {

TuijieError photo_missing(const std::string& path) {
  return TuijieError(make_error("photo-missing", "照片文件不存在：" + path,
                                "photo file does not exist: " + path, path));
}

TuijieError photo_unreadable(const std::string& path, const std::string& why_zh,
                             const std::string& why_en) {
  return TuijieError(make_error(
      "photo-unreadable",
      "无法读取照片 " + path + "：" + why_zh + "。请提供完整的 JPEG 或 PNG 照片",
      "cannot read photo " + path + ": " + why_en + ". Please supply a complete JPEG or PNG photo",
      path));
}

}  // namespace tuijie::image
