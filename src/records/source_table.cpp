#include "records/source_table.hpp"

#include <algorithm>

#include "records/unicode_text.hpp"

namespace tuijie::records {

bool RawValue::blank() const {
  if (is_list) {
    return std::all_of(items.begin(), items.end(),
                       [](const RawItem& item) { return !item.is_object && is_blank(item.text); });
  }
  return is_blank(text);
}

}  // namespace tuijie::records
