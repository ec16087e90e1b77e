// What the workspace remembers of each record's evaluation: complete, eligible and why,
// against which campaign file, and when.
//
// The store does not evaluate: the rules live in src/check, which depends on the store, not
// the other way round. Callers hand in verdicts (or an Evaluator, so that an import stores
// records and their verdicts in one transaction), and the store stamps them with the
// workspace's campaign and the run time. The summary tables read them back.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "records/record.hpp"

namespace Poco::Data {
class Session;
}

namespace tuijie::store {

/// One reason a record is incomplete or ineligible, in both languages.
struct VerdictReason {
  std::string code;   // stable, e.g. "revenue-below-minimum"
  std::string field;  // the record field it is about, e.g. "revenue"
  std::string zh;     // "服务外包业务收入 2800 万元，低于 3000 万元"
  std::string en;
  bool operator==(const VerdictReason&) const = default;
};

/// Whether a record is complete and eligible, and why not.
struct Verdict {
  bool complete = true;
  std::vector<VerdictReason> incomplete;
  bool eligible = true;
  std::vector<VerdictReason> ineligible;
  bool operator==(const Verdict&) const = default;
};

/// A verdict about one stored record, as handed to the store.
struct RecordVerdict {
  std::string kind;
  std::string record_key;
  Verdict verdict;
};

/// A verdict as the store keeps it.
struct StoredEvaluation {
  std::string kind;
  std::string record_key;
  Verdict verdict;
  std::string campaign_sha256;  // of the campaign file the record was judged against
  std::string evaluated_at;     // ISO 8601 UTC
};

/// Judges one record; supplied by the layer that knows the rules.
using Evaluator = std::function<Verdict(const records::Record&)>;

/// The reasons column: a JSON array of {concerns: "complete"|"eligible", code, field, zh, en},
/// the incompleteness reasons first.
std::string reasons_to_json(const Verdict& verdict);
/// Fills verdict.incomplete and verdict.ineligible from the reasons column. Throws TuijieError
/// "workspace-unreadable" when the text is not such an array.
void reasons_from_json(const std::string& json, Verdict& verdict);

/// Inserts or replaces the verdicts, stamped with `campaign_sha256` and `when`, inside the
/// caller's transaction. A verdict about a record that is not stored fails (foreign key).
void write_evaluations(Poco::Data::Session& db, const std::vector<RecordVerdict>& verdicts,
                       const std::string& campaign_sha256, const std::string& when);

/// The stored evaluations of a kind, in the order its records were first imported.
std::vector<StoredEvaluation> read_evaluations(Poco::Data::Session& db, const std::string& kind);

}  // namespace tuijie::store
