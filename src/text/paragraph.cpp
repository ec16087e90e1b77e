#include "text/paragraph.hpp"

#include <algorithm>

#include <unicode/uchar.h>

#include <array>
#include <stdexcept>

#include "core/utf8.hpp"
#include "text/break_opportunities.hpp"
#include "text/break_rules.hpp"

namespace tuijie::text {
namespace {

// Widths are sums of doubles; text that fits exactly must not be pushed to the next line by
// rounding noise.
constexpr double kFitTolerance = 1e-6;  // pt
// Where the baseline sits in the em box, from its top (see LaidLine::ascent).
constexpr double kBaselineInEm = 0.88;

// One character as set: its face and glyph, or no face when nothing is drawn for it.
struct SetChar {
  const fonts::FontFace* face = nullptr;
  uint32_t glyph = 0;
  double advance = 0;  // pt
};

// A line as chosen by the filler: text[start, end) (trailing spaces already dropped).
struct LineSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  bool forced = false;  // ended by '\n'
  bool weak = false;    // broken at a last-resort opportunity
};

// Per-thread buffers, so that laying out a paragraph allocates only what it returns.
struct Scratch {
  std::u32string text;
  std::vector<BreakKind> breaks;
  std::vector<SetChar> chars;
  std::vector<LineSpan> lines;
  std::vector<std::size_t> drawn;
  std::vector<uint8_t> stretchable;
  std::vector<std::size_t> run_starts;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

// Decodes and sets the text: tabs become spaces, "\r\n" and "\r" become a line end.
void set_text(std::string_view utf8, const TextStyle& style, Scratch& s, std::u32string* missing) {
  if (!style.chain) {
    throw std::invalid_argument("TextStyle without a font chain");
  }
  utf8::decode_into(utf8, s.text);
  std::u32string& text = s.text;
  s.chars.assign(text.size(), SetChar{});
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t& c = text[i];
    if (c == U'\t') {
      c = U' ';
    }
    if (c == U'\r') {
      if (i + 1 < text.size() && text[i + 1] == U'\n') {
        continue;  // drawn as nothing
      }
      c = U'\n';
    }
    // Controls and default-ignorable characters (word joiner, ZWSP, variation selectors)
    // shape breaks but are never drawn: a font that maps them would put them in the copied
    // text.
    if (is_control(c) ||
        u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      continue;
    }
    const fonts::ResolvedGlyph resolved = style.chain->resolve(c);
    if (resolved.face) {
      s.chars[i] = {resolved.face, resolved.glyph,
                    resolved.advance * style.size / resolved.face->units_per_em() + style.tracking};
    } else if (missing) {
      if (missing->find(c) == std::u32string::npos) {
        missing->push_back(c);
      }
    }
  }
}

// Greedy filling: take characters while they fit, then break at the last opportunity of the
// strongest kind seen on the line. Spaces never make a line overflow; they hang and are
// dropped at the break.
void fill_lines(const Scratch& s, double first_width, double width, std::vector<LineSpan>& lines) {
  const std::u32string& text = s.text;
  const std::size_t n = text.size();
  lines.clear();
  std::size_t start = 0;
  while (start < n) {
    const double line_width = lines.empty() ? first_width : width;
    // last[k]: the last break of kind k on this line; 0 = none (a line never breaks at start).
    std::array<std::size_t, 5> last{};
    double used = 0;    // width up to the last character that is not a space
    double spaces = 0;  // width of the spaces after it
    std::size_t end = n;
    std::size_t next = n;
    bool forced = false;
    bool weak = false;
    for (std::size_t i = start; i < n; ++i) {
      const char32_t c = text[i];
      if (c == U'\n') {
        end = i > start && text[i - 1] == U'\r' ? i - 1 : i;  // "\r\n" ends the line as one
        next = i + 1;
        forced = true;
        break;
      }
      if (i > start) {
        last[static_cast<std::size_t>(s.breaks[i])] = i;
      }
      const double advance = s.chars[i].advance;
      if (rules::is_breaking_space(c)) {
        spaces += advance;
        continue;
      }
      if (i > start && used + spaces + advance > line_width + kFitTolerance) {
        std::size_t at = 0;
        for (std::size_t k = last.size() - 1; k > 0 && at == 0; --k) {
          at = last[k];
        }
        if (at != 0) {
          end = next = at;
          weak = s.breaks[at] < BreakKind::Allowed;
          break;
        }
        // Only cluster continuations since the line start: the line overflows.
      }
      used += spaces + advance;
      spaces = 0;
    }
    const std::size_t text_end = end;
    while (end > start && rules::is_breaking_space(text[end - 1])) {
      --end;
    }
    lines.push_back({start, end, forced, weak});
    if (!forced) {
      next = text_end;
      while (next < n && rules::is_breaking_space(text[next])) {
        ++next;
      }
    }
    start = next;
  }
}

bool stretches_after(char32_t c, char32_t following) {
  return c == U' ' || c == U'\u00A0' || rules::is_east_asian(c) || rules::is_east_asian(following);
}

LaidLine build_line(Scratch& s, const LineSpan& span, const TextStyle& style, double width,
                    bool justify) {
  LaidLine line;
  line.height = style.size * style.leading;
  line.ascent = (line.height - style.size) / 2 + kBaselineInEm * style.size;
  line.text.append(s.text.begin() + static_cast<std::ptrdiff_t>(span.start),
                   s.text.begin() + static_cast<std::ptrdiff_t>(span.end));

  std::vector<std::size_t>& drawn = s.drawn;  // indices of the characters that have a glyph
  drawn.clear();
  double natural = 0;
  for (std::size_t i = span.start; i < span.end; ++i) {
    natural += s.chars[i].advance;
    if (s.chars[i].face) {
      drawn.push_back(i);
    }
  }
  line.width = natural;
  if (drawn.empty()) {
    return line;
  }

  // Justification: the slack goes into the gaps next to East Asian characters and after
  // spaces, evenly; letters of a Latin word stay together.
  const std::size_t gaps = drawn.size() - 1;
  std::vector<uint8_t>& stretchable = s.stretchable;  // per gap after drawn[k]
  stretchable.assign(gaps, 0);
  double extra = 0;
  if (justify && natural < width && gaps > 0) {
    std::size_t count = 0;
    for (std::size_t k = 0; k < gaps; ++k) {
      stretchable[k] = stretches_after(s.text[drawn[k]], s.text[drawn[k + 1]]);
      count += stretchable[k];
    }
    if (count > 0) {
      extra = (width - natural) / static_cast<double>(count);
    }
  }

  double x = 0;
  if (extra == 0 && natural < width) {
    if (style.align == Align::Right) {
      x = width - natural;
    }
    if (style.align == Align::Center) {
      x = (width - natural) / 2;
    }
  }

  // Runs: one face each, and one kind of gap inside each (GlyphRun has one char_spacing).
  // First where each run starts, then the runs, each allocated once at its size.
  std::vector<std::size_t>& starts = s.run_starts;
  starts.clear();
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const bool new_face = k == 0 || s.chars[drawn[k]].face != s.chars[drawn[k - 1]].face;
    const bool new_gap_kind =
        k >= 2 && starts.back() + 2 <= k && stretchable[k - 1] != stretchable[k - 2];
    if (new_face || new_gap_kind) {
      starts.push_back(k);
    }
  }
  starts.push_back(drawn.size());
  line.runs.resize(starts.size() - 1);
  for (std::size_t r = 0; r + 1 < starts.size(); ++r) {
    page::GlyphRun& run = line.runs[r];
    const std::size_t first = starts[r];
    const std::size_t last = starts[r + 1];
    run.face = s.chars[drawn[first]].face;
    run.size = style.size;
    run.x = x;
    run.color = style.color;
    run.char_spacing = style.tracking + (last - first >= 2 && stretchable[first] ? extra : 0);
    run.glyphs.reserve(last - first);
    run.text.reserve(last - first);
    for (std::size_t k = first; k < last; ++k) {
      const SetChar& c = s.chars[drawn[k]];
      run.glyphs.push_back(c.glyph);
      run.text.push_back(s.text[drawn[k]]);
      x += c.advance + (k < gaps && stretchable[k] ? extra : 0);
    }
  }
  return line;
}

// A paragraph's last line of one ideograph (滨海新 / 区) reads as a mistake: the line before
// gives it its last character when it may break there, so two stand together. Justified
// text keeps its full lines (a 公文 grid counts its characters), so only other alignments.
void avoid_lone_last_character(const Scratch& s, std::vector<LineSpan>& lines) {
  if (lines.size() < 2)
    return;
  LineSpan& last = lines.back();
  LineSpan& before = lines[lines.size() - 2];
  if (before.forced || last.end != last.start + 1 || !rules::is_east_asian(s.text[last.start]))
    return;
  if (before.end != last.start || before.end < before.start + 3)
    return;  // spaces dropped at the break, or too short a line to give one away
  const std::size_t at = before.end - 1;
  if (s.breaks[at] < BreakKind::Allowed || !rules::is_east_asian(s.text[at]))
    return;
  before.end = at;
  last.start = at;
}

}  // namespace

ParagraphLayout layout_paragraph(std::string_view utf8, const TextStyle& style, double width) {
  ParagraphLayout out;
  Scratch& s = scratch();
  set_text(utf8, style, s, &out.missing);
  find_break_opportunities(s.text, s.breaks);
  if (style.terms)
    style.terms->protect(s.text, s.breaks);
  // A hanging indent sets every line after the first `hang` points in.
  const double hang = std::clamp(style.hang, 0.0, width / 2);
  fill_lines(s, width, width - hang, s.lines);
  if (style.align != Align::Justify)
    avoid_lone_last_character(s, s.lines);

  out.lines.reserve(s.lines.size());
  for (std::size_t l = 0; l < s.lines.size(); ++l) {
    const LineSpan& span = s.lines[l];
    const bool justify = style.align == Align::Justify && !span.forced && l + 1 < s.lines.size();
    const double indent = l == 0 ? 0 : hang;
    out.lines.push_back(build_line(s, span, style, width - indent, justify));
    LaidLine& line = out.lines.back();
    for (page::GlyphRun& run : line.runs)
      run.x += indent;
    out.height += line.height;
    out.max_width = std::max(out.max_width, line.width + indent);
    out.overfull = out.overfull || line.width > width - indent + kFitTolerance;
    out.compromised = out.compromised || span.weak;
  }
  return out;
}

ContentWidths content_widths(std::string_view utf8, const TextStyle& style) {
  Scratch& s = scratch();
  set_text(utf8, style, s, nullptr);
  find_break_opportunities(s.text, s.breaks);
  if (style.terms)
    style.terms->protect(s.text, s.breaks);
  ContentWidths out;
  double line = 0, piece = 0, spaces = 0;
  std::size_t drawn = 0;  // characters on the line
  // A line of a few characters is a word (滨海新区, a person's name, 联系人): kept whole.
  constexpr std::size_t kShortLine = 4;
  auto end_line = [&] {
    out.max = std::max(out.max, line);
    out.min = std::max(out.min, drawn <= kShortLine ? line : piece);
    line = piece = spaces = 0;
    drawn = 0;
  };
  for (std::size_t i = 0; i < s.text.size(); ++i) {
    const char32_t c = s.text[i];
    if (c == U'\n') {
      end_line();
      continue;
    }
    if (i > 0 && s.breaks[i] >= BreakKind::Allowed) {
      out.min = std::max(out.min, piece);
      piece = 0;
      spaces = 0;  // spaces before a break hang and are dropped
    }
    if (rules::is_breaking_space(c)) {
      spaces += s.chars[i].advance;
      line += s.chars[i].advance;
      continue;
    }
    piece += spaces + s.chars[i].advance;
    spaces = 0;
    line += s.chars[i].advance;
    drawn += s.chars[i].face != nullptr;
  }
  end_line();
  out.min += style.hang;  // a piece may stand on a hanging line
  return out;
}

double measure(std::string_view utf8, const TextStyle& style) {
  Scratch& s = scratch();
  set_text(utf8, style, s, nullptr);
  double width = 0;
  for (const SetChar& c : s.chars) {
    width += c.advance;
  }
  return width;
}

}  // namespace tuijie::text
