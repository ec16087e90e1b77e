// The document builder's repeats: rows once per list entry (<repeat list>), per node of a
// choice tree (<repeat choices>), and rows or blocks once per record of a set
// (<repeat records>), ordered and narrowed, with their totals.
#include "merge/builder.hpp"

#include <algorithm>

namespace tuijie::merge {

// Rows once per entry of a list field, padded with empty entries up to min-rows.
void Builder::add_list_rows(const Element& repeat, const layout::Style& style,
                            layout::Table& table) {
  const auto& lists = scope_.record->lists;
  auto it = lists.find(repeat.field("list"));
  size_t count = it == lists.end() ? 0 : it->second.size();
  const auto min_rows = static_cast<size_t>(repeat.integer("min-rows"));
  static const records::Entry kEmpty;
  budget_.enter(repeat);
  for (size_t i = 0; i < std::max(count, min_rows); ++i) {
    budget_.spend(1, repeat);
    const records::Entry* saved = scope_.entry;
    scope_.entry = i < count ? &it->second[i] : &kEmpty;
    add_rows(repeat, style, table);
    scope_.entry = saved;
  }
  budget_.leave();
}

// Rows once per node of a choice tree at the repeat's level, the node in scope as choice.*.
void Builder::add_choice_rows(const Element& repeat, const layout::Style& style,
                              layout::Table& table) {
  budget_.enter(repeat);
  for (const NodeScope& node : choice_nodes(repeat)) {
    budget_.spend(1, repeat);
    const NodeScope* saved = scope_.node;
    scope_.node = &node;
    add_rows(repeat, style, table);
    scope_.node = saved;
  }
  budget_.leave();
}

void Builder::add_record_rows(const Element& repeat, const layout::Style& style,
                              layout::Table& table) {
  for_each_record(repeat, [&] { add_rows(repeat, style, table); });
}

// Among blocks: the repeat's blocks once per record (a booklet's categories and winners).
void Builder::add_record_blocks(const Element& repeat, const layout::Style& inherited,
                                Blocks& out) {
  for_each_record(repeat, [&] {
    for (const Element& child : repeat.children)
      add_block(child, inherited, out);
  });
}

// The records a <repeat records> runs over: the job's set of that kind, narrowed to those
// whose `field` equals `equals` (read in the scope around the repeat: a section's records),
// in `order-by` order.
std::vector<const records::Record*> Builder::records_of(const Element& repeat) const {
  static const std::vector<records::Record> kNone;
  const std::vector<records::Record>* records = &kNone;
  if (sets_) {
    auto it = sets_->find(repeat.text_value("records"));
    if (it != sets_->end())
      records = &it->second;
  }
  // Ordering and filtering the set costs its size, each time the repeat runs.
  budget_.spend(records->size(), repeat);
  std::vector<const records::Record*> rows =
      ordered(*records, repeat.fields("order-by"),
              text_order_named(expand(repeat.pattern("text-order"), scope_)),
              list_items(expand(repeat.pattern("first-order"), scope_)));
  if (repeat.has("field")) {
    const std::string& field = repeat.field("field");
    const std::string wanted = expand(repeat.pattern("equals"), scope_);
    std::erase_if(rows, [&](const records::Record* r) { return r->get(field) != wanted; });
  }
  return rows;
}

// Runs `each` once per record of a <repeat records>, with the record (and its 序号) in
// scope; afterwards total.* hold the sums of those records' numeric fields (for a totals
// row).
void Builder::for_each_record(const Element& repeat, const std::function<void()>& each) {
  const std::vector<const records::Record*> rows = records_of(repeat);
  auto totals = std::make_shared<std::map<std::string, std::string>>(column_totals(rows));
  (*totals)["rows"] = std::to_string(rows.size());
  totals_.push_back(totals);
  const records::Record* saved = scope_.record;
  const size_t saved_number = scope_.row_number;
  budget_.enter(repeat);
  for (size_t i = 0; i < rows.size(); ++i) {
    budget_.spend(1, repeat);
    scope_.record = rows[i];
    scope_.row_number = i + 1;
    each();
  }
  budget_.leave();
  scope_.record = saved;
  scope_.row_number = saved_number;
  scope_.totals = totals.get();
}

}  // namespace tuijie::merge
