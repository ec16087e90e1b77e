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
};

/// tuijie's migrations, oldest first.
const std::vector<Migration>& migrations();

/// The version the given migrations lead to (the last one's).
int latest_version(const std::vector<Migration>& steps);

/// The database's schema version: 0 for an empty database (no meta table yet).
int schema_version(Poco::Data::Session& session);

/// Applies every step newer than the database, in one transaction, recording the version
/// after each step. Throws TuijieError "workspace-too-new" (nothing changed) when the
/// database is newer than `steps` know; `db_path` names the database in that message.
void migrate(Poco::Data::Session& session, const std::vector<Migration>& steps,
             const std::string& db_path);

}  // namespace tuijie::store
