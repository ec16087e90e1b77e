#include "store/workspace.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "core/diagnostic.hpp"
#include "store/database_errors.hpp"
#include "store/dates.hpp"
#include "store/record_json.hpp"
#include "store/schema.hpp"
#include "store/write_transaction.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

std::string db_path_in(const std::string& dir) {
  return Poco::Path(Poco::Path::forDirectory(dir), Workspace::kDatabaseName).toString();
}

std::unique_ptr<Poco::Data::Session> connect(const std::string& path) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  auto session = std::make_unique<Poco::Data::Session>("SQLite", path);
  // Another command may hold the write lock: wait for it (boundedly) rather than fail.
  int timeout = busy_timeout_ms();
  *session << "PRAGMA busy_timeout = " + std::to_string(timeout), into(timeout), now;
  // SQLite leaves foreign keys off unless each connection asks.
  *session << "PRAGMA foreign_keys = ON", now;
  return session;
}

// SQLite's own check of every page, row and index before a command relies on the file: a
// damaged database is refused as it is, never written into. (integrity_check rather than
// quick_check: damage that leaves the pages well-formed but an index out of step with its
// table passes quick_check, and the next write would spread it.)
void require_intact(Poco::Data::Session& session, const std::string& path) {
  std::vector<std::string> problems;
  session << "PRAGMA integrity_check", into(problems), now;
  if (problems.size() != 1 || problems.front() != "ok") {
    throw damaged_error(path, problems.empty() ? std::string("integrity_check") : problems.front());
  }
}

// What the first bytes of tuijie.db say it is. A file of 0 bytes (made by `touch`, or a copy
// that failed) would silently become an empty database in SQLite's hands; a file without
// SQLite's header is some other file under the name.
enum class FileStart { Empty, Sqlite, Other, Unreadable };

FileStart file_start(const std::string& path) {
  static constexpr char kHeader[] = "SQLite format 3";  // and its terminating NUL: 16 bytes
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return FileStart::Unreadable;  // SQLite will say why
  char head[sizeof kHeader] = {};
  in.read(head, sizeof head);
  const auto got = in.gcount();
  if (got == 0)
    return FileStart::Empty;
  return got == sizeof head && std::memcmp(head, kHeader, sizeof head) == 0 ? FileStart::Sqlite
                                                                            : FileStart::Other;
}

TuijieError not_a_workspace(const std::string& path, const std::string& zh_why,
                            const std::string& en_why) {
  return TuijieError(make_error(
      Category::MissingInput, "not-a-workspace",
      "此 tuijie.db 不是 tuijie 工作区（" + zh_why + "），未作改动；新工作区请用 tuijie init 创建",
      "this tuijie.db is not a tuijie workspace (" + en_why +
          "); nothing was changed. Make a new one with tuijie init",
      path));
}

void remove_database_files(const std::string& path) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    try {
      Poco::File(path + suffix).remove();
    } catch (const Poco::Exception&) {
      // Not there: nothing to clean up.
    }
  }
}

std::unique_ptr<Campaign> stored_campaign(Poco::Data::Session& session, const std::string& path) {
  std::vector<std::string> names;
  std::vector<std::string> contents;
  session << "SELECT file_name, content FROM campaign WHERE id = 1", into(names), into(contents),
      now;
  if (names.empty()) {
    throw TuijieError(make_error("workspace-unreadable", "工作区中没有活动文件",
                                 "the workspace holds no campaign", path));
  }
  return std::make_unique<Campaign>(Campaign::parse(contents.front(), names.front()));
}

}  // namespace

Workspace::Workspace(std::string dir, std::unique_ptr<Poco::Data::Session> session)
    : dir_(std::move(dir)), session_(std::move(session)) {}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

bool Workspace::exists(const std::string& dir) {
  try {
    Poco::File file(db_path_in(dir));
    return file.exists() && file.isFile();
  } catch (const Poco::Exception&) {
    return false;  // e.g. a path component that is a file, or no permission to look
  }
}

std::string Workspace::database_path() const {
  return db_path_in(dir_);
}

Workspace Workspace::create(const std::string& dir, const std::string& campaign_path,
                            const RunClock& clock) {
  Campaign campaign = Campaign::load(campaign_path);
  const std::string path = db_path_in(dir);
  if (exists(dir)) {
    throw TuijieError(make_error(Category::CannotCreate, "workspace-exists",
                                 "此文件夹已是工作区，未作改动",
                                 "this folder is already a workspace; nothing was changed", path));
  }
  std::error_code ignored;
  // A folder this call makes is removed again when the database cannot be made in it.
  const bool made_folder = !std::filesystem::exists(dir, ignored);
  const auto undo = [&] {
    remove_database_files(path);
    if (made_folder)
      std::filesystem::remove(dir, ignored);  // only when empty
  };
  try {
    Poco::File(dir).createDirectories();
  } catch (const Poco::Exception& e) {
    throw TuijieError(make_error(Category::CannotCreate, "workspace-create-failed",
                                 "无法创建工作区文件夹：" + e.displayText(),
                                 "cannot create the workspace folder: " + e.displayText(), dir));
  }

  try {
    auto session = connect(path);
    migrate(*session, migrations(), path);
    const std::string when = clock.iso8601();
    std::string file_name = campaign.file_name();
    std::string content = campaign.content();
    std::string sha256 = campaign.sha256();
    std::string created_by = "tuijie";
    std::string created_at = when;
    with_write_transaction(*session, [&] {
      *session << "INSERT INTO campaign (id, file_name, content, sha256, recorded_at) "
                  "VALUES (1, ?, ?, ?, ?)",
          use(file_name), use(content), use(sha256), use(created_at), now;
      *session << "INSERT INTO meta (name, value) VALUES ('created_by', ?), ('created_at', ?)",
          use(created_by), use(created_at), now;
    });
    Workspace workspace(dir, std::move(session));
    workspace.campaign_ = std::make_unique<Campaign>(std::move(campaign));
    workspace.clock_ = clock;
    return workspace;
  } catch (const Poco::Exception& e) {
    undo();
    if (classify(e, path) == DatabaseFault::Full) {
      throw database_error(e, path, Category::CannotCreate, "workspace-create-failed", "", "");
    }
    // Whatever else stops it (a read-only folder, no permission), it is "cannot create".
    throw TuijieError(make_error(Category::CannotCreate, "workspace-create-failed",
                                 "无法创建工作区数据库：" + e.displayText(),
                                 "cannot create the workspace database: " + e.displayText(), path));
  } catch (...) {
    undo();
    throw;
  }
}

Workspace Workspace::open(const std::string& dir) {
  const std::string path = db_path_in(dir);
  if (!exists(dir)) {
    throw TuijieError(make_error(Category::MissingInput, "workspace-missing",
                                 "找不到工作区（tuijie.db）；请先运行 tuijie init",
                                 "no workspace here (tuijie.db); run tuijie init first", path));
  }
  switch (file_start(path)) {
    case FileStart::Empty:
      throw not_a_workspace(path, "文件为空", "the file is empty");
    case FileStart::Other:
      throw not_a_workspace(path, "不是 SQLite 数据库", "not an SQLite database");
    case FileStart::Sqlite:
    case FileStart::Unreadable:
      break;
  }
  try {
    Workspace workspace(dir, connect(path));
    Poco::Data::Session& db = *workspace.session_;
    require_intact(db, path);
    if (store::schema_version(db) == 0) {
      throw not_a_workspace(path, "其中没有 tuijie 的表", "it holds no tuijie tables");
    }
    migrate(db, migrations(), path);
    workspace.campaign_ = stored_campaign(db, path);
    return workspace;
  } catch (const Poco::Exception& e) {
    throw database_error(e, path, Category::MissingInput, "workspace-unreadable",
                         "无法读取工作区数据库", "cannot read the workspace database");
  }
}

int Workspace::schema_version() {
  return store::schema_version(*session_);
}

ImportSummary Workspace::import(const std::vector<records::Record>& records,
                                const ImportSource& source, const Evaluator& evaluate) {
  // Later records of a repeated key replace earlier ones; the first position is kept so that
  // storage order follows the file.
  struct Pending {
    const records::Record* record;
    Poco::Int64 row;
  };
  std::vector<Pending> batch;
  std::map<std::pair<std::string, std::string>, std::size_t> position;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Poco::Int64 row = i < source.rows.size() ? source.rows[i] : 0;
    const auto [it, fresh] = position.try_emplace({records[i].kind, records[i].key}, batch.size());
    if (fresh) {
      batch.push_back({&records[i], row});
    } else {
      batch[it->second] = {&records[i], row};
    }
  }

  // Judged before the transaction opens: the evaluator is the caller's code and may be slow.
  std::vector<RecordVerdict> verdicts;
  if (evaluate) {
    verdicts.reserve(batch.size());
    for (const Pending& p : batch) {
      verdicts.push_back({p.record->kind, p.record->key, evaluate(*p.record)});
    }
  }

  std::string when = clock_.iso8601();
  std::string file = source.file;

  Poco::Data::Session& db = *session_;
  // Runs again from the start when another command held the write lock too long.
  const auto store_batch = [&] {
    ImportSummary summary;
    summary.rows = source.row_count >= 0 ? source.row_count : static_cast<long>(records.size());
    summary.errors = source.errors;
    // What is stored now, for the kinds this batch touches.
    std::map<std::pair<std::string, std::string>, std::string> stored;
    std::set<std::string> kinds;
    for (const Pending& p : batch) {
      kinds.insert(p.record->kind);
    }
    if (!source.replaces_field.empty())
      kinds.insert(source.kind);
    for (const std::string& kind : kinds) {
      std::string k = kind;
      std::vector<std::string> keys;
      std::vector<std::string> data;
      db << "SELECT record_key, data FROM records WHERE kind = ?", use(k), into(keys), into(data),
          now;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        stored.emplace(std::pair{kind, keys[i]}, data[i]);
      }
    }

    // Column vectors for one bulk INSERT and one bulk UPDATE.
    std::vector<std::string> new_kind, new_key, new_data, new_file;
    std::vector<Poco::Int64> new_row;
    std::vector<std::string> upd_kind, upd_key, upd_data, upd_file;
    std::vector<Poco::Int64> upd_row;
    for (const Pending& p : batch) {
      std::string json = to_canonical_json(*p.record);
      const auto it = stored.find({p.record->kind, p.record->key});
      if (it == stored.end()) {
        new_kind.push_back(p.record->kind);
        new_key.push_back(p.record->key);
        new_data.push_back(std::move(json));
        new_file.push_back(file);
        new_row.push_back(p.row);
      } else if (it->second == json) {
        ++summary.unchanged;
      } else {
        upd_kind.push_back(p.record->kind);
        upd_key.push_back(p.record->key);
        upd_data.push_back(std::move(json));
        upd_file.push_back(file);
        upd_row.push_back(p.row);
      }
    }
    summary.inserted = static_cast<long>(new_key.size());
    summary.updated = static_cast<long>(upd_key.size());

    std::string kind = source.kind;
    Poco::Int64 rows = summary.rows, inserted = summary.inserted, updated = summary.updated,
                unchanged = summary.unchanged, errors = summary.errors;
    db << "INSERT INTO imports (file, kind, row_count, inserted, updated, unchanged, errors, "
          "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        use(file), use(kind), use(rows), use(inserted), use(updated), use(unchanged), use(errors),
        use(when), now;
    Poco::Int64 import_id = 0;
    db << "SELECT last_insert_rowid()", into(import_id), now;
    summary.import_id = static_cast<long>(import_id);

    if (!new_key.empty()) {
      std::vector<Poco::Int64> ids(new_key.size(), import_id);
      std::vector<std::string> times(new_key.size(), when);
      db << "INSERT INTO records (kind, record_key, data, source_file, source_row, import_id, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          use(new_kind), use(new_key), use(new_data), use(new_file), use(new_row), use(ids),
          use(times), now;
    }
    if (!upd_key.empty()) {
      std::vector<Poco::Int64> ids(upd_key.size(), import_id);
      std::vector<std::string> times(upd_key.size(), when);
      db << "UPDATE records SET data = ?, source_file = ?, source_row = ?, import_id = ?, "
            "imported_at = ? WHERE kind = ? AND record_key = ?",
          use(upd_data), use(upd_file), use(upd_row), use(ids), use(times), use(upd_kind),
          use(upd_key), now;
    }
    if (!source.replaces_field.empty()) {
      std::vector<std::string> gone;
      for (const auto& [stored_key, data] : stored) {
        if (stored_key.first != source.kind || position.count(stored_key))
          continue;
        const records::Record old = from_canonical_json(stored_key.first, stored_key.second, data);
        if (source.replaces_values.count(old.get(source.replaces_field)))
          gone.push_back(stored_key.second);
      }
      if (!gone.empty()) {
        std::vector<std::string> kinds_gone(gone.size(), source.kind);
        db << "DELETE FROM evaluations WHERE kind = ? AND record_key = ?", use(kinds_gone),
            use(gone), now;
        db << "DELETE FROM records WHERE kind = ? AND record_key = ?", use(kinds_gone), use(gone),
            now;
      }
      summary.removed = static_cast<long>(gone.size());
    }
    write_evaluations(db, verdicts, campaign_->sha256(), when);
    return summary;
  };
  try {
    return with_write_transaction(db, store_batch);
  } catch (const Poco::Exception& e) {
    // A fault of the database (disk full, read-only, damaged) names the database; anything
    // else the batch's file.
    throw database_error(
        e, classify(e, database_path()) == DatabaseFault::Other ? source.file : database_path(),
        Category::Internal, "store-failed", "记录未能存入工作区，工作区未作改动",
        "the records could not be stored; the workspace is unchanged", true);
  }
}

std::vector<records::Record> Workspace::records(const std::string& kind) {
  std::string k = kind;
  std::vector<std::string> keys;
  std::vector<std::string> data;
  *session_ << "SELECT record_key, data FROM records WHERE kind = ? ORDER BY id", use(k),
      into(keys), into(data), now;
  std::vector<records::Record> out;
  out.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out.push_back(from_canonical_json(kind, keys[i], data[i]));
  }
  return out;
}

void Workspace::save_evaluations(const std::vector<RecordVerdict>& verdicts) {
  const std::string when = clock_.iso8601();
  Poco::Data::Session& db = *session_;
  try {
    with_write_transaction(db, [&] { write_evaluations(db, verdicts, campaign_->sha256(), when); });
  } catch (const Poco::Exception& e) {
    throw database_error(e, database_path(), Category::Internal, "store-failed",
                         "检查结果未能存入工作区，工作区未作改动",
                         "the evaluations could not be stored; the workspace is unchanged", true);
  }
}

std::vector<StoredEvaluation> Workspace::evaluations(const std::string& kind) {
  return read_evaluations(*session_, kind);
}

std::vector<ImportLogEntry> Workspace::import_log() {
  std::vector<Poco::Int64> ids, rows, inserted, updated, unchanged, errors;
  std::vector<std::string> files, kinds, times;
  *session_ << "SELECT id, file, kind, row_count, inserted, updated, unchanged, errors, "
               "imported_at FROM imports ORDER BY id",
      into(ids), into(files), into(kinds), into(rows), into(inserted), into(updated),
      into(unchanged), into(errors), into(times), now;
  std::vector<ImportLogEntry> log;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    log.push_back({static_cast<long>(ids[i]), files[i], kinds[i], static_cast<long>(rows[i]),
                   static_cast<long>(inserted[i]), static_cast<long>(updated[i]),
                   static_cast<long>(unchanged[i]), static_cast<long>(errors[i]), times[i]});
  }
  return log;
}

}  // namespace tuijie::store
