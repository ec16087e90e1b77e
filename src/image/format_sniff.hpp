// Recognises an image format from the first bytes of a file, whatever its name says.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "image/image.hpp"

namespace tuijie::image {

/// How many leading bytes `sniff_format` needs to recognise every format it knows.
inline constexpr std::size_t kSniffBytes = 12;

struct SniffResult {
  Format format = Format::Unknown;
  /// For an unsupported format we recognise (HEIC from phones, WebP, GIF, BMP, TIFF, PDF),
  /// its name, so that the user is told what to convert; empty when unrecognised.
  std::string other_name;
};

SniffResult sniff_format(std::span<const std::uint8_t> head);

}  // namespace tuijie::image
