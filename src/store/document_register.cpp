#include "store/document_register.hpp"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>

#include <set>

#include <sqlite3.h>

#include "core/diagnostic.hpp"
#include "store/database_errors.hpp"
#include "store/dates.hpp"
#include "store/write_transaction.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

std::string number_text(const std::string& series, int sequence, int digits) {
  std::string text = std::to_string(sequence);
  if (static_cast<int>(text.size()) < digits)
    text.insert(0, static_cast<size_t>(digits) - text.size(), '0');
  return series + "-" + text;
}

std::optional<std::string> assigned_number(Poco::Data::Session& db, const std::string& kind,
                                           const std::string& key) {
  std::string k = kind, r = key;
  std::vector<std::string> found;
  db << "SELECT number FROM documents WHERE kind = ? AND record_key = ?", use(k), use(r),
      into(found), now;
  if (found.empty())
    return std::nullopt;
  return found.front();
}

// The sequence within its series that a planned number stands for ("TJ-2020-E-0007" -> 7).
int sequence_of(const std::string& number, const std::string& series) {
  return std::stoi(number.substr(series.size() + 1));
}

TuijieError conflict(const PrintedDocument& document) {
  Diagnostic d = make_error(
      "numbering-conflict", "另一个命令同时为文档编号 " + document.number + " 分配了文档",
      "another command assigned document number " + document.number + " at the same time", "",
      document.number);
  d.record = document.identity.kind + " " + document.identity.record_key;
  return TuijieError(std::move(d));
}

// The body of record_printings, inside its write transaction (it may run again after a busy
// database: it keeps nothing between runs).
// One row of printings, bound through SQLite's own API: Poco binds text as SQLITE_TRANSIENT,
// a copy, and a summary's data holds every record it lists (16 MB for a packet of 5,000
// enterprises), so the copy alone raised a national packet's peak by a sixth. SQLITE_STATIC
// binds the caller's bytes, which outlive the statement. Failures are thrown as Poco's
// SQLite exceptions, which record_printings classifies like any other.
void insert_printing(Poco::Data::Session& db, const PrintedDocument& document,
                     const std::string& at) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(db);
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(
      handle,
      "INSERT OR IGNORE INTO printings (number, hash, data, printed_at) VALUES (?, ?, ?, ?)", -1,
      &statement, nullptr);
  const auto bind = [&](int index, const std::string& text) {
    if (rc == SQLITE_OK) {
      rc = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
    }
  };
  bind(1, document.number);
  bind(2, document.hash);
  bind(3, document.data);
  bind(4, at);
  if (rc == SQLITE_OK)
    rc = sqlite3_step(statement) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(handle);
  sqlite3_finalize(statement);
  if (rc != SQLITE_OK)
    Poco::Data::SQLite::Utility::throwException(handle, rc);
}

void record_in_transaction(Workspace& workspace, const std::vector<PrintedDocument>& documents,
                           const std::vector<PrintedFile>& files, std::string at) {
  Poco::Data::Session& db = workspace.session();
  std::set<std::pair<std::string, std::string>> done;
  for (const PrintedDocument& document : documents) {
    const DocumentIdentity& id = document.identity;
    if (!done.insert({id.kind, id.record_key}).second)
      continue;
    if (auto assigned = assigned_number(db, id.kind, id.record_key)) {
      if (*assigned != document.number)
        throw conflict(document);
      continue;
    }
    std::string number = document.number, kind = id.kind, key = id.record_key, series = id.series;
    int taken = 0;
    db << "SELECT count(*) FROM documents WHERE number = ?", use(number), into(taken), now;
    if (taken > 0)
      throw conflict(document);
    int sequence = sequence_of(document.number, id.series);
    db << "INSERT INTO documents (number, kind, record_key, series, sequence, assigned_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
        use(number), use(kind), use(key), use(series), use(sequence), use(at), now;
  }
  for (const PrintedDocument& document : documents)
    insert_printing(db, document, at);
  for (const PrintedFile& file : files) {
    std::string n = file.number, h = file.hash, name = file.file_name, sha = file.file_sha256,
                pages_sha = file.pages_sha256;
    int pages = file.pages;
    db << "INSERT OR IGNORE INTO printed_files (number, hash, file_sha256, pages_sha256, pages, "
          "file_name, printed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        use(n), use(h), use(sha), use(pages_sha), use(pages), use(name), use(at), now;
  }
}

}  // namespace

std::string sha256_hex(const std::string& text) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(text);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

NumberPlan::NumberPlan(Workspace& workspace, int digits) : workspace_(workspace), digits_(digits) {}

std::string NumberPlan::number_for(const DocumentIdentity& identity) {
  const auto key = std::pair{identity.kind, identity.record_key};
  if (const auto it = numbers_.find(key); it != numbers_.end())
    return it->second;
  Poco::Data::Session& db = workspace_.session();
  std::string number;
  if (auto assigned = assigned_number(db, identity.kind, identity.record_key)) {
    number = *assigned;
  } else {
    auto next = next_.find(identity.series);
    if (next == next_.end()) {
      std::string series = identity.series;
      int last = 0;
      db << "SELECT coalesce(max(sequence), 0) FROM documents WHERE series = ?", use(series),
          into(last), now;
      next = next_.emplace(identity.series, last + 1).first;
    }
    number = number_text(identity.series, next->second++, digits_);
  }
  numbers_.emplace(key, number);
  return number;
}

void record_printings(Workspace& workspace, const std::vector<PrintedDocument>& documents,
                      const std::vector<PrintedFile>& files) {
  Poco::Data::Session& db = workspace.session();
  const std::string at = workspace.clock().iso8601();
  try {
    with_write_transaction(db, [&] { record_in_transaction(workspace, documents, files, at); });
  } catch (const Poco::Exception& e) {
    throw database_error(e, workspace.database_path(), Category::Internal, "store-failed",
                         "打印记录未能存入工作区，未写出任何文件",
                         "the printings could not be recorded; no file was written", true);
  }
}

bool number_assigned(Workspace& workspace, const std::string& number) {
  std::string n = number;
  int count = 0;
  workspace.session() << "SELECT count(*) FROM documents WHERE number = ?", use(n), into(count),
      now;
  return count > 0;
}

std::optional<Printing> find_printing(Workspace& workspace, const std::string& number,
                                      const std::string& hash_prefix) {
  if (hash_prefix.empty() || hash_prefix.find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  std::string n = number, pattern = hash_prefix + "%";
  std::vector<std::string> kinds, keys, hashes, datas;
  workspace.session() << "SELECT d.kind, d.record_key, p.hash, p.data FROM printings p "
                         "JOIN documents d ON d.number = p.number "
                         "WHERE p.number = ? AND p.hash LIKE ? ORDER BY p.hash",
      use(n), use(pattern), into(kinds), into(keys), into(hashes), into(datas), now;
  if (hashes.size() != 1)
    return std::nullopt;  // none, or a prefix too short to tell two printings apart
  return Printing{number, kinds[0], keys[0], hashes[0], datas[0]};
}

std::vector<PrintedFile> printed_files(Workspace& workspace, const std::string& number) {
  std::string n = number;
  std::vector<std::string> hashes, names, shas, page_shas;
  std::vector<int> pages;
  workspace.session() << "SELECT hash, file_name, file_sha256, pages_sha256, pages "
                         "FROM printed_files WHERE number = ? ORDER BY printed_at, rowid",
      use(n), into(hashes), into(names), into(shas), into(page_shas), into(pages), now;
  std::vector<PrintedFile> files;
  for (size_t i = 0; i < hashes.size(); ++i)
    files.push_back({number, hashes[i], names[i], shas[i], page_shas[i], pages[i]});
  return files;
}

bool file_recorded(Workspace& workspace, const std::string& file_sha256) {
  std::string sha = file_sha256;
  int count = 0;
  workspace.session() << "SELECT count(*) FROM printed_files WHERE file_sha256 = ?", use(sha),
      into(count), now;
  return count > 0;
}

}  // namespace tuijie::store
