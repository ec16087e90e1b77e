// What a failing SQLite call means for the user, and the diagnostic that says so.
//
// Poco reports SQLite's result codes as exception classes. Most failures of the workspace
// database are not bugs of tuijie: another command holds the write lock (try again later),
// the disk is full, the folder is read-only, the file is damaged. Each of these gets its own
// diagnostic code, so that the command exits with the code that tells the user what to do
// (src/app/exit_codes.cpp) instead of "internal error".
#pragma once

#include <string>

#include "core/diagnostic.hpp"

namespace Poco {
class Exception;
}

namespace tuijie::store {

enum class DatabaseFault {
  Busy,      // SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock
  Full,      // SQLITE_FULL: no space left on the device
  ReadOnly,  // SQLITE_READONLY / SQLITE_PERM: the file or its folder cannot be written
  CantOpen,  // SQLITE_CANTOPEN: the file (or its -wal / -shm) cannot be opened
  Damaged,   // SQLITE_CORRUPT / SQLITE_NOTADB: the file is not an intact database
  Other,     // anything else: a constraint, a bug
};

/// The fault behind a Poco exception thrown by a database call on the file `path`. An I/O
/// error while the file's device has no room left is a full disk: SQLite reports running out
/// of space while it grows its -shm file as a plain "disk I/O error".
DatabaseFault classify(const Poco::Exception& e, const std::string& path = {});

/// The diagnostic codes of the faults (their categories decide the exit codes:
/// src/app/exit_codes.cpp).
inline constexpr const char* kWorkspaceBusy = "workspace-busy";                  // 75, try again
inline constexpr const char* kDiskFull = "disk-full";                            // 73
inline constexpr const char* kWorkspaceReadOnly = "workspace-read-only";         // 73
inline constexpr const char* kWorkspaceInaccessible = "workspace-inaccessible";  // 66
inline constexpr const char* kWorkspaceDamaged = "workspace-damaged";            // 65

/// The diagnostic for a database failure on the file `path`: a fault with its own code gets
/// its plain message (followed by "the workspace is unchanged" when `unchanged`); anything
/// else gets `other_code` (of `other_category`) with `zh` / `en` and SQLite's own words.
TuijieError database_error(const Poco::Exception& e, const std::string& path,
                           Category other_category, const std::string& other_code,
                           const std::string& zh, const std::string& en, bool unchanged = false);

/// The error for a workspace whose write lock stayed taken for the whole bounded wait.
TuijieError busy_error(const std::string& path);

/// The error for a database that fails SQLite's consistency check (`detail`: its first line).
TuijieError damaged_error(const std::string& path, const std::string& detail);

}  // namespace tuijie::store
