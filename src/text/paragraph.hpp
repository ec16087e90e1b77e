// Paragraph layout: Chinese/Latin text in one style broken into lines of a given width.
//
// Break opportunities come from ICU's UAX #14 line BreakIterator, tightened by the rules of
// ../shared/spec/documents.md (characters that may not start or end a line, unsplittable
// ……/——, numbers with units, e-mail addresses, phone numbers, dates). Glyphs come from the
// style's font chain, character by character. The stage knows nothing about forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_set.hpp"
#include "layout/page_model.hpp"

namespace tuijie::text {

enum class Align { Left, Center, Right, Justify };

struct TextStyle {
  const fonts::FontChain* chain = nullptr;
  double size = 10.5;     // pt
  double leading = 1.4;   // line height as a multiple of size
  Align align = Align::Left;
  layout::Color color;
};

struct LaidLine {
  /// Runs positioned relative to the line: x from the left edge of the available width
  /// (alignment already applied), y = 0 on the baseline.
  std::vector<layout::GlyphRun> runs;
  double width = 0;     // natural width of the content
  double ascent = 0;    // baseline distance from the top of the line box
  double height = 0;    // line box height (size * leading)
  std::u32string text;  // the characters of the line (for tests and overflow reports)
};

struct ParagraphLayout {
  std::vector<LaidLine> lines;
  double height = 0;       // sum of line heights
  double max_width = 0;    // widest line
  std::u32string missing;  // characters no face of the chain has (not drawn)
  bool overfull = false;   // some unbreakable piece is wider than the width
};

/// Breaks UTF-8 text into lines no wider than `width` points. '\n' forces a line break.
ParagraphLayout layout_paragraph(std::string_view utf8, const TextStyle& style, double width);

/// Width of the text on one line, unbroken.
double measure(std::string_view utf8, const TextStyle& style);

}  // namespace tuijie::text
