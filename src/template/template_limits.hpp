// The limits of the template language: what a template may nest and what one document may
// expand to. A template is a file a clerk edits, or one that arrives from elsewhere; without
// limits, 10,000 elements inside each other overflow the stack while the template is checked,
// and eight <repeat records> inside each other ask for more rows than memory holds. Each limit
// is a template error at the template's file, line and column, stating the limit.
// templates/README.md documents them for clerks.
#pragma once

#include <cstddef>

namespace tuijie::templates {

/// Elements inside each other, <document> counting as 1. The shipped templates nest at most
/// 8 deep; the parser stops building the tree below this depth, so no later stage recurses
/// deeper.
inline constexpr std::size_t kMaxNestingDepth = 100;

/// `min-rows` of a <repeat list>: the empty rows a form pads a list with.
inline constexpr int kMaxMinRows = 1000;

/// What merging one record may produce: blocks, rows, cells, runs of text and passes through a
/// repeat (and the records a <repeat records> sorts) each count 1. A row of the bureau's
/// summary tables costs about 24: 2,000 organisations take about 50,000, 10,000 enterprises in
/// one table reach the limit (templates/summary-tables.xml, measured).
inline constexpr std::size_t kMaxExpansion = 250000;

/// The text one document may hold, in bytes of UTF-8.
inline constexpr std::size_t kMaxTextBytes = 32 * 1024 * 1024;

}  // namespace tuijie::templates
