// Write transactions that take SQLite's write lock when they begin, and wait for it boundedly.
//
// Poco 1.11's Session::begin() issues BEGIN DEFERRED: in WAL mode a deferred transaction that
// reads and then writes fails at once with SQLITE_BUSY when another connection wrote in
// between, whatever the busy timeout. BEGIN IMMEDIATE takes the write lock up front, so that
// the busy timeout applies and the transaction's reads stay valid until it commits.
//
// Several tuijie commands (and later the web intake) may write one workspace at once. Each
// connection waits up to busy_timeout_ms() for the lock (SQLite's busy handler);
// with_write_transaction() retries a transaction that still met a busy database a few
// times; after that the command gives up with "workspace-busy" (exit 75, try again later).
#pragma once

#include <Poco/Data/SQLite/SQLiteException.h>

#include <string>
#include <type_traits>
#include <utility>

namespace Poco::Data {
class Session;
}

namespace tuijie::store {

/// Begins BEGIN IMMEDIATE on construction; rolls back on destruction unless committed.
/// Every transaction that writes the workspace uses one (never Session::begin()).
class WriteTransaction {
 public:
  explicit WriteTransaction(Poco::Data::Session& session);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  void commit();

 private:
  Poco::Data::Session& session_;
  bool open_ = false;
};

/// How long one statement waits for another connection's lock, in milliseconds: 10000, or
/// the environment variable TUIJIE_BUSY_TIMEOUT_MS when it holds a number (tests use a
/// short one).
int busy_timeout_ms();

/// How many times with_write_transaction() runs a transaction that met a busy database.
inline constexpr int kWriteAttempts = 3;

/// The database file a session is connected to, for messages.
std::string database_file(Poco::Data::Session& session);

/// Throws TuijieError "workspace-busy" for `session`'s database (see database_errors.hpp).
[[noreturn]] void throw_busy(Poco::Data::Session& session);

/// Pauses between attempts, a little longer each time, so that competing writers interleave.
void back_off(int attempt);

/// Runs `fn()` inside a WriteTransaction and commits; returns what fn returns. When the
/// database is busy (at BEGIN, in fn, or at COMMIT) even after the busy timeout, everything
/// is rolled back and fn runs again, up to kWriteAttempts times in all; then TuijieError
/// "workspace-busy". Any other exception rolls back and propagates unchanged. fn may run more
/// than once: it must not keep state from a failed attempt.
template <class Fn>
auto with_write_transaction(Poco::Data::Session& session, Fn&& fn) -> decltype(fn()) {
  for (int attempt = 1;; ++attempt) {
    try {
      WriteTransaction transaction(session);
      if constexpr (std::is_void_v<decltype(fn())>) {
        fn();
        transaction.commit();
        return;
      } else {
        auto result = fn();
        transaction.commit();
        return result;
      }
    } catch (const Poco::Data::SQLite::DBLockedException&) {
      if (attempt == kWriteAttempts)
        throw_busy(session);
    } catch (const Poco::Data::SQLite::TableLockedException&) {
      if (attempt == kWriteAttempts)
        throw_busy(session);
    }
    back_off(attempt);
  }
}

}  // namespace tuijie::store
