// A write transaction that takes SQLite's write lock when it begins.
//
// Poco 1.11's Session::begin() issues BEGIN DEFERRED: in WAL mode a deferred transaction that
// reads and then writes fails at once with SQLITE_BUSY when another connection wrote in
// between, whatever the busy timeout. BEGIN IMMEDIATE takes the write lock up front, so that
// the busy timeout applies and the transaction's reads stay valid until it commits.
#pragma once

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

}  // namespace tuijie::store
