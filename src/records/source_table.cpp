#include "records/source_table.hpp"

#include <algorithm>

#include "records/unicode_text.hpp"

namespace tuijie::records {

std::optional<CellPlace> RawItem::place_of(const std::string& key) const {
  if (!origin) {
    return std::nullopt;
  }
  CellPlace place = *origin;
  if (auto column = field_columns.find(key); column != field_columns.end()) {
    place.column = column->second;
    place.column_name = key;
  }
  return place;
}

namespace {

bool holds_nothing(const RawValue& value) {
  return value.text.empty() && !value.is_list && value.items.empty() && value.shown.empty();
}

bool before_column(const RowCells::Entry& entry, std::size_t column) {
  return entry.first < column;
}

}  // namespace

const RawValue& RowCells::operator[](std::size_t column) const {
  static const RawValue kAbsent{};
  const RawValue* cell = find(column);
  return cell != nullptr ? *cell : kAbsent;
}

RawValue& RowCells::operator[](std::size_t column) {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), column, before_column);
  if (at == entries_.end() || at->first != column) {
    at = entries_.insert(at, Entry{column, RawValue{}});
  }
  size_ = std::max(size_, column + 1);
  return at->second;
}

const RawValue* RowCells::find(std::size_t column) const {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), column, before_column);
  return at != entries_.end() && at->first == column ? &at->second : nullptr;
}

void RowCells::push_back(RawValue value) {
  if (!holds_nothing(value)) {
    entries_.emplace_back(size_, std::move(value));
  }
  ++size_;
}

void RowCells::resize(std::size_t size) {
  auto cut = std::lower_bound(entries_.begin(), entries_.end(), size, before_column);
  entries_.erase(cut, entries_.end());
  size_ = size;
}

void GridBuilder::add_row(long row, std::vector<GridCell>& cells) {
  auto ensure_columns = [this](long number) {
    while (static_cast<long>(table_.columns.size()) < number) {
      long next = static_cast<long>(table_.columns.size()) + 1;
      table_.columns.push_back({"", next, table_.header_row});
    }
  };
  if (!have_header_) {
    have_header_ = true;
    table_.header_row = row;
    for (GridCell& cell : cells) {
      ensure_columns(cell.first);
      table_.columns[static_cast<std::size_t>(cell.first - 1)].name =
          std::string(trim(cell.second));
    }
    return;
  }
  bool blank = std::all_of(cells.begin(), cells.end(),
                           [](const GridCell& cell) { return is_blank(cell.second); });
  if (blank) {
    return;
  }
  SourceRow source{row, {}};
  for (GridCell& cell : cells) {
    if (cell.second.empty()) {
      continue;  // nothing to keep, and no column to make for it
    }
    ensure_columns(cell.first);
    source.cells[static_cast<std::size_t>(cell.first - 1)] =
        RawValue{std::move(cell.second), false, {}, {}};
  }
  table_.rows.push_back(std::move(source));
}

bool RawValue::blank() const {
  if (is_list) {
    return std::all_of(items.begin(), items.end(),
                       [](const RawItem& item) { return !item.is_object && is_blank(item.text); });
  }
  return is_blank(text);
}

}  // namespace tuijie::records
