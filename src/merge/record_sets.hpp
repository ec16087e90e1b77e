// The records a collection document (a summary table, a cover letter) runs over: ordered as a
// clerk expects, with the column totals a summary prints under them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "records/record.hpp"

namespace tuijie::merge {

/// Records by kind ("enterprise" -> the enterprises to print), for `<repeat records="…">`.
using RecordSets = std::map<std::string, std::vector<records::Record>>;

/// How Chinese text sorts: by pinyin (a dictionary's order, ICU "zh") or by stroke count (the
/// order of official name lists, ICU "zh@collation=stroke").
enum class TextOrder { Pinyin, Stroke };

/// "stroke" -> Stroke; anything else (normally "pinyin" or "") -> Pinyin.
TextOrder text_order_named(const std::string& name);

/// The records sorted by each of `fields` in turn, then by record key: numbers by value,
/// text in `text_order`, empty values last. Stable, so equal records keep their stored order.
/// Without fields, the records keep the order they are given in.
/// `first_values` (may be empty) orders the first field by position instead: a value listed
/// there comes before any other, in the list's order (Tianjin's districts in their
/// administrative order); the others follow in text order.
std::vector<const records::Record*> ordered(const std::vector<records::Record>& records,
                                            const std::vector<std::string>& fields,
                                            TextOrder text_order = TextOrder::Pinyin,
                                            const std::vector<std::string>& first_values = {});

/// A list as the campaign file's arrays are flattened ("和平区、河东区"; also , and line ends),
/// each item trimmed.
std::vector<std::string> list_items(const std::string& text);

/// For every field whose values in these records are all plain decimal numbers (as the store
/// keeps money and counts), their exact sum as a decimal string: "revenue" -> "152300.5".
std::map<std::string, std::string> column_totals(
    const std::vector<const records::Record*>& records);

}  // namespace tuijie::merge
