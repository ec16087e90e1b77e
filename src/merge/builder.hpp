// The document builder: merges one record into a compiled template, giving the layout
// stage's DocumentModel (merge/document_builder.hpp is its entry point). Its parts live in
// files of one purpose each:
//   document_builder.cpp   the driver: the document, its running text, blocks by element
//   builder_scope.cpp      field lookup and {field} placeholders
//   builder_text.cpp       inline content and paragraphs
//   builder_figures.cpp    photos and stamp zones
//   builder_choices.cpp    check boxes, option lists, choice trees
//   builder_tables.cpp     tables, rows, cells and merged cells
//   builder_repeats.cpp    <repeat list>, <repeat choices> and <repeat records>
//   builder_books.cpp      sections, contents and folios
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/document_model.hpp"
#include "merge/builder_scope.hpp"
#include "merge/compiled_template.hpp"
#include "merge/expansion_budget.hpp"
#include "merge/record_sets.hpp"

namespace tuijie::merge {

class Builder {
 public:
  Builder(const CompiledTemplate& tpl, const Globals& globals, const records::Record& record,
          const RecordSets* sets, Diagnostics& diagnostics);

  layout::DocumentModel build();

 private:
  using Element = templates::Element;
  using Blocks = std::vector<layout::Block>;

  // document_builder.cpp
  std::string record_name() const;
  void add_block(const Element& e, const layout::Style& inherited, Blocks& out);
  bool condition_holds(const Element& when) const;

  // builder_text.cpp
  static std::string normalise_space(const std::string& text);
  std::string inline_text(const Element& e) const;
  static std::string label_of(const Element& e);
  layout::Paragraph paragraph(const Element& e, const layout::Style& style) const;
  layout::Rule rule(const Element& e) const;
  bool printed(const Element& e) const;
  static bool is_inline(const Element& e);

  // builder_figures.cpp
  layout::Photo photo(const Element& e);
  layout::StampZone stamp(const Element& e, const layout::Style& style) const;

  // builder_choices.cpp
  std::vector<ChoiceOption> options_of(const Element& e) const;
  static bool is_chosen(const std::string& value, const std::string& option);
  static std::string boxed(const std::string& box, const std::string& name, bool glue_all);
  std::string choices_text(const Element& e) const;
  layout::ColumnList choice_columns(const Element& e, const layout::Style& inherited) const;
  std::vector<NodeScope> choice_nodes(const Element& repeat) const;

  // builder_tables.cpp
  void add_table(const Element& e, const layout::Style& inherited, Blocks& out);
  void add_rows(const Element& e, const layout::Style& style, layout::Table& table);
  void cell_blocks(const Element& e, const layout::Style& style, Blocks& out);
  layout::Cell cell(const Element& e, const layout::Style& inherited);
  const Element& property_source(const Element& cell, const std::string& key) const;
  void apply_merges(layout::Table& table);
  std::vector<double> column_widths(const templates::ColumnWidths& columns) const;

  // builder_repeats.cpp
  void add_list_rows(const Element& repeat, const layout::Style& style, layout::Table& table);
  void add_choice_rows(const Element& repeat, const layout::Style& style, layout::Table& table);
  void add_record_rows(const Element& repeat, const layout::Style& style, layout::Table& table);
  void add_record_blocks(const Element& repeat, const layout::Style& inherited, Blocks& out);
  std::vector<const records::Record*> records_of(const Element& repeat) const;
  void for_each_record(const Element& repeat, const std::function<void()>& each);

  // builder_books.cpp
  void add_section(const Element& e, const layout::Style& inherited, Blocks& out);
  void add_contents(const Element& e, const layout::Style& inherited, Blocks& out) const;
  void fill_contents(Blocks& blocks) const;

  const CompiledTemplate& tpl_;
  Scope scope_;
  const RecordSets* sets_ = nullptr;
  std::vector<std::shared_ptr<const std::map<std::string, std::string>>> totals_;
  Diagnostics& diagnostics_;
  layout::Style base_;
  const Element* table_ = nullptr;
  // Spent by const helpers too (inline_text): counting the work is not the document's state.
  mutable ExpansionBudget budget_;
  // A cell marked merge="same": row and cell index in the table being built, and its text.
  struct MergeMark {
    size_t row = 0, cell = 0;
    std::string text;
  };
  std::vector<MergeMark> merges_;
  // The sections built so far (for <contents>), and the one being built.
  struct Section {
    std::string title, anchor;
  };
  std::vector<Section> sections_;
  int section_count_ = 0;
  bool in_furniture_ = false;  // building a header's or footer's text
  std::string section_title_;
  static constexpr const char* kContentsPlaceholder = "\x01contents";
};

}  // namespace tuijie::merge
