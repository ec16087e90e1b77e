#include "store/backup.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/diagnostic.hpp"
#include "store/database_errors.hpp"
#include "store/workspace.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace fs = std::filesystem;

namespace {

TuijieError exists_error(const std::string& target) {
  return TuijieError(make_error(Category::CannotCreate, "output-exists",
                                "此文件已存在，备份不会覆盖它；请换一个文件名",
                                "this file already exists and a backup never overwrites it; "
                                "name another file",
                                target));
}

TuijieError cannot_create(const std::string& target, const std::string& why) {
  return TuijieError(make_error(Category::CannotCreate, "cannot-create-output",
                                "无法写入备份文件：" + why, "cannot write the backup file: " + why,
                                target));
}

// A name beside `target` that nothing else uses.
std::string temporary_beside(const std::string& target) {
  std::random_device random;
  return target + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
}

// Moves `from` to `to` unless `to` exists. A hard link fails on an existing name by itself,
// so no other program can slip a file in between a check and the move.
void move_into_place(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) == 0) {
    ::unlink(from.c_str());
    return;
  }
  const int error = errno;
  if (error == EEXIST) {
    ::unlink(from.c_str());
    throw exists_error(to);
  }
  // A file system without hard links: check, then rename.
  std::error_code ignored;
  if (fs::exists(to, ignored)) {
    ::unlink(from.c_str());
    throw exists_error(to);
  }
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(from.c_str());
    throw cannot_create(to, why);
  }
}

}  // namespace

void backup_database(Workspace& workspace, const std::string& target) {
  std::error_code error;
  if (fs::exists(target, error) || fs::is_symlink(target, error)) {
    throw exists_error(target);
  }
  const fs::path folder = fs::absolute(fs::path(target), error).parent_path();
  if (!fs::is_directory(folder, error)) {
    throw cannot_create(target, folder.string() + " is not a folder");
  }
  std::string temporary = temporary_beside(target);
  try {
    workspace.session() << "VACUUM INTO ?", use(temporary), now;
  } catch (const Poco::Exception& e) {
    ::unlink(temporary.c_str());
    if (classify(e, target) == DatabaseFault::Full) {
      throw TuijieError(make_error(kDiskFull, "磁盘已满，无法写入备份文件；未留下任何文件",
                                   "disk full: cannot write the backup file; nothing was left",
                                   target));
    }
    throw cannot_create(target, e.displayText());
  }
  move_into_place(temporary, target);
}

}  // namespace tuijie::store
