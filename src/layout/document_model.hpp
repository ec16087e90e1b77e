// What the layout stage lays out: blocks of styled text, tables, photos and stamp zones,
// with every value already merged in. Nothing here knows which form it is.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "image/image.hpp"
#include "page/page_model.hpp"
#include "text/paragraph.hpp"

namespace tuijie::layout {

struct Style {
  const fonts::FontChain* chain = nullptr;
  double size = 10.5;    // pt
  double leading = 1.4;  // line height / size
  text::Align align = text::Align::Left;
  page::Color color;
  double min_size = 0;  // shrink floor for fixed cells; 0 = never shrink
  double indent = 0;    // first-line indent, pt
  double hang = 0;      // hanging indent of every line after the first, pt
  /// > 0: characters are set on a grid of this many full-width characters per line of the
  /// box (GB/T 9704: 28 a line), the pitch being the box's width divided by it. The indent
  /// and the hang then count in pitches too, so that an indented line holds 26.
  int chars_per_line = 0;
  const text::UnbrokenTerms* terms = nullptr;  // words no line breaks inside; null = none
};

struct Paragraph {
  Style style;
  std::string text;   // UTF-8, '\n' = forced line break
  std::string label;  // what an overflow report calls this text (field name)
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
  /// The lines are as tall as their glyphs' outlines, not their line boxes, so that the
  /// space before is measured to the top of the ink (GB/T 9704 places a letterhead's name by
  /// the top of its characters: 30 mm from the top of the page).
  bool ink_box = false;
  /// Takes its room and prints nothing (a letterhead on paper that has it printed already).
  bool hidden = false;
};

/// A horizontal rule of one or more parallel lines (a letterhead's red double rule: thick
/// over thin), centred or aligned in the text block.
struct Rule {
  std::vector<double> lines;  // thickness of each line, top to bottom, pt
  double gap = 0;             // clear space between two lines, pt
  double length = 0;          // pt; 0 = the width of the text block
  text::Align align = text::Align::Center;
  page::Color color;
  double space_before = 0, space_after = 0;
  /// >= 0: not in the flow but on the page where it stands, its lowest edge this far above
  /// the bottom edge of the paper (GB/T 9704's rule 20 mm above it).
  double from_bottom = -1;
  bool hidden = false;  // takes its room and prints nothing
  double height() const {
    double sum = 0;
    for (double thickness : lines)
      sum += thickness;
    return lines.empty() ? 0 : sum + gap * static_cast<double>(lines.size() - 1);
  }
};

struct Photo {
  std::shared_ptr<const image::PreparedImage> image;  // null: an empty box is drawn
  double width = 0, height = 0;                       // the frame, pt
  text::Align align = text::Align::Center;
  bool frame = true;
};

/// A clear area for a round seal, with its label above and the date line below.
struct StampZone {
  Style style;
  std::string label;             // e.g. （盖章）
  std::string signature;         // e.g. 法定代表人签字：________ (may be empty)
  std::string date;              // e.g. ____年____月____日
  double width = 0, height = 0;  // the clear area, at least 45 x 45 mm
  bool guide = false;            // draw a light dashed circle where the seal goes
  /// An official letter's sign-off (GB/T 9704-2012): the label (the issuing organisation)
  /// centred over the date line, both in the lower half of the zone, which stands centred
  /// over them; the date line ends `date_inset` points from the right edge.
  bool seal_over = false;
  double date_inset = 0;
  /// The last lines of the paragraph before that stay on the zone's page, so that a
  /// signature and date never stand alone at the top of a page.
  int keep_lines_before = 0;
  bool keep_with_next = false;  // the block after it (a contact note) stays on its page
};

/// Items set side by side in equal columns, filled row by row (the options of a check-box
/// question, a list of names). Each item wraps inside its own column; a row of items is as
/// tall as its tallest item and never splits across pages.
struct ColumnList {
  int columns = 1;
  double gap = 0;  // pt between columns
  std::vector<Paragraph> items;
  double space_before = 0, space_after = 0;
};

struct Spacer {
  double height = 0;
};

/// The next block starts a new page; with `right_hand`, a right-hand (odd-numbered) page,
/// leaving the left-hand page before it blank (no header or footer) when needed.
struct PageBreak {
  bool right_hand = false;
};

/// Where a section of a book starts (a category of the award booklet). Takes no room: it
/// belongs to the page on which the block after it starts. From that page on, running text
/// shows `title` (kSectionTitleMark); a contents entry naming `anchor` prints that page's
/// folio; `bookmark` (when not empty) becomes a PDF bookmark at `bookmark_level`.
struct SectionMark {
  std::string title;
  std::string anchor;
  std::string bookmark;
  int bookmark_level = 0;
};

/// From the page the block after it starts on, pages carry headers, footers and folios,
/// counting from `first`. A document without one numbers every page from 1; in a document
/// with one, the pages before it (a cover, the contents) carry no header or footer and no
/// folio, as a book's front matter.
struct FolioStart {
  int first = 1;
};

/// One line of a table of contents: the title, a dotted leader, and the folio of the page on
/// which the section named `anchor` starts, right-aligned. Folios are filled in after the
/// whole document is laid out, so the contents stay right when a section grows. A long title
/// wraps within the width left of the folio; an entry never splits across pages. An anchor no
/// SectionMark names is reported as an error.
struct ContentsEntry {
  Style style;
  std::string title;
  std::string anchor;
  std::string leader = ".";  // repeated between the title and the folio
  double space_before = 0, space_after = 0;
};

struct Table;

/// One block of a page or cell. Tables are held by pointer: a cell holds blocks.
using Block = std::variant<Paragraph, std::shared_ptr<Table>, Photo, StampZone, ColumnList, Spacer,
                           PageBreak, SectionMark, FolioStart, ContentsEntry, Rule>;

enum class VAlign { Top, Middle, Bottom };

struct Cell {
  int colspan = 1;
  int rowspan = 1;
  std::vector<Block> blocks;
  VAlign valign = VAlign::Middle;
  double padding = 0;       // pt, all sides (at least 1 mm keeps text off the borders)
  bool splittable = false;  // text may continue on the next page
  bool fill = false;
  page::Color fill_color{0.94, 0.94, 0.94};
};

struct Row {
  std::vector<Cell> cells;
  double height = 0;      // > 0: fixed height, text shrinks to fit
  double min_height = 0;  // growing rows
  bool keep_with_next = false;
};

struct Table {
  std::vector<double> columns;  // widths, pt
  /// The widths are solved from the cells' content within the columns' total: what must not
  /// break (a code, a number, a listed term) gets its whole width first, the rest goes to
  /// the columns whose text wraps, and no column gets more than its widest line needs until
  /// every column has that.
  bool fit_content = false;
  double border = 0.6;  // pt
  int header_rows = 0;  // repeated at the top of every continuation page
  std::vector<Row> rows;
  double space_before = 0, space_after = 0;
};

/// Stand-ins for the page number and count in running text, filled in after pagination.
/// Private-use characters, so that no record value can be mistaken for them.
inline constexpr const char* kPageNumberMark = "\uE000";
inline constexpr const char* kPageCountMark = "\uE001";
/// The title of the section a page belongs to (the SectionMark that starts on the page, else
/// the last one before it); empty before the first.
inline constexpr const char* kSectionTitleMark = "\uE002";

/// Which pages a header or footer is printed on. Odd and even count physical pages from 1:
/// odd pages are right-hand pages.
enum class PageSides { All, Odd, Even, AfterFirst };

/// Running text at the top or bottom of every page.
struct PageFurniture {
  Style style;
  std::string text;
  /// Printed on the outer side, as a bound document numbers its pages: right on odd pages,
  /// left on even ones (the style's alignment is then ignored).
  bool outer_side = false;
  PageSides sides = PageSides::All;
  /// >= 0: the top of the line box this far below the text block (a footer) or its bottom this
  /// far above it (a header), rather than centred in the margin. GB/T 9704: folios 7 mm below.
  double offset = -1;
  /// The text keeps this far in from the text block's edges (GB/T 9704: 一字, one character).
  double inset = 0;
  /// Left off the page a section opens on, as books leave the running head off a chapter's
  /// first page (its title stands right under it).
  bool skip_section_openings = false;
};

/// A QR code in the bottom margin of every page (the document's number and hash).
struct QrMark {
  std::string data;
  double size = 0;    // pt, quiet zone included
  bool left = false;  // at the bottom left rather than the bottom right
  /// Every page with a folio; or once, on the first or the last page whatever its folio: a
  /// published booklet carries its identity on its last page, not on the cover.
  enum class Pages { Folioed, First, Last } pages = Pages::Folioed;
};

struct PageSetup {
  double width = mm_to_pt_a4_width();
  double height = mm_to_pt_a4_height();
  double margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;
  /// >= 0: the first page's text block starts this far from the top instead (a letter whose
  /// letterhead stands above the other pages' text block).
  double first_margin_top = -1;
  static constexpr double mm_to_pt_a4_width() { return 210.0 * 72.0 / 25.4; }
  static constexpr double mm_to_pt_a4_height() { return 297.0 * 72.0 / 25.4; }
};

struct DocumentModel {
  PageSetup page;
  std::vector<Block> blocks;
  std::vector<PageFurniture> footers;
  std::vector<PageFurniture> headers;
  std::optional<QrMark> qr;  // drawn in the bottom margin of every page
  page::DocumentInfo info;
  std::string name;  // what reports call this document (record key and name)
  /// The smallest fraction of their line spacing paragraphs may be tightened to, to keep a
  /// sign-off on the page of the text before it; 1 = never tighten.
  double tighten_to = 1;
};

}  // namespace tuijie::layout
