// Award results name their winners as a committee writes them (a company's name or credit
// code, a person's candidate number, or a name and phone number); this resolves each row to
// exactly one stored record before anything is stored.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/record.hpp"

namespace tuijie::records {

/// An award category of the campaign file and the kind of record its winners are.
struct ResultCategory {
  std::string name;
  std::string kind;  // enterprise, park, institution, candidate
};

struct ResultMatching {
  std::vector<Record> results;  // resolved, in file order (only when there are no errors)
  Diagnostics diagnostics;      // one error per row that names no record, or several
};

/// Resolves every result row (`rows[i]` is the source row of `results[i]`, `file` the file
/// named in diagnostics) against the stored records of each kind (`stored` by kind):
/// - the category must be one of `categories`; its kind says which records are searched;
/// - organisations by 统一社会信用代码 when given (the name must then be the record's),
///   else by exact name; persons by 候选人编号, else by name, and by name and 电话 when
///   several candidates share the name;
/// - no match or several matches, and one record named twice in a category, are errors
///   naming the row, the column and the value.
/// A resolved result gets winner_kind and winner_key, and the key
/// "category|winner_kind|winner_key".
ResultMatching match_results(const std::vector<Record>& results, const std::vector<long>& rows,
                             const std::string& file, const std::vector<ResultCategory>& categories,
                             const std::map<std::string, std::vector<Record>>& stored);

}  // namespace tuijie::records
