// JSON input: an array of objects keyed by the English field keys (Chinese names work too).
//
//   [{"name": "张三", "birth": "1975-03", "vp_or_above": true,
//     "resume": [{"title": "总裁", "period": "2015-至今", "country": "中国", "org": "某公司"}]}]
//
// Positions: a record's "row" is its 1-based element number in the array (the first object is
// row 1), and the column is named by its key (column number 0). Strings, numbers and
// true/false are cell values (numbers are written back in their shortest exact form); null is
// an empty cell; arrays are lists whose elements are values or, for resume-like fields,
// objects. Nested objects as values are errors.
#pragma once

#include <string>
#include <string_view>

#include "records/source_table.hpp"

namespace tuijie::records {

SourceTable read_json_table(std::string_view utf8, const std::string& file);

}  // namespace tuijie::records
