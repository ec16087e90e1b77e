// Files that look like fonts of kinds Debian installs none of (CFF2, bitmap-only, WOFF2), made
// by hand for the tests of what tuijie refuses: an sfnt header and table directory over the
// given tables, which is all a font reader looks at before it decides.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tuijie::testing {

/// An sfnt ("OTTO" or 0x00010000) holding `tables` (tag, data), each 4-byte aligned.
inline std::string fake_sfnt(const std::string& version,
                             const std::vector<std::pair<std::string, std::string>>& tables) {
  auto put16 = [](std::string& out, uint32_t v) {
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v);
  };
  auto put32 = [&](std::string& out, uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
  };
  std::string out = version;
  const auto count = static_cast<uint32_t>(tables.size());
  uint32_t power = 1, log = 0;
  while (power * 2 <= count) {
    power *= 2;
    ++log;
  }
  put16(out, count);
  put16(out, power * 16);
  put16(out, log);
  put16(out, count * 16 - power * 16);
  uint32_t offset = 12 + 16 * count;
  std::string data;
  for (const auto& [tag, bytes] : tables) {
    out += tag;
    put32(out, 0);  // checksum: no reader checks it
    put32(out, offset + static_cast<uint32_t>(data.size()));
    put32(out, static_cast<uint32_t>(bytes.size()));
    data += bytes;
    data.resize((data.size() + 3) / 4 * 4, '\0');
  }
  return out + data;
}

/// A variable font's outlines: a CFF2 table (header only) and no CFF or glyf table.
inline std::string fake_cff2_font() {
  return fake_sfnt("OTTO", {{"CFF2", std::string("\x02\x00\x05\x00\x00", 5)},
                            {"maxp", std::string("\x00\x00\x50\x00\x00\x02", 6)}});
}

/// A bitmap-only font: EBDT/EBLC strikes and no outlines.
inline std::string fake_bitmap_font() {
  return fake_sfnt(std::string("\x00\x01\x00\x00", 4),
                   {{"EBDT", std::string("\x00\x02\x00\x00", 4)},
                    {"EBLC", std::string("\x00\x02\x00\x00\x00\x00\x00\x00", 8)},
                    {"maxp", std::string("\x00\x00\x50\x00\x00\x02", 6)}});
}

/// A WOFF2 web font's header (the rest does not matter: it is refused on its signature).
inline std::string fake_woff2_font() {
  return std::string("wOF2\x00\x01\x00\x00", 8) + std::string(40, '\0');
}

/// An OpenType font whose CFF table is not a CFF program.
inline std::string fake_damaged_cff_font() {
  return fake_sfnt("OTTO", {{"CFF ", std::string("\x01\x00\x04\x02\xff\xff", 6)},
                            {"maxp", std::string("\x00\x00\x50\x00\x00\x02", 6)}});
}

}  // namespace tuijie::testing
