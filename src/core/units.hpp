// Lengths as templates write them: "12mm", "10.5pt", "1.2cm", "2em" (relative to a font
// size), or a bare number of points. Printed sizes must be exact, so conversions are plain
// arithmetic: 1 mm = 72 / 25.4 pt.
#pragma once

#include <optional>
#include <string_view>

namespace tuijie {

constexpr double kPointsPerMm = 72.0 / 25.4;

constexpr double mm_to_pt(double mm) {
  return mm * kPointsPerMm;
}
constexpr double pt_to_mm(double pt) {
  return pt / kPointsPerMm;
}

/// Parses a length to points; `em` is the font size that "em" refers to. Returns nullopt for
/// anything else (negative values included).
std::optional<double> parse_length(std::string_view text, double em = 0);

}  // namespace tuijie
