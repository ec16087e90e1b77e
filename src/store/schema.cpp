#include "store/schema.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <string>

#include "core/diagnostic.hpp"

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
  const int current = schema_version(session);
  const int latest = latest_version(steps);
  if (current > latest) {
    throw TuijieError(make_error(
        "workspace-too-new",
        "工作区由较新版本的 tuijie 创建（数据库版本 " + std::to_string(current) +
            "，本程序支持到 " + std::to_string(latest) + "），请升级 tuijie",
        "the workspace was made by a newer tuijie (schema version " + std::to_string(current) +
            ", this program knows up to " + std::to_string(latest) + "); upgrade tuijie",
        db_path));
  }
  if (current == latest) {
    return;
  }
  session.begin();
  try {
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
    session.commit();
  } catch (...) {
    session.rollback();
    throw;
  }
}

}  // namespace tuijie::store
