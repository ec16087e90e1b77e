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

bool RawValue::blank() const {
  if (is_list) {
    return std::all_of(items.begin(), items.end(),
                       [](const RawItem& item) { return !item.is_object && is_blank(item.text); });
  }
  return is_blank(text);
}

}  // namespace tuijie::records
