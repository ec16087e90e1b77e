// The per-code tables of a CIDFont: glyph widths (W, DW) and the ToUnicode CMap.
//
// Codes are 2-byte CIDs; with CIDToGIDMap /Identity a code is the glyph id in the embedded
// subset.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tuijie::pdf {

/// Widths in thousandths of an em.
struct CidWidths {
  /// DW: the most common whole-number width of the codes shown (poppler ignores a DW that
  /// is not an integer), else PDF's default of 1000.
  double default_width = 1000;
  /// W as runs of consecutive codes: (first code, widths of first, first + 1, ...). Only
  /// codes whose width differs from DW appear.
  std::vector<std::pair<uint16_t, std::vector<double>>> runs;
};

/// `widths` maps each code shown to its width; it need not be sorted.
CidWidths build_cid_widths(std::vector<std::pair<uint16_t, double>> widths);

/// A ToUnicode CMap mapping each code to its character, as `bfchar` blocks of at most 100
/// entries in UTF-16BE (surrogate pairs above U+FFFF). Codes without a character (0) and
/// values that are not Unicode scalar values are left out. `code_to_text` need not be
/// sorted.
std::string build_to_unicode_cmap(std::vector<std::pair<uint16_t, char32_t>> code_to_text);

/// Appends `c` as UTF-16BE in upper-case hex digits (a surrogate pair above U+FFFF).
void append_utf16be_hex(std::string& out, char32_t c);

}  // namespace tuijie::pdf
