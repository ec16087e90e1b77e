#include "store/write_transaction.hpp"

#include <Poco/Data/Session.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "store/database_errors.hpp"

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

int busy_timeout_ms() {
  constexpr int kDefault = 10000;
  const char* text = std::getenv("TUIJIE_BUSY_TIMEOUT_MS");
  if (text == nullptr || *text == '\0')
    return kDefault;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 0 || value > 3600 * 1000)
    return kDefault;
  return static_cast<int>(value);
}

std::string database_file(Poco::Data::Session& session) {
  return session.impl()->connectionString();
}

void throw_busy(Poco::Data::Session& session) {
  throw busy_error(database_file(session));
}

void back_off(int attempt) {
  // Short and growing: the busy handler has already waited the long part.
  std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
}

}  // namespace tuijie::store
