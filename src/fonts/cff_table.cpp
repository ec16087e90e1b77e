#include "fonts/cff_table.hpp"

#include <cmath>

namespace tuijie::fonts {
namespace {

// Standard strings end at SID 390; SIDs from 391 on index the String INDEX.
constexpr uint32_t kStandardStrings = 391;

// Top DICT operators (TN 5176, table 9); two-byte ones as 1200 + second byte.
constexpr int kCharsetOp = 15;
constexpr int kCharStringsOp = 17;
constexpr int kRosOp = 1230;

struct Malformed {
  std::string why;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  uint32_t byte(size_t at) const {
    if (at >= data_.size())
      throw Malformed{"the CFF table ends early"};
    return static_cast<uint8_t>(data_[at]);
  }
  uint32_t card16(size_t at) const { return byte(at) << 8 | byte(at + 1); }
  uint32_t offset(size_t at, unsigned size) const {
    uint32_t v = 0;
    for (unsigned i = 0; i < size; ++i)
      v = v << 8 | byte(at + i);
    return v;
  }
  size_t size() const { return data_.size(); }
  std::string_view slice(size_t begin, size_t end) const {
    if (begin > end || end > data_.size())
      throw Malformed{"an INDEX entry lies outside the CFF table"};
    return data_.substr(begin, end - begin);
  }

 private:
  std::string_view data_;
};

// An INDEX: the byte range of each entry, and where the next structure starts.
struct Index {
  std::vector<std::pair<uint32_t, uint32_t>> entries;
  size_t end = 0;
};

Index read_index(const Reader& r, size_t at) {
  Index index;
  const uint32_t count = r.card16(at);
  if (count == 0) {
    index.end = at + 2;
    return index;
  }
  const unsigned off_size = r.byte(at + 2);
  if (off_size < 1 || off_size > 4)
    throw Malformed{"an INDEX has an offset size outside 1..4"};
  const size_t offsets = at + 3;
  const size_t data = offsets + (size_t{count} + 1) * off_size - 1;  // offsets count from 1
  index.entries.reserve(count);
  uint32_t previous = r.offset(offsets, off_size);
  for (uint32_t i = 1; i <= count; ++i) {
    const uint32_t next = r.offset(offsets + size_t{i} * off_size, off_size);
    if (next < previous || data + next > r.size())
      throw Malformed{"an INDEX has offsets out of order or past the table"};
    index.entries.emplace_back(static_cast<uint32_t>(data + previous),
                               static_cast<uint32_t>(data + next));
    previous = next;
  }
  index.end = data + previous;
  return index;
}

// The operands of each operator of a DICT, numbers only (the Top DICT needs no more).
std::vector<std::pair<int, std::vector<double>>> read_dict(std::string_view dict) {
  const Reader r(dict);
  std::vector<std::pair<int, std::vector<double>>> out;
  std::vector<double> operands;
  size_t i = 0;
  while (i < dict.size()) {
    const uint32_t b0 = r.byte(i);
    if (b0 <= 21) {
      int op = static_cast<int>(b0);
      ++i;
      if (b0 == 12) {
        op = 1200 + static_cast<int>(r.byte(i));
        ++i;
      }
      out.emplace_back(op, std::move(operands));
      operands.clear();
    } else if (b0 == 28) {
      operands.push_back(static_cast<int16_t>(r.card16(i + 1)));
      i += 3;
    } else if (b0 == 29) {
      operands.push_back(static_cast<int32_t>(r.offset(i + 1, 4)));
      i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to 0xf; its value is never needed here
      ++i;
      while ((r.byte(i) & 0x0F) != 0x0F && (r.byte(i) >> 4) != 0x0F)
        ++i;
      ++i;
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<double>(b0) - 139);
      i += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push_back((static_cast<double>(b0) - 247) * 256 + r.byte(i + 1) + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push_back(-(static_cast<double>(b0) - 251) * 256 - r.byte(i + 1) - 108);
      i += 2;
    } else {
      throw Malformed{"the Top DICT holds a byte that is neither operand nor operator"};
    }
  }
  return out;
}

const std::vector<double>* operands_of(const std::vector<std::pair<int, std::vector<double>>>& dict,
                                       int op) {
  for (const auto& [key, operands] : dict) {
    if (key == op)
      return &operands;
  }
  return nullptr;
}

uint32_t as_offset(double value) {
  if (!(value >= 0) || value > 0xFFFFFFFFu || value != std::floor(value))
    throw Malformed{"the Top DICT gives an offset that is not a whole number ≥ 0"};
  return static_cast<uint32_t>(value);
}

std::string string_of(const Reader& r, const Index& strings, double sid, const char* standard) {
  const uint32_t id = as_offset(sid);
  // A registry or ordering that is a standard string never occurs in practice (they are Adobe,
  // Identity, GB1 ...); the name only fills CIDSystemInfo, which viewers do not use for an
  // embedded font.
  if (id < kStandardStrings)
    return standard;
  if (id - kStandardStrings >= strings.entries.size())
    throw Malformed{"the ROS names a string the String INDEX does not have"};
  const auto [begin, end] = strings.entries[id - kStandardStrings];
  return std::string(r.slice(begin, end));
}

// CID of each glyph from a charset (TN 5176, section 13; formats 0, 1 and 2).
std::vector<uint16_t> read_charset(const Reader& r, uint32_t at, uint32_t glyph_count) {
  std::vector<uint16_t> cids;
  cids.reserve(glyph_count);
  cids.push_back(0);  // glyph 0 is .notdef, CID 0, and not in the charset
  if (at <= 2) {
    // A predefined charset (ISOAdobe, Expert, ExpertSubset) in a CID-keyed font: no font made
    // by current tools does this; take glyph ids as CIDs, which ISOAdobe gives for its range.
    for (uint32_t g = 1; g < glyph_count; ++g)
      cids.push_back(static_cast<uint16_t>(g));
    return cids;
  }
  const uint32_t format = r.byte(at);
  size_t p = at + 1;
  while (cids.size() < glyph_count) {
    if (format == 0) {
      cids.push_back(static_cast<uint16_t>(r.card16(p)));
      p += 2;
    } else if (format == 1 || format == 2) {
      const uint32_t first = r.card16(p);
      const uint32_t left = format == 1 ? r.byte(p + 2) : r.card16(p + 2);
      p += format == 1 ? 3 : 4;
      for (uint32_t k = 0; k <= left && cids.size() < glyph_count; ++k) {
        if (first + k > 0xFFFF)
          throw Malformed{"the charset gives a CID above 65535"};
        cids.push_back(static_cast<uint16_t>(first + k));
      }
    } else {
      throw Malformed{"the charset has an unknown format " + std::to_string(format)};
    }
  }
  return cids;
}

}  // namespace

std::optional<CffTable> read_cff_table(std::string_view table, std::string& why) {
  try {
    const Reader r(table);
    const uint32_t major = r.byte(0);
    if (major != 1)
      throw Malformed{"the CFF table has major version " + std::to_string(major) + ", not 1"};
    const uint32_t header_size = r.byte(2);
    const Index names = read_index(r, header_size);
    const Index top_dicts = read_index(r, names.end);
    const Index strings = read_index(r, top_dicts.end);
    if (top_dicts.entries.size() != 1)
      throw Malformed{"the CFF table holds " + std::to_string(top_dicts.entries.size()) +
                      " fonts, not one"};
    const auto [top_begin, top_end] = top_dicts.entries[0];
    const auto top = read_dict(r.slice(top_begin, top_end));

    CffTable out;
    const std::vector<double>* char_strings = operands_of(top, kCharStringsOp);
    if (!char_strings || char_strings->size() != 1)
      throw Malformed{"the Top DICT has no CharStrings offset"};
    const Index glyphs = read_index(r, as_offset(char_strings->front()));
    out.glyph_count = static_cast<uint32_t>(glyphs.entries.size());
    if (out.glyph_count == 0)
      throw Malformed{"the CFF table has no glyphs"};
    out.charstrings = glyphs.entries;

    if (const std::vector<double>* ros = operands_of(top, kRosOp)) {
      if (ros->size() != 3)
        throw Malformed{"the ROS operator does not have three operands"};
      out.cid_keyed = true;
      out.registry = string_of(r, strings, (*ros)[0], "Adobe");
      out.ordering = string_of(r, strings, (*ros)[1], "Identity");
      out.supplement = static_cast<int>((*ros)[2]);
      const std::vector<double>* charset = operands_of(top, kCharsetOp);
      const uint32_t charset_at = charset && charset->size() == 1 ? as_offset(charset->front()) : 0;
      out.cid_of_glyph = read_charset(r, charset_at, out.glyph_count);
      out.charset_offset = charset_at;
    }
    return out;
  } catch (const Malformed& m) {
    why = m.why;
    return std::nullopt;
  }
}

}  // namespace tuijie::fonts
