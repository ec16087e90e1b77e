// The content of an SQLite database as text, read through SQLite (so the WAL counts), for
// tests that check a database is unchanged: with WAL the main file's bytes alone prove
// nothing. Like `sqlite3 FILE .dump`, without needing the sqlite3 program.
#pragma once

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace tuijie::testing {

/// Every schema entry, then every row of every table in rowid order, each value quoted.
inline std::string dump_database(const std::string& path) {
  using namespace Poco::Data::Keywords;
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session db("SQLite", path);
  std::vector<std::string> names, sql;
  db << "SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name", into(names),
      into(sql), now;
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += sql[i] + ";\n";
  std::vector<std::string> tables;
  db << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name",
      into(tables), now;
  for (const std::string& table : tables) {
    std::vector<std::string> columns;
    db << "SELECT name FROM pragma_table_info(?) ORDER BY cid",
        use(const_cast<std::string&>(table)), into(columns), now;
    std::string select = "SELECT ''";
    for (const std::string& column : columns)
      select += " || quote(\"" + column + "\") || ','";
    std::vector<std::string> rows;
    db << select + " FROM \"" + table + "\" ORDER BY rowid", into(rows), now;
    for (const std::string& row : rows)
      out += table + ": " + row + "\n";
  }
  return out;
}

/// The one number a query such as "SELECT count(*) FROM records" gives.
inline long count_in(const std::string& path, const std::string& sql) {
  using namespace Poco::Data::Keywords;
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session db("SQLite", path);
  Poco::Int64 n = 0;
  db << sql, into(n), now;
  return static_cast<long>(n);
}

/// SQLite's integrity_check of the file says "ok" (false also when it cannot be read).
inline bool database_intact(const std::string& path) {
  using namespace Poco::Data::Keywords;
  Poco::Data::SQLite::Connector::registerConnector();
  try {
    Poco::Data::Session db("SQLite", path);
    std::vector<std::string> result;
    db << "PRAGMA integrity_check", into(result), now;
    return result.size() == 1 && result.front() == "ok";
  } catch (const Poco::Exception&) {
    return false;
  }
}

}  // namespace tuijie::testing
