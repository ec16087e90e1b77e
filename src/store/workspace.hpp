// The workspace: one folder holding tuijie.db, the SQLite database of a campaign's records.
//
// A workspace is made once for one campaign (`tuijie init`), which it keeps a verbatim copy
// of; every import is stored in it, keyed by (kind, key), so that later commands (render,
// check, ...) read records from here rather than from the original files.
//
// Every change happens in one write transaction (with_write_transaction: BEGIN IMMEDIATE,
// waiting boundedly for other commands): a failed import leaves the database exactly as it
// was. The database is in WAL mode; foreign keys are enforced and a busy timeout set on every
// connection. Failures of the database itself get the codes of store/database_errors.hpp
// ("workspace-busy", "disk-full", "workspace-read-only", "workspace-damaged", ...).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/run_clock.hpp"
#include "records/record.hpp"
#include "store/campaign.hpp"
#include "store/evaluations.hpp"

namespace Poco::Data {
class Session;
}

namespace tuijie::store {

/// Where a batch of records came from.
struct ImportSource {
  std::string file;        // the imported file, as the user named it
  std::string kind;        // the kind of record the file holds
  std::vector<long> rows;  // source row of each record, in the same order; empty = unknown (0)
  long row_count = -1;     // data rows the file held; -1 = as many as records
  long errors = 0;         // rows rejected before storing (import --partial)
  /// A batch that is the whole of a decision for some groups (award results: each category
  /// the file names): stored records of `kind` whose field `replaces_field` has one of
  /// `replaces_values` and that the batch does not hold are removed in the same transaction.
  std::string replaces_field;
  std::set<std::string> replaces_values;
};

/// What one import did. A record whose stored data is already identical is "unchanged".
struct ImportSummary {
  long import_id = 0;
  long rows = 0;
  long inserted = 0;
  long updated = 0;
  long unchanged = 0;
  long errors = 0;
  long removed = 0;  // see ImportSource::replaces_field
};

/// One line of the import log.
struct ImportLogEntry {
  long id = 0;
  std::string file;
  std::string kind;
  long rows = 0;
  long inserted = 0;
  long updated = 0;
  long unchanged = 0;
  long errors = 0;
  std::string imported_at;  // ISO 8601 UTC
};

class Workspace {
 public:
  static constexpr const char* kDatabaseName = "tuijie.db";

  /// Makes `dir` (and missing parents) a new workspace for the campaign file. Throws
  /// TuijieError: "campaign-missing" / "campaign-invalid" for the campaign file (checked
  /// before anything is created), "workspace-exists" when dir already holds tuijie.db,
  /// "workspace-create-failed" when the folder or database cannot be made (nothing is left
  /// behind).
  /// `clock` stamps its creation (and is the new workspace's clock).
  static Workspace create(const std::string& dir, const std::string& campaign_path,
                          const RunClock& clock = {});

  /// Opens an existing workspace after SQLite's integrity check, upgrading an older schema
  /// (and switching it to WAL). Throws TuijieError: "workspace-missing" (no tuijie.db in
  /// dir), "not-a-workspace" (an empty file, not SQLite, or no tuijie tables; left as it is),
  /// "workspace-damaged" (fails the integrity check; left as it is), "workspace-too-new",
  /// "workspace-busy", "disk-full", "workspace-read-only", "workspace-unreadable".
  static Workspace open(const std::string& dir);

  /// True when `dir` holds a tuijie.db.
  static bool exists(const std::string& dir);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  const std::string& dir() const { return dir_; }
  std::string database_path() const;
  const Campaign& campaign() const { return *campaign_; }
  /// The time this workspace stamps imports, evaluations and printings with: the system
  /// clock unless the app (SOURCE_DATE_EPOCH) or a test sets another.
  const RunClock& clock() const { return clock_; }
  void set_clock(RunClock clock) { clock_ = clock; }
  int schema_version();

  /// Stores the records in ONE transaction: new (kind, key) pairs are inserted, known ones
  /// updated (or left alone when identical), and the import log gains a line. Within a
  /// batch a repeated key counts once and its last record wins. Import time is the run time
  /// (clock()). Throws TuijieError "store-failed" (after rolling back)
  /// when the database refuses the batch, e.g. a record without kind or key, and
  /// "workspace-busy", "disk-full" or "workspace-read-only" (nothing stored) when the
  /// database cannot take it.
  ///
  /// With an evaluator, every record of the batch (unchanged ones too) is judged and its
  /// verdict stored in the same transaction, so that a stored evaluation always describes the
  /// stored record.
  ImportSummary import(const std::vector<records::Record>& records, const ImportSource& source,
                       const Evaluator& evaluate = {});

  /// Stores fresh verdicts (e.g. from `tuijie check`) in one transaction, replacing older
  /// ones, stamped with this workspace's campaign and the run time. Throws TuijieError
  /// "store-failed" (nothing changed) when a verdict names a record that is not stored.
  void save_evaluations(const std::vector<RecordVerdict>& verdicts);

  /// The stored evaluations of a kind, in the order its records were first imported;
  /// records never evaluated are left out.
  std::vector<StoredEvaluation> evaluations(const std::string& kind);

  /// The stored records of a kind, in the order they were first imported.
  std::vector<records::Record> records(const std::string& kind);

  /// Every import so far, oldest first.
  std::vector<ImportLogEntry> import_log();

  /// The open connection, for store-level extensions and tests.
  Poco::Data::Session& session() { return *session_; }

 private:
  Workspace(std::string dir, std::unique_ptr<Poco::Data::Session> session);

  std::string dir_;
  std::unique_ptr<Poco::Data::Session> session_;
  std::unique_ptr<Campaign> campaign_;
  RunClock clock_;
};

}  // namespace tuijie::store
