// The workspace database schema and how older workspaces are brought up to date.
//
// The schema is a list of migrations, each an ordered set of SQL statements that takes the
// database from version N-1 to N. A new version only ever appends a migration: a workspace
// made by any older tuijie is upgraded step by step when opened, and one made by a newer
// tuijie is refused rather than misread. The version lives in meta.schema_version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace tuijie::store {

struct Migration {
  int version;                               // the schema version after this step
  std::string_view summary;                  // what the step adds, for the meta log
  std::vector<std::string_view> statements;  // executed in order
  /// A journal mode ("wal") the step switches the database to. SQLite cannot change the
  /// journal mode inside a transaction, so it is set before the step's transaction begins
  /// and checked: should the transaction then fail, the next open sets it again (setting it
  /// twice is harmless), and the version is only recorded once the mode is in place.
  std::string_view journal_mode = {};
};

/// tuijie's migrations, oldest first.
const std::vector<Migration>& migrations();

/// The version the given migrations lead to (the last one's).
int latest_version(const std::vector<Migration>& steps);

/// The database's schema version: 0 for an empty database (no meta table yet).
int schema_version(Poco::Data::Session& session);

/// The database's journal mode, lower case ("wal", "delete").
std::string journal_mode(Poco::Data::Session& session);

/// Switches the database to `mode` (outside any transaction). Throws TuijieError
/// "workspace-unreadable" when SQLite keeps another mode (e.g. WAL on a file system without
/// shared memory).
void set_journal_mode(Poco::Data::Session& session, std::string_view mode,
                      const std::string& db_path);

/// Applies every step newer than the database, in one write transaction (BEGIN IMMEDIATE,
/// the version read again inside it, so that two commands opening an old workspace at once
/// upgrade it once), recording the version after each step. The newest journal mode a step
/// names is set first, outside the transaction, also when no step is due. Throws TuijieError
/// "workspace-too-new" (nothing changed) when the database is newer than `steps` know; `db_path`
/// names the database in that message.
void migrate(Poco::Data::Session& session, const std::vector<Migration>& steps,
             const std::string& db_path);

}  // namespace tuijie::store
