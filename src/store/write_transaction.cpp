#include "store/write_transaction.hpp"

#include <Poco/Data/Session.h>

namespace tuijie::store {

using Poco::Data::Keywords::now;

WriteTransaction::WriteTransaction(Poco::Data::Session& session) : session_(session) {
  session_ << "BEGIN IMMEDIATE", now;
  open_ = true;
}

WriteTransaction::~WriteTransaction() {
  if (!open_)
    return;
  try {
    session_ << "ROLLBACK", now;
  } catch (...) {
    // SQLite already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
  }
}

void WriteTransaction::commit() {
  session_ << "COMMIT", now;
  open_ = false;
}

}  // namespace tuijie::store
