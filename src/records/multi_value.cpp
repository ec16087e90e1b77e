#include "records/multi_value.hpp"

#include <algorithm>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

constexpr std::string_view kSeparators[] = {"、", "，", ",",    "；", ";",
                                            "|",  "｜", "\r\n", "\n", "\r"};
constexpr std::string_view kSpaces[] = {" ", "\t", "\u3000", "\u00A0"};

// Byte length of the separator at the start of `s`, or 0.
std::size_t separator_at(std::string_view s) {
  for (std::string_view separator : kSeparators) {
    if (s.starts_with(separator)) {
      return separator.size();
    }
  }
  return 0;
}

// Byte length of the spaces (not line breaks, which separate) at the start of `s`.
std::size_t leading_spaces(std::string_view s) {
  std::size_t pos = 0;
  for (bool found = true; found;) {
    found = false;
    for (std::string_view space : kSpaces) {
      if (s.substr(pos).starts_with(space)) {
        pos += space.size();
        found = true;
      }
    }
  }
  return pos;
}

// True when an item may end right before `tail`: only spaces before a separator or the end.
bool ends_item(std::string_view tail) {
  tail.remove_prefix(leading_spaces(tail));
  return tail.empty() || separator_at(tail) > 0;
}

}  // namespace

std::vector<std::string> split_multi_value(std::string_view cell,
                                           const std::vector<std::string>& known_names) {
  std::vector<std::string_view> names(known_names.begin(), known_names.end());
  std::stable_sort(names.begin(), names.end(),
                   [](std::string_view a, std::string_view b) { return a.size() > b.size(); });

  std::vector<std::string> items;
  std::size_t pos = 0;
  while (pos < cell.size()) {
    std::string_view rest = cell.substr(pos);
    if (std::size_t skip = separator_at(rest) + leading_spaces(rest); skip > 0) {
      pos += skip;
      continue;
    }
    std::size_t length = 0;
    for (std::string_view name : names) {
      if (!name.empty() && rest.starts_with(name) && ends_item(rest.substr(name.size()))) {
        length = name.size();
        break;
      }
    }
    if (length == 0) {
      length = rest.size();
      for (std::size_t i = 0; i < rest.size(); ++i) {
        if (separator_at(rest.substr(i)) > 0) {
          length = i;
          break;
        }
      }
    }
    std::string_view item = trim(rest.substr(0, length));
    if (!item.empty()) {
      items.emplace_back(item);
    }
    pos += length;
  }
  return items;
}

}  // namespace tuijie::records
