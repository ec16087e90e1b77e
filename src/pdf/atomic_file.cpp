#include "pdf/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <system_error>
#include <thread>

#include "core/diagnostic.hpp"

namespace tuijie::pdf {
namespace {

[[noreturn]] void file_error(const std::string& path, int error) {
  std::string reason = std::generic_category().message(error);
  throw TuijieError(make_error(Category::CannotCreate, "pdf-file", "无法写入 PDF 文件：" + reason,
                               "cannot write the PDF file: " + reason, path));
}

// The temporary name is unique per process, thread and attempt; O_EXCL settles any
// remaining race.
std::string temporary_name(const std::filesystem::path& target, unsigned attempt) {
  std::string name = target.filename().string().substr(0, 100);
  std::string suffix =
      std::to_string(::getpid()) + "-" +
      std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()) % 1000000) + "-" +
      std::to_string(attempt) + ".tmp";
  return (target.parent_path() / ("." + name + "." + suffix)).string();
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  std::filesystem::path target(path);
  if (target.filename().empty()) {
    file_error(path, EISDIR);
  }
  std::string temporary;
  int fd = -1;
  for (unsigned attempt = 0; fd < 0; ++attempt) {
    temporary = temporary_name(target, attempt);
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt == 100)) {
      file_error(path, errno);
    }
  }
  bool written = write_all(fd, bytes);
  int error = written ? 0 : errno;
  if (::close(fd) != 0 && written) {
    written = false;
    error = errno;
  }
  if (written && ::rename(temporary.c_str(), path.c_str()) != 0) {
    written = false;
    error = errno;
  }
  if (!written) {
    ::unlink(temporary.c_str());
    file_error(path, error);
  }
}

}  // namespace tuijie::pdf
