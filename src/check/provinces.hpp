// China's province-level divisions, for the criteria 总部在中国 / 交付主体在中国: a region
// is in China when it is, or starts with, one of their names (天津市, 天津市滨海新区).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace tuijie::check {

class Provinces {
 public:
  Provinces() = default;
  explicit Provinces(std::vector<std::string> names);

  /// Reads the list from a JSON file (data/reference/provinces.json). The reader is tolerant
  /// of the layout: the names may be a top-level array, or an array under any key, of strings
  /// or of objects with a "name". A missing or unreadable file gives an empty list and a
  /// warning in `problems`; the regions then cannot be confirmed.
  static Provinces load(const std::string& path, Diagnostics& problems);

  bool empty() const { return names_.empty(); }
  /// True when `region` is, or starts with, one of the names.
  bool contains(std::string_view region) const;

 private:
  std::vector<std::string> names_;
};

}  // namespace tuijie::check
