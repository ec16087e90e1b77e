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

/// The records sorted by each of `fields` in turn, then by record key: numbers by value,
/// text in Chinese dictionary (pinyin) order as ICU's "zh" collation has it, empty values
/// last. Stable, so equal records keep their stored order.
std::vector<const records::Record*> ordered(const std::vector<records::Record>& records,
                                            const std::vector<std::string>& fields);

/// For every field whose values in these records are all plain decimal numbers (as the store
/// keeps money and counts), their exact sum as a decimal string: "revenue" -> "152300.5".
std::map<std::string, std::string> column_totals(
    const std::vector<const records::Record*>& records);

}  // namespace tuijie::merge
