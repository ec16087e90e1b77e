#include "store/database_errors.hpp"

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <utility>

namespace tuijie::store {

namespace sqlite = Poco::Data::SQLite;

namespace {

// Less than this left on the device counts as full: SQLite needs at least a page or two.
constexpr unsigned long long kNearlyFullBytes = 64 * 1024;

bool device_full(const std::string& path) {
  if (path.empty())
    return false;
  std::error_code error;
  const auto space =
      std::filesystem::space(std::filesystem::absolute(path, error).parent_path(), error);
  return !error && space.available < kNearlyFullBytes;
}

// The folder of `path` cannot be written (read-only mount, or no permission). SQLite must
// create tuijie.db-wal and tuijie.db-shm there even to read a WAL database.
bool folder_read_only(const std::string& path) {
  if (path.empty())
    return false;
  std::error_code error;
  const auto folder = std::filesystem::absolute(path, error).parent_path();
  return !error && ::access(folder.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES);
}

}  // namespace

DatabaseFault classify(const Poco::Exception& e, const std::string& path) {
  if (dynamic_cast<const sqlite::DBLockedException*>(&e) ||
      dynamic_cast<const sqlite::TableLockedException*>(&e))
    return DatabaseFault::Busy;
  if (dynamic_cast<const sqlite::DatabaseFullException*>(&e))
    return DatabaseFault::Full;
  if (dynamic_cast<const sqlite::ReadOnlyException*>(&e) ||
      dynamic_cast<const sqlite::DBAccessDeniedException*>(&e))
    return DatabaseFault::ReadOnly;
  if (dynamic_cast<const sqlite::CantOpenDBFileException*>(&e))
    return folder_read_only(path) ? DatabaseFault::ReadOnly : DatabaseFault::CantOpen;
  if (dynamic_cast<const sqlite::CorruptImageException*>(&e))
    return DatabaseFault::Damaged;
  if (dynamic_cast<const sqlite::IOErrorException*>(&e) && device_full(path))
    return DatabaseFault::Full;
  return DatabaseFault::Other;
}

namespace {

TuijieError fault_error(Category category, const char* code, std::string zh, std::string en,
                        const std::string& path, bool unchanged) {
  if (unchanged) {
    zh += "；工作区未作改动";
    en += "; the workspace is unchanged";
  }
  return TuijieError(make_error(category, code, std::move(zh), std::move(en), path));
}

}  // namespace

TuijieError busy_error(const std::string& path) {
  return TuijieError(make_error(Category::Busy, kWorkspaceBusy,
                                "工作区正被另一个 tuijie 命令使用，等待后仍未空闲；请稍后再试",
                                "the workspace is busy with another tuijie command and stayed "
                                "busy while this one waited; try again later",
                                path));
}

TuijieError damaged_error(const std::string& path, const std::string& detail) {
  return TuijieError(make_error(kWorkspaceDamaged,
                                "工作区数据库已损坏，未作任何改动；请用备份（tuijie backup "
                                "的副本）替换它：" +
                                    detail,
                                "the workspace database is damaged; nothing was changed. Replace "
                                "it with a backup (a copy made by tuijie backup): " +
                                    detail,
                                path));
}

TuijieError database_error(const Poco::Exception& e, const std::string& path,
                           Category other_category, const std::string& other_code,
                           const std::string& zh, const std::string& en, bool unchanged) {
  switch (classify(e, path)) {
    case DatabaseFault::Busy:
      return busy_error(path);
    case DatabaseFault::Full:
      return fault_error(Category::CannotCreate, kDiskFull, "磁盘已满，无法写入工作区",
                         "disk full: cannot write the workspace", path, unchanged);
    case DatabaseFault::ReadOnly:
      return fault_error(Category::CannotCreate, kWorkspaceReadOnly,
                         "工作区是只读的：tuijie.db 或其所在文件夹不可写（即使只读取，SQLite "
                         "也要在文件夹中写 tuijie.db-wal 和 tuijie.db-shm）",
                         "the workspace is read-only: tuijie.db or its folder cannot be written "
                         "(even to read it, SQLite writes tuijie.db-wal and tuijie.db-shm in the "
                         "folder)",
                         path, unchanged);
    case DatabaseFault::CantOpen:
      return fault_error(Category::MissingInput, kWorkspaceInaccessible,
                         "无法打开工作区数据库（文件或其所在文件夹没有读写权限）",
                         "cannot open the workspace database (no permission to read or write "
                         "the file or its folder)",
                         path, unchanged);
    case DatabaseFault::Damaged:
      return damaged_error(path, e.displayText());
    case DatabaseFault::Other:
      break;
  }
  return TuijieError(make_error(other_category, other_code, zh + "：" + e.displayText(),
                                en + ": " + e.displayText(), path));
}

}  // namespace tuijie::store
