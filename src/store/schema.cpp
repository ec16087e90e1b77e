#include "store/schema.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

#include <string>

#include "core/diagnostic.hpp"
#include "store/write_transaction.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1,
       "meta, campaign, imports, records",
       {
           R"(CREATE TABLE meta (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL))",
           // A workspace serves exactly one campaign; its file is kept verbatim so that the
           // workspace still means the same thing after data/ changes.
           R"(CREATE TABLE campaign (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                file_name   TEXT NOT NULL,
                content     TEXT NOT NULL,
                sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
                recorded_at TEXT NOT NULL))",
           R"(CREATE TABLE imports (
                id          INTEGER PRIMARY KEY,
                file        TEXT NOT NULL,
                kind        TEXT NOT NULL,
                row_count   INTEGER NOT NULL CHECK (row_count >= 0),
                inserted    INTEGER NOT NULL CHECK (inserted >= 0),
                updated     INTEGER NOT NULL CHECK (updated >= 0),
                unchanged   INTEGER NOT NULL CHECK (unchanged >= 0),
                errors      INTEGER NOT NULL CHECK (errors >= 0),
                imported_at TEXT NOT NULL))",
           // One row per (kind, key): re-importing a corrected file updates, never duplicates.
           R"(CREATE TABLE records (
                id          INTEGER PRIMARY KEY,
                kind        TEXT NOT NULL CHECK (kind <> ''),
                record_key  TEXT NOT NULL CHECK (record_key <> ''),
                data        TEXT NOT NULL CHECK (json_valid(data)),
                source_file TEXT NOT NULL,
                source_row  INTEGER NOT NULL CHECK (source_row >= 0),
                import_id   INTEGER NOT NULL REFERENCES imports (id),
                imported_at TEXT NOT NULL,
                UNIQUE (kind, record_key)))",
       }},
      {2,
       "evaluations",
       {
           // The last evaluation of each stored record: complete, eligible and why, against
           // which campaign file. It belongs to its record (deleted and re-keyed with it); the
           // reasons are a JSON array of {concerns, code, field, zh, en}.
           R"(CREATE TABLE evaluations (
                kind            TEXT NOT NULL,
                record_key      TEXT NOT NULL,
                complete        INTEGER NOT NULL CHECK (complete IN (0, 1)),
                eligible        INTEGER NOT NULL CHECK (eligible IN (0, 1)),
                reasons         TEXT NOT NULL
                                CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
                campaign_sha256 TEXT NOT NULL CHECK (length(campaign_sha256) = 64),
                evaluated_at    TEXT NOT NULL,
                PRIMARY KEY (kind, record_key),
                FOREIGN KEY (kind, record_key) REFERENCES records (kind, record_key)
                  ON DELETE CASCADE ON UPDATE CASCADE))",
       }},
      {3,
       "documents, printings",
       {
           // A document number (TJ-2020-E-0007) belongs to one document for good: assigned
           // at its first print, kept on every reprint, never given to another.
           R"(CREATE TABLE documents (
                number      TEXT PRIMARY KEY,
                kind        TEXT NOT NULL CHECK (kind <> ''),
                record_key  TEXT NOT NULL,
                series      TEXT NOT NULL,
                sequence    INTEGER NOT NULL CHECK (sequence > 0),
                assigned_at TEXT NOT NULL,
                UNIQUE (kind, record_key),
                UNIQUE (series, sequence)))",
           // Every distinct content printed under a number: the data that was hashed, so that
           // `tuijie verify` can name the fields changed since.
           R"(CREATE TABLE printings (
                number     TEXT NOT NULL REFERENCES documents (number),
                hash       TEXT NOT NULL CHECK (length(hash) = 64),
                data       TEXT NOT NULL CHECK (json_valid(data)),
                printed_at TEXT NOT NULL,
                PRIMARY KEY (number, hash)))",
       }},
      {4,
       "printed files",
       {
           // What was written, not only what was meant: the SHA-256 of each PDF file as
           // written and of its pages' drawing (content streams, decoded, in page order), so
           // that `tuijie verify` tells an untouched file, a re-saved one that still shows the
           // same pages, and one whose pages differ. One row per distinct file; printings from
           // before this step have none, and verify says so.
           R"(CREATE TABLE printed_files (
                number       TEXT NOT NULL REFERENCES documents (number),
                hash         TEXT NOT NULL CHECK (length(hash) = 64),
                file_sha256  TEXT NOT NULL CHECK (length(file_sha256) = 64),
                pages_sha256 TEXT NOT NULL CHECK (length(pages_sha256) = 64),
                pages        INTEGER NOT NULL CHECK (pages >= 0),
                file_name    TEXT NOT NULL,
                printed_at   TEXT NOT NULL,
                PRIMARY KEY (number, file_sha256),
                FOREIGN KEY (number, hash) REFERENCES printings (number, hash)))",
           "CREATE INDEX printed_files_pages ON printed_files (number, pages_sha256)",
       }},
      {5,
       "write-ahead log",
       {},
       // Readers never wait for a writer and a writer never waits for readers, so that a
       // render or check can run while an import writes (and the web intake beside them).
       // A copy of tuijie.db alone may now miss committed data: use tuijie backup.
       "wal"},
  };
  return steps;
}

int latest_version(const std::vector<Migration>& steps) {
  return steps.empty() ? 0 : steps.back().version;
}

int schema_version(Poco::Data::Session& session) {
  int tables = 0;
  session << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
      into(tables), now;
  if (tables == 0) {
    return 0;
  }
  std::string version = "0";
  session << "SELECT value FROM meta WHERE name = 'schema_version'", into(version), now;
  try {
    return std::stoi(version);
  } catch (const std::exception&) {
    throw TuijieError(make_error("workspace-unreadable", "工作区的 schema_version 无法识别",
                                 "the workspace's schema_version is not a number", "", version));
  }
}

void migrate(Poco::Data::Session& session, const std::vector<Migration>& steps,
             const std::string& db_path) {
  const int latest = latest_version(steps);
  const auto refuse_newer = [&](int current) {
    if (current <= latest)
      return;
    throw TuijieError(make_error(
        "workspace-too-new",
        "工作区由较新版本的 tuijie 创建（数据库版本 " + std::to_string(current) +
            "，本程序支持到 " + std::to_string(latest) + "），请升级 tuijie",
        "the workspace was made by a newer tuijie (schema version " + std::to_string(current) +
            ", this program knows up to " + std::to_string(latest) + "); upgrade tuijie",
        db_path));
  };
  const int seen = schema_version(session);
  refuse_newer(seen);
  // The newest journal mode a step names holds for every database these steps lead to, also
  // one already up to date (e.g. a backup copy, which SQLite writes in rollback mode).
  std::string_view mode;
  for (const Migration& step : steps) {
    if (!step.journal_mode.empty())
      mode = step.journal_mode;
  }
  if (!mode.empty())
    set_journal_mode(session, mode, db_path);
  if (seen == latest) {
    return;
  }
  with_write_transaction(session, [&] {
    // Another command may have upgraded the workspace since the version was read.
    const int current = schema_version(session);
    refuse_newer(current);
    for (const Migration& step : steps) {
      if (step.version <= current) {
        continue;
      }
      for (std::string_view sql : step.statements) {
        session << std::string(sql), now;
      }
      std::string version = std::to_string(step.version);
      session << "INSERT OR REPLACE INTO meta (name, value) VALUES ('schema_version', ?)",
          use(version), now;
    }
  });
}

std::string journal_mode(Poco::Data::Session& session) {
  std::string mode;
  session << "PRAGMA journal_mode", into(mode), now;
  return Poco::toLower(mode);
}

void set_journal_mode(Poco::Data::Session& session, std::string_view mode,
                      const std::string& db_path) {
  const std::string current = journal_mode(session);
  if (current == mode || current == "memory")
    return;  // already there, or an in-memory database (tests), which has no journal file
  std::string result;
  session << "PRAGMA journal_mode = " + std::string(mode), into(result), now;
  if (Poco::toLower(result) != mode) {
    throw TuijieError(make_error(
        "workspace-unreadable",
        "无法把工作区数据库切换到 " + std::string(mode) + " 日志模式（仍为 " + result + "）",
        "cannot switch the workspace database to journal mode " + std::string(mode) +
            " (it stays " + result + ")",
        db_path));
  }
}

}  // namespace tuijie::store
