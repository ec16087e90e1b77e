// Paragraph layout: Chinese/Latin text in one style broken into lines of a given width.
//
// Break opportunities come from ICU's UAX #14 line BreakIterator, tightened by the rules of
// ../shared/spec/documents.md (characters that may not start or end a line, unsplittable
// ……/——, numbers with units, e-mail addresses, phone numbers, dates). Glyphs come from the
// style's font chain, character by character. The stage knows nothing about forms.
//
// Lines are filled greedily: each line takes as much text as fits and breaks at the last
// ordinary opportunity; only text wider than a whole line is broken at a weaker place (inside
// a URL after '/', '.', '@'; then between characters; then against the punctuation rules).
// Spaces (U+0020) at a break are dropped; tabs are set as spaces; "\r\n" and "\r" count as
// "\n". Advances are the fonts' own (no kerning: the text is Chinese, set solid).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_set.hpp"
#include "page/page_model.hpp"
#include "text/unbroken_terms.hpp"

namespace tuijie::text {

enum class Align { Left, Center, Right, Justify };

struct TextStyle {
  const fonts::FontChain* chain = nullptr;
  double size = 10.5;    // pt
  double leading = 1.4;  // line height as a multiple of size
  Align align = Align::Left;
  page::Color color;
  double hang = 0;  // pt: every line after the first starts this far in (a hanging indent)
  /// pt added to the advance of every character drawn, the last of a line included, so that
  /// a line of N full-width characters is exactly N character pitches long (GB/T 9704's
  /// 28 characters of 16 pt in a 156 mm line need -0.207 pt). Justification adds to it.
  double tracking = 0;
  /// Words no line breaks inside (data/reference/terms.json); null = none.
  const UnbrokenTerms* terms = nullptr;
};

struct LaidLine {
  /// Runs positioned relative to the line: x from the left edge of the available width
  /// (alignment already applied), y = 0 on the baseline. A new run starts where the face
  /// changes, or where justification stretches the gaps differently (between ideographs, not
  /// inside Latin words).
  std::vector<page::GlyphRun> runs;
  double width = 0;  // natural width of the content (before justification)
  /// Baseline distance from the top of the line box: the em box is centred in the line box
  /// and the baseline sits at 0.88 em below the em box's top, where CJK fonts put it (their
  /// ideographic em box runs from 0.88 em above the baseline to 0.12 em below). So
  /// ascent = (height - size) / 2 + 0.88 * size.
  double ascent = 0;
  double height = 0;  // line box height (size * leading)
  /// The characters of the line, as in the source, without the spaces dropped at the break
  /// and without the '\n' that ended it (for tests and overflow reports).
  std::u32string text;
};

struct ParagraphLayout {
  std::vector<LaidLine> lines;
  double height = 0;       // sum of line heights
  double max_width = 0;    // widest line
  std::u32string missing;  // characters no face of the chain has (not drawn), each once
  bool overfull = false;   // a single character is wider than the width (it gets a line)
  /// Some line broke where the rules only allow it as a last resort (inside an e-mail
  /// address, number or word, or against the line-start/end rules). A fixed cell shrinks
  /// its text before it accepts that.
  bool compromised = false;
};

/// Breaks UTF-8 text into lines no wider than `width` points. '\n' forces a line break (a
/// final '\n' adds no empty line; empty text gives no lines). Align::Justify stretches every
/// line but the last and those ended by '\n' to exactly `width`. Ill-formed UTF-8 is drawn as
/// U+FFFD. Thread-safe; the style's chain must not be null. Throws TuijieError when a
/// fallback font named by the manifest cannot be opened.
ParagraphLayout layout_paragraph(std::string_view utf8, const TextStyle& style, double width);

/// Width of the text on one line, unbroken ('\n' counts as nothing).
double measure(std::string_view utf8, const TextStyle& style);

/// The widths a text can be set in, as a table sizing its columns from content needs them.
struct ContentWidths {
  /// The widest piece between two ordinary break opportunities: a credit code, a phone
  /// number, a number with its unit, a word of the term list. Narrower, something breaks
  /// that should not.
  double min = 0;
  /// The widest line when nothing but '\n' breaks it.
  double max = 0;
};
ContentWidths content_widths(std::string_view utf8, const TextStyle& style);

}  // namespace tuijie::text
