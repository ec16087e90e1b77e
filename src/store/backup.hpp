// A consistent copy of a workspace database, made while other commands may be writing it.
//
// In WAL mode committed data can sit in tuijie.db-wal until a checkpoint: copying tuijie.db
// alone may miss it, and copying it during a write may catch half a transaction. SQLite's
// VACUUM INTO reads one snapshot (a read transaction, which writers do not block or disturb)
// and writes it as a new, compact, self-contained database.
#pragma once

#include <string>

namespace tuijie::store {

class Workspace;

/// Writes a copy of the workspace's database to `target` (a new file; its folder must
/// exist). Never overwrites: an existing `target` is refused with TuijieError "output-exists".
/// The copy is written under a temporary name beside `target` and linked into place only when
/// complete, so a failure (TuijieError "disk-full", "cannot-create-output") leaves nothing.
/// The copy is itself a workspace: `tuijie --workspace DIR` opens it once named tuijie.db.
void backup_database(Workspace& workspace, const std::string& target);

}  // namespace tuijie::store
