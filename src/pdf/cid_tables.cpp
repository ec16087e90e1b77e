#include "pdf/cid_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace tuijie::pdf {
namespace {

constexpr size_t kMaxBfcharEntries = 100;  // the limit PDF readers are required to accept

void append_hex16(std::string& out, uint16_t value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) {
    out += kDigits[(value >> shift) & 0xF];
  }
}

bool is_scalar_value(char32_t c) {
  return c > 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

}  // namespace

void append_utf16be_hex(std::string& out, char32_t c) {
  if (c < 0x10000) {
    append_hex16(out, static_cast<uint16_t>(c));
  } else {
    char32_t v = c - 0x10000;
    append_hex16(out, static_cast<uint16_t>(0xD800 + (v >> 10)));
    append_hex16(out, static_cast<uint16_t>(0xDC00 + (v & 0x3FF)));
  }
}

CidWidths build_cid_widths(std::vector<std::pair<uint16_t, double>> widths) {
  CidWidths out;
  if (widths.empty()) {
    return out;
  }
  std::sort(widths.begin(), widths.end());
  std::map<double, size_t> frequency;
  for (const auto& [code, width] : widths) {
    if (width == std::floor(width)) {
      ++frequency[width];
    }
  }
  // The most frequent width; ties go to the smaller width (std::map iterates in order).
  size_t best = 0;
  for (const auto& [width, count] : frequency) {
    if (count > best) {
      best = count;
      out.default_width = width;
    }
  }
  for (const auto& [code, width] : widths) {
    if (width == out.default_width) {
      continue;
    }
    if (out.runs.empty() || out.runs.back().first + out.runs.back().second.size() != code) {
      out.runs.push_back({code, {}});
    }
    out.runs.back().second.push_back(width);
  }
  return out;
}

std::string build_to_unicode_cmap(std::vector<std::pair<uint16_t, char32_t>> code_to_text) {
  std::sort(code_to_text.begin(), code_to_text.end());
  std::erase_if(code_to_text, [](const auto& entry) { return !is_scalar_value(entry.second); });

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  out.reserve(out.size() + code_to_text.size() * 20 + 200);
  for (size_t start = 0; start < code_to_text.size(); start += kMaxBfcharEntries) {
    size_t end = std::min(code_to_text.size(), start + kMaxBfcharEntries);
    out += std::to_string(end - start);
    out += " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      out += '<';
      append_hex16(out, code_to_text[i].first);
      out += "> <";
      append_utf16be_hex(out, code_to_text[i].second);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace tuijie::pdf
