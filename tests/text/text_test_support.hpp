// Shared by the text tests: the project's font manifests, loaded once per test binary, and
// helpers to read laid-out lines as strings.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fonts/font_set.hpp"
#include "text/paragraph.hpp"

namespace tuijie::text::testing {

/// The test font manifest (tests/fonts/test-fonts.xml: fonts/fonts.xml's faces, fixed files)
/// and fonts/peers.xml of the source tree.
const fonts::FontSet& project_fonts();
const fonts::FontSet& peer_fonts();

/// A style in the project's 宋体 chain at 10 pt, so one ideograph is 10 pt wide.
TextStyle song(Align align = Align::Left, double size = 10);

std::string utf8(const std::u32string& text);
std::u32string utf32(const std::string& text);

/// The text of each line, as UTF-8.
std::vector<std::string> line_texts(const ParagraphLayout& layout);
/// All lines' text run together.
std::string joined(const ParagraphLayout& layout);

/// Right edge of a line's last glyph: run x + advances + the spacing between its glyphs.
double ink_right(const LaidLine& line);

}  // namespace tuijie::text::testing
