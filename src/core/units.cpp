#include "core/units.hpp"

#include <charconv>
#include <string>

namespace tuijie {

std::optional<double> parse_length(std::string_view text, double em) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || value < 0) {
    return std::nullopt;
  }
  std::string_view unit(end, text.data() + text.size() - end);
  if (unit.empty() || unit == "pt")
    return value;
  if (unit == "mm")
    return mm_to_pt(value);
  if (unit == "cm")
    return mm_to_pt(value * 10);
  if (unit == "in")
    return value * 72;
  if (unit == "em" && em > 0)
    return value * em;
  return std::nullopt;
}

}  // namespace tuijie
