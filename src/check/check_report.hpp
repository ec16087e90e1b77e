// What `tuijie check` prints: every record's evaluation, then the deadlines, as text (in the
// user's language), CSV or JSON (both languages, for other programs).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "check/deadlines.hpp"
#include "check/evaluation.hpp"
#include "core/diagnostic.hpp"

namespace tuijie::check {

struct RecordResult {
  std::string kind;
  std::string key;
  std::string name;  // the record's "name" field, for people reading the report
  Evaluation evaluation;
};

struct CheckReport {
  std::string as_of;  // "YYYY-MM-DD"
  std::vector<RecordResult> records;
  std::vector<Deadline> deadlines;

  /// True when every record is complete and eligible (deadlines only inform).
  bool all_recommendable() const;
};

/// One line per record ("candidate TJ2020-P-001 陈立峰: 完整，符合条件") with its reasons
/// indented below, then one line per deadline. Control and bidi characters in keys, names and
/// reasons are shown escaped (message_text::escape_controls).
void write_text(const CheckReport& report, Lang lang, std::ostream& out);
/// CSV through csv::Writer (formula-like cells neutralised, RFC 4180 quoting): a record table
/// (kind,key,name,complete,eligible,reasons_zh,reasons_en; reasons joined with "; "), a blank line,
/// then a deadline table (deadline,label_zh,label_en,date, days_left).
void write_csv(const CheckReport& report, std::ostream& out);
/// {"as_of", "records": [{kind, key, name, complete, eligible, incomplete: [{code, field,
/// zh, en}], ineligible: [...]}], "deadlines": [{key, label_zh, label_en, date, days_left}]}.
void write_json(const CheckReport& report, std::ostream& out);

}  // namespace tuijie::check
