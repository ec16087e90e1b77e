// Reading a PDF back the way a user's tools see it: pdftotext -bbox-layout gives every line
// and word with its box, so tests can check what text stands inside a cell and how lines
// begin and end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tuijie::testing {

struct Box {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // points, top-left origin
};

struct Word {
  Box box;
  std::string text;
};

struct TextLine {
  int page = 0;  // 0-based
  Box box;
  std::vector<Word> words;
  std::string text() const;  // words joined without spaces
};

/// Lines of every page from `pdftotext -bbox-layout`. Throws std::runtime_error when the
/// tool fails; its standard error is returned in `warnings`.
std::vector<TextLine> read_lines(const std::string& pdf, std::string* warnings = nullptr);

/// Text of the words whose centre lies inside the box on the given page, in reading order,
/// with all white space removed.
std::string text_in_box(const std::vector<TextLine>& lines, int page, const Box& box);

/// documents.md, Chinese line breaking: the characters no line may start with, and those no
/// line may end with (the lists the tests use).
inline constexpr std::u32string_view kNoLineStart =
    U"，。、；：？！）》」』】〕〗〉”’…—·%‰℃,.;:?!)]}%";
inline constexpr std::u32string_view kNoLineEnd = U"（《「『【〔〖〈“‘￥$#([{";

/// `text` without spaces, tabs, line breaks and ideographic spaces.
std::string strip_space(const std::string& text);

}  // namespace tuijie::testing
