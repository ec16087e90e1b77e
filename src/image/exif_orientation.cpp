#include "image/exif_orientation.hpp"

#include <libexif/exif-data.h>

#include <algorithm>
#include <memory>
#include <string_view>

namespace tuijie::image {
namespace {

struct ExifDataUnref {
  void operator()(ExifData* data) const { exif_data_unref(data); }
};

}  // namespace

int exif_orientation(std::span<const std::uint8_t> app1) {
  constexpr std::string_view kExifHeader{"Exif\0\0", 6};
  if (app1.size() <= kExifHeader.size() ||
      !std::equal(kExifHeader.begin(), kExifHeader.end(), app1.begin(),
                  [](char h, std::uint8_t b) { return static_cast<std::uint8_t>(h) == b; })) {
    return 1;
  }
  std::unique_ptr<ExifData, ExifDataUnref> data(exif_data_new());
  if (!data) {
    return 1;
  }
  // Read the tags as written: "following the specification" would add or repair entries.
  exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_load_data(data.get(), app1.data(), static_cast<unsigned int>(app1.size()));

  ExifEntry* entry = exif_content_get_entry(data->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (entry == nullptr || entry->format != EXIF_FORMAT_SHORT || entry->components < 1 ||
      entry->data == nullptr || entry->size < 2) {
    return 1;
  }
  const int value = exif_get_short(entry->data, exif_data_get_byte_order(data.get()));
  return value >= 1 && value <= 8 ? value : 1;
}

}  // namespace tuijie::image
