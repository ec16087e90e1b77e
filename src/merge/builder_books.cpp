// The document builder's book structure: sections (running titles, bookmarks) and the table
// of contents that lists them.
#include "merge/builder.hpp"

namespace tuijie::merge {

// A section of a book: optionally a right-hand page break, then the mark that names its
// pages (running headers, a bookmark, a contents entry), then its content.
void Builder::add_section(const Element& e, const layout::Style& inherited,
                          std::vector<layout::Block>& out) {
  const std::string& start = e.choice("start");
  if (start == "right")
    out.push_back(layout::PageBreak{true});
  else if (start == "page")
    out.push_back(layout::PageBreak{false});
  layout::SectionMark mark;
  mark.title = expand(e.pattern("title"), scope_);
  mark.anchor = "section-" + std::to_string(++section_count_);
  if (e.choice("bookmark") == "yes")
    mark.bookmark = mark.title;
  mark.bookmark_level = static_cast<int>(e.integer("level")) - 1;
  if (e.choice("contents") == "yes")
    sections_.push_back({mark.title, mark.anchor});
  out.push_back(mark);
  std::string saved_title = std::move(section_title_);
  section_title_ = mark.title;
  for (const Element& child : e.children)
    add_block(child, inherited, out);
  section_title_ = std::move(saved_title);
}

// A table of contents: a placeholder, filled in by fill_contents once every section of the
// document is known.
void Builder::add_contents(const Element& e, const layout::Style& inherited, Blocks& out) const {
  layout::ContentsEntry entry;
  entry.style = resolve_style(tpl_, e, inherited);
  entry.leader = e.text_value("leader");
  entry.space_before = e.length_pt("space-before", entry.style.size);
  entry.space_after = e.length_pt("space-after", entry.style.size);
  entry.anchor = kContentsPlaceholder;
  out.push_back(std::move(entry));
}

// Each <contents> becomes one entry per section of the document, in document order.
void Builder::fill_contents(std::vector<layout::Block>& blocks) const {
  for (size_t i = 0; i < blocks.size(); ++i) {
    auto* placeholder = std::get_if<layout::ContentsEntry>(&blocks[i]);
    if (!placeholder || placeholder->anchor != kContentsPlaceholder)
      continue;
    const layout::ContentsEntry pattern = *placeholder;
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
    for (const Section& section : sections_) {
      layout::ContentsEntry entry = pattern;
      entry.title = section.title;
      entry.anchor = section.anchor;
      blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(i++), std::move(entry));
    }
    --i;
  }
}

}  // namespace tuijie::merge
