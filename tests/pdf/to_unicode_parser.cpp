#include "to_unicode_parser.hpp"

#include <cctype>
#include <string_view>
#include <vector>

namespace tuijie::testing {
namespace {

std::vector<std::string> cmap_tokens(const std::string& cmap) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < cmap.size()) {
    char c = cmap[i];
    if (c == '<' && i + 1 < cmap.size() && cmap[i + 1] != '<') {
      size_t end = cmap.find('>', i);
      tokens.push_back(cmap.substr(i, end - i + 1));
      i = end == std::string::npos ? cmap.size() : end + 1;
    } else if (c == '<' || c == '>') {  // dictionary brackets
      tokens.emplace_back(2, c);
      i += 2;
    } else if (c == '[' || c == ']') {
      tokens.emplace_back(1, c);
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      size_t start = i;
      while (i < cmap.size() && !std::isspace(static_cast<unsigned char>(cmap[i])) &&
             std::string_view("<>[]").find(cmap[i]) == std::string_view::npos) {
        ++i;
      }
      tokens.push_back(cmap.substr(start, i - start));
    }
  }
  return tokens;
}

bool is_hex_token(const std::string& t) {
  return t.size() >= 2 && t.front() == '<';
}

uint32_t hex_code(const std::string& token) {
  return static_cast<uint32_t>(std::stoul("0" + token.substr(1, token.size() - 2), nullptr, 16));
}

std::u32string hex_utf16(const std::string& token) {
  std::string digits = token.substr(1, token.size() - 2);
  std::vector<uint16_t> units;
  for (size_t k = 0; k + 4 <= digits.size(); k += 4) {
    units.push_back(static_cast<uint16_t>(std::stoul(digits.substr(k, 4), nullptr, 16)));
  }
  std::u32string out;
  for (size_t k = 0; k < units.size(); ++k) {
    if (units[k] >= 0xD800 && units[k] < 0xDC00 && k + 1 < units.size()) {
      out += static_cast<char32_t>(0x10000 + ((units[k] - 0xD800) << 10) + (units[k + 1] - 0xDC00));
      ++k;
    } else {
      out += units[k];
    }
  }
  return out;
}

}  // namespace

std::map<uint32_t, std::u32string> parse_to_unicode(const std::string& cmap) {
  std::map<uint32_t, std::u32string> out;
  std::vector<std::string> t = cmap_tokens(cmap);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == "beginbfchar") {
      for (++i; i + 1 < t.size() && is_hex_token(t[i]); i += 2) {
        out[hex_code(t[i])] = hex_utf16(t[i + 1]);
      }
    } else if (t[i] == "beginbfrange") {
      for (++i; i + 2 < t.size() && is_hex_token(t[i]);) {
        uint32_t low = hex_code(t[i]), high = hex_code(t[i + 1]);
        if (t[i + 2] == "[") {
          i += 3;
          for (uint32_t code = low; code <= high && is_hex_token(t[i]); ++code, ++i) {
            out[code] = hex_utf16(t[i]);
          }
          ++i;  // ]
        } else {
          std::u32string first = hex_utf16(t[i + 2]);
          for (uint32_t code = low; code <= high && !first.empty(); ++code) {
            std::u32string value = first;
            value.back() += code - low;
            out[code] = value;
          }
          i += 3;
        }
      }
    }
  }
  return out;
}

}  // namespace tuijie::testing
