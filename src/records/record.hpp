// A validated record of one kind (candidate, enterprise, ...), as stored in the workspace.
//
// Values are kept in canonical text form, independent of how the input file spelled them:
//   text / enum  -> the text, trimmed (U+3000 included)
//   date         -> "2020-06-12"
//   year-month   -> "1975-03"
//   yes/no       -> "是" or "否"
//   integer      -> "1200"
//   decimal      -> shortest decimal, "3500.5" (money in 万元)
//   phone, email, postcode -> as written, trimmed
//   photo        -> absolute path of the file
//   list of enum -> items joined with "、" in the order given
// Empty optional values are absent from `fields`.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tuijie::records {

/// One entry of a repeating sub-table (e.g. one resume line): key -> canonical value.
using Entry = std::map<std::string, std::string>;

struct Record {
  std::string kind;  // "candidate", "enterprise", ...
  std::string key;   // the record key as the contract defines it (e.g. candidate_id, or name|phone)
  std::map<std::string, std::string> fields;
  std::map<std::string, std::vector<Entry>> lists;  // e.g. "resume" -> entries

  /// Value of a field, or "" when absent.
  const std::string& get(const std::string& field) const;
  bool operator==(const Record&) const = default;
};

}  // namespace tuijie::records
