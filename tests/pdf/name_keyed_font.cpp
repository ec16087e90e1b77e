#include "name_keyed_font.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../fonts/fake_fonts.hpp"

namespace tuijie::testing {
namespace {

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xFFFF);
}

struct Point {
  int x, y;
};
using Contour = std::vector<Point>;

struct Glyph {
  int width;
  std::vector<Contour> contours;
};

// The glyphs after .notdef, in the order of kNameKeyedCharacters.
std::vector<Glyph> glyphs() {
  return {
      {1000,
       {{{100, 100}, {900, 100}, {900, 860}, {100, 860}},  // 口
        {{220, 220}, {220, 740}, {780, 740}, {780, 220}}}},
      {1000,
       {{{150, 80}, {850, 80}, {850, 880}, {150, 880}},  // 日
        {{270, 200}, {270, 420}, {730, 420}, {730, 200}},
        {{270, 540}, {270, 760}, {730, 760}, {730, 540}}}},
      {1000,
       {{{100, 80},
         {900, 80},
         {900, 180},
         {560, 180},
         {560, 700},
         {850, 700},  // 工
         {850, 800},
         {150, 800},
         {150, 700},
         {440, 700},
         {440, 180},
         {100, 180}}}},
      {600, {{{50, 0}, {550, 0}, {300, 700}}}},  // A
  };
}

// A Type 2 charstring: the width, then each contour as rmoveto and rlinetos (closed
// implicitly). Every number is a 16-bit integer (operator 28).
std::string charstring(const Glyph& glyph) {
  std::string out;
  auto number = [&out](int v) {
    out += static_cast<char>(28);
    put16(out, static_cast<uint16_t>(static_cast<int16_t>(v)));
  };
  Point at{0, 0};
  bool first = true;
  for (const Contour& contour : glyph.contours) {
    if (first)
      number(glyph.width);  // nominalWidthX is 0
    first = false;
    number(contour[0].x - at.x);
    number(contour[0].y - at.y);
    out += static_cast<char>(21);  // rmoveto
    at = contour[0];
    for (size_t i = 1; i < contour.size(); ++i) {
      number(contour[i].x - at.x);
      number(contour[i].y - at.y);
      out += static_cast<char>(5);  // rlineto
      at = contour[i];
    }
  }
  out += static_cast<char>(14);  // endchar
  return out;
}

// A CFF INDEX with 2-byte offsets.
std::string index(const std::vector<std::string>& entries) {
  std::string out;
  put16(out, static_cast<uint32_t>(entries.size()));
  if (entries.empty())
    return out;
  out += static_cast<char>(2);
  uint32_t offset = 1;
  put16(out, offset);
  for (const std::string& e : entries) {
    offset += static_cast<uint32_t>(e.size());
    put16(out, offset);
  }
  for (const std::string& e : entries)
    out += e;
  return out;
}

std::string dict_int(uint32_t v) {
  std::string out(1, static_cast<char>(29));
  put32(out, v);
  return out;
}

std::string cff_table() {
  const std::vector<Glyph> shapes = glyphs();
  std::vector<std::string> names;
  std::vector<std::string> charstrings = {std::string(1, static_cast<char>(14))};  // .notdef
  for (size_t i = 0; i < shapes.size(); ++i) {
    names.push_back("g" + std::to_string(i + 1));
    charstrings.push_back(charstring(shapes[i]));
  }
  const std::string private_dict = "\x8b\x14\x8b\x15";  // defaultWidthX 0, nominalWidthX 0

  auto top_dict = [&](uint32_t charset, uint32_t glyphs_at, uint32_t private_at) {
    return dict_int(charset) + '\x0f' + dict_int(glyphs_at) + '\x11' +
           dict_int(static_cast<uint32_t>(private_dict.size())) + dict_int(private_at) + '\x12';
  };
  const std::string head = std::string("\x01\x00\x04\x02", 4) + index({kNameKeyedPostScriptName});
  const std::string tail = index(names) + index({});  // String INDEX, no global subroutines
  // The Top DICT has the same size whatever its offsets are (5-byte integers).
  const size_t charset_at = head.size() + index({top_dict(0, 0, 0)}).size() + tail.size();
  std::string charset(1, '\0');  // format 0: a SID per glyph after .notdef
  for (size_t i = 0; i < names.size(); ++i)
    put16(charset, static_cast<uint32_t>(391 + i));
  const size_t glyphs_at = charset_at + charset.size();
  const std::string glyph_index = index(charstrings);
  const size_t private_at = glyphs_at + glyph_index.size();
  return head +
         index({top_dict(static_cast<uint32_t>(charset_at), static_cast<uint32_t>(glyphs_at),
                         static_cast<uint32_t>(private_at))}) +
         tail + charset + glyph_index + private_dict;
}

std::string head_table() {
  std::string out;
  put32(out, 0x00010000);        // version
  put32(out, 0x00010000);        // fontRevision
  put32(out, 0);                 // checkSumAdjustment
  put32(out, 0x5F0F3CF5);        // magicNumber
  put16(out, 0x000B);            // flags
  put16(out, 1000);              // unitsPerEm
  out += std::string(16, '\0');  // created, modified
  put16(out, 50);
  put16(out, 0);
  put16(out, 900);
  put16(out, 880);  // bbox
  put16(out, 0);    // macStyle
  put16(out, 8);    // lowestRecPPEM
  put16(out, 2);    // fontDirectionHint
  put16(out, 0);    // indexToLocFormat
  put16(out, 0);    // glyphDataFormat
  return out;
}

std::string hhea_table(uint32_t glyph_count) {
  std::string out;
  put32(out, 0x00010000);
  put16(out, 880);                          // ascender
  put16(out, static_cast<uint16_t>(-120));  // descender
  put16(out, 0);                            // lineGap
  put16(out, 1000);                         // advanceWidthMax
  put16(out, 50);                           // minLeftSideBearing
  put16(out, 50);                           // minRightSideBearing
  put16(out, 900);                          // xMaxExtent
  put16(out, 1);                            // caretSlopeRise
  put16(out, 0);                            // caretSlopeRun
  put16(out, 0);                            // caretOffset
  out += std::string(8, '\0');              // reserved
  put16(out, 0);                            // metricDataFormat
  put16(out, glyph_count);                  // numberOfHMetrics
  return out;
}

std::string hmtx_table() {
  std::string out;
  put16(out, 500);  // .notdef
  put16(out, 0);
  for (const Glyph& g : glyphs()) {
    put16(out, static_cast<uint32_t>(g.width));
    put16(out, static_cast<uint32_t>(g.contours[0][0].x));
  }
  return out;
}

std::string maxp_table(uint32_t glyph_count) {
  std::string out;
  put32(out, 0x00005000);  // version 0.5, for CFF fonts
  put16(out, glyph_count);
  return out;
}

// cmap: one format 12 subtable for (3, 10).
std::string cmap_table() {
  // Groups sorted by character, as readers search them.
  std::vector<std::pair<char32_t, uint32_t>> mapping;
  for (char32_t c : kNameKeyedCharacters)
    mapping.emplace_back(c, static_cast<uint32_t>(mapping.size() + 1));
  std::sort(mapping.begin(), mapping.end());
  std::string groups;
  const auto count = static_cast<uint32_t>(mapping.size());
  for (const auto& [c, glyph] : mapping) {
    put32(groups, c);
    put32(groups, c);
    put32(groups, glyph);
  }
  std::string out;
  put16(out, 0);   // version
  put16(out, 1);   // numTables
  put16(out, 3);   // Windows
  put16(out, 10);  // UCS-4
  put32(out, 12);
  put16(out, 12);  // format
  put16(out, 0);
  put32(out, 16 + static_cast<uint32_t>(groups.size()));
  put32(out, 0);  // language
  put32(out, count);
  return out + groups;
}

// name: family (1) and PostScript name (6), Windows Unicode English.
std::string name_table() {
  const std::string ps = kNameKeyedPostScriptName;
  std::string utf16;
  for (char c : ps) {
    utf16 += '\0';
    utf16 += c;
  }
  std::string out;
  put16(out, 0);           // format
  put16(out, 2);           // count
  put16(out, 6 + 2 * 12);  // storage offset
  for (uint32_t id : {1u, 6u}) {
    put16(out, 3);
    put16(out, 1);
    put16(out, 0x409);
    put16(out, id);
    put16(out, static_cast<uint32_t>(utf16.size()));
    put16(out, 0);  // both records share the string
  }
  return out + utf16;
}

}  // namespace

void write_name_keyed_font(const std::string& path) {
  const auto glyph_count = static_cast<uint32_t>(glyphs().size() + 1);
  const std::string font = fake_sfnt("OTTO", {{"CFF ", cff_table()},
                                              {"cmap", cmap_table()},
                                              {"head", head_table()},
                                              {"hhea", hhea_table(glyph_count)},
                                              {"hmtx", hmtx_table()},
                                              {"maxp", maxp_table(glyph_count)},
                                              {"name", name_table()}});
  std::ofstream(path, std::ios::binary) << font;
}

}  // namespace tuijie::testing
