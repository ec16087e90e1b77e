#include "image/format_sniff.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace tuijie::image {
namespace {

using namespace std::string_view_literals;

bool starts_with(std::span<const std::uint8_t> head, std::size_t offset, std::string_view magic) {
  if (head.size() < offset + magic.size()) {
    return false;
  }
  return std::equal(magic.begin(), magic.end(), head.begin() + static_cast<long>(offset),
                    [](char m, std::uint8_t b) { return static_cast<std::uint8_t>(m) == b; });
}

struct OtherFormat {
  std::size_t offset;
  std::string_view magic;
  std::string_view name;
};

// Formats people send instead of JPEG; named so the error message can say what to convert.
// The `sv` literals keep the NUL bytes of the TIFF signatures.
constexpr std::array<OtherFormat, 10> kOtherFormats{{
    {4, "ftypheic"sv, "HEIC"},
    {4, "ftypheix"sv, "HEIC"},
    {4, "ftypmif1"sv, "HEIF"},
    {4, "ftypavif"sv, "AVIF"},
    {8, "WEBP"sv, "WebP"},
    {0, "GIF8"sv, "GIF"},
    {0, "BM"sv, "BMP"},
    {0, "II*\0"sv, "TIFF"},
    {0, "MM\0*"sv, "TIFF"},
    {0, "%PDF"sv, "PDF"},
}};

}  // namespace

SniffResult sniff_format(std::span<const std::uint8_t> head) {
  if (starts_with(head, 0, "\xFF\xD8\xFF"sv)) {
    return {Format::Jpeg, {}};
  }
  if (starts_with(head, 0, "\x89PNG\r\n\x1A\n"sv)) {
    return {Format::Png, {}};
  }
  for (const auto& other : kOtherFormats) {
    if (starts_with(head, other.offset, other.magic)) {
      return {Format::Unknown, std::string(other.name)};
    }
  }
  return {};
}

}  // namespace tuijie::image
