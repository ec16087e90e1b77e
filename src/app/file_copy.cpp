#include "app/file_copy.hpp"

#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "core/diagnostic.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

void copy_file_atomically(const std::string& from, const std::string& to) {
  const fs::path target(to);
  // Unique per process; a second run in the same process overwrites its own leftover.
  const fs::path temporary = target.parent_path() / ("." + target.filename().string() + "." +
                                                     std::to_string(::getpid()) + ".tmp");
  std::error_code error;
  fs::copy_file(from, temporary, fs::copy_options::overwrite_existing, error);
  if (!error)
    fs::rename(temporary, target, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw TuijieError(make_error("cannot-copy", "无法复制文件到 " + to + "：" + error.message(),
                                 "cannot copy the file to " + to + ": " + error.message(), from));
  }
}

}  // namespace tuijie::app
