#include "output/staged_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "core/diagnostic.hpp"

namespace tuijie::output {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = ".tuijie-";
constexpr std::string_view kSuffix = ".tmp";
constexpr int kTidyDepth = 1;

// What went wrong, in words a clerk can act on.
std::pair<std::string, std::string> reason_for(int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
      return {"磁盘已满（或超出配额），请腾出空间后重试",
              "the disk is full (or over quota); free some space and run again"};
    case EROFS:
      return {"输出文件夹在只读的文件系统上", "the output folder is on a read-only file system"};
    case EACCES:
    case EPERM:
      return {"没有写入输出文件夹的权限", "no permission to write into the output folder"};
    default: {
      const std::string text = std::generic_category().message(error);
      return {"无法写入文件：" + text, "cannot write the file: " + text};
    }
  }
}

[[noreturn]] void file_error(const fs::path& path, int error, bool nothing_written = true) {
  auto [zh, en] = reason_for(error);
  if (nothing_written) {
    zh += "；未写出任何文件";
    en += "; no file was written";
  } else {
    zh += "；已记录的其余文件将在下次运行时移入位置";
    en += "; the other recorded files are moved into place by the next run";
  }
  throw TuijieError(make_error(Category::CannotCreate, "output-file", zh, en, path.string()));
}

std::atomic<unsigned long> next_temporary{0};

fs::path temporary_for(const fs::path& final_path) {
  return final_path.parent_path() /
         ("." + final_path.filename().string() + std::string(kMarker) + std::to_string(::getpid()) +
          "-" + std::to_string(next_temporary++) + std::string(kSuffix));
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

void sync_folder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);  // best effort: the renames are already visible
    ::close(fd);
  }
}

// The process id in ".NAME.tuijie-PID-N.tmp", 0 when there is none.
long pid_of_temporary(const std::string& name) {
  const size_t marker = name.rfind(kMarker);
  if (marker == std::string::npos)
    return 0;
  try {
    return std::stol(name.substr(marker + kMarker.size()));
  } catch (const std::exception&) {
    return 0;
  }
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH);
}

}  // namespace

StagedFiles::~StagedFiles() {
  std::lock_guard lock(mutex_);
  for (const Staged& file : staged_)
    ::unlink(file.temporary.c_str());
}

void StagedFiles::stage(const fs::path& final_path, std::string_view bytes) {
  stage_written(final_path, [&](int fd) { return write_all(fd, bytes); });
}

fs::path StagedFiles::stage_written(const fs::path& final_path,
                                    const std::function<bool(int fd)>& write) {
  std::error_code error;
  fs::create_directories(final_path.parent_path(), error);
  if (error)
    file_error(final_path.parent_path(), error.value());
  const fs::path temporary = temporary_for(final_path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    file_error(final_path, errno);
  bool ok = false;
  try {
    ok = write(fd) && ::fsync(fd) == 0;
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  int failure = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    failure = errno;
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    file_error(final_path, failure);
  }
  std::lock_guard lock(mutex_);
  staged_.push_back({temporary, final_path});
  return temporary;
}

void StagedFiles::publish() {
  std::lock_guard lock(mutex_);
  std::set<fs::path> folders;
  for (size_t i = 0; i < staged_.size(); ++i) {
    if (::rename(staged_[i].temporary.c_str(), staged_[i].final_path.c_str()) != 0) {
      // The run has recorded these files: the rest stay as they are, complete, for the next
      // run in the folder to move into place (remove_stale_temporaries).
      const int error = errno;
      const fs::path failed = staged_[i].final_path;
      staged_.clear();
      file_error(failed, error, false);
    }
    folders.insert(staged_[i].final_path.parent_path());
  }
  staged_.clear();
  for (const fs::path& folder : folders)
    sync_folder(folder);
}

size_t StagedFiles::size() const {
  std::lock_guard lock(mutex_);
  return staged_.size();
}

std::string final_name_of_temporary(const std::string& name) {
  if (name.size() < 2 || name.front() != '.' || !name.ends_with(kSuffix))
    return "";
  const size_t marker = name.rfind(kMarker);
  if (marker == std::string::npos || marker <= 1 || pid_of_temporary(name) == 0)
    return "";
  return name.substr(1, marker - 1);
}

Tidied remove_stale_temporaries(const fs::path& dir,
                                const std::function<bool(const std::string& bytes)>& recorded) {
  Tidied tidied;
  std::error_code error;
  fs::recursive_directory_iterator it(dir, error), end;
  if (error)
    return tidied;  // no folder yet: nothing to tidy
  std::vector<fs::path> stale;
  std::set<fs::path> folders;
  for (; it != end; it.increment(error)) {
    if (error)
      break;
    // A run writes into its folder and one level below (records/, a bundle's photos).
    if (it.depth() >= kTidyDepth)
      it.disable_recursion_pending();
    const std::string name = it->path().filename().string();
    if (!final_name_of_temporary(name).empty() && !process_alive(pid_of_temporary(name)))
      stale.push_back(it->path());
  }
  for (const fs::path& temporary : stale) {
    const fs::path final_path =
        temporary.parent_path() / final_name_of_temporary(temporary.filename().string());
    bool moved = false;
    if (!fs::exists(final_path, error) && recorded) {
      std::ifstream in(temporary, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (in && recorded(bytes.str()))
        moved = ::rename(temporary.c_str(), final_path.c_str()) == 0;
    }
    if (moved) {
      ++tidied.published;
      folders.insert(temporary.parent_path());
    } else if (::unlink(temporary.c_str()) == 0) {
      ++tidied.removed;
    }
  }
  for (const fs::path& folder : folders)
    sync_folder(folder);
  return tidied;
}

}  // namespace tuijie::output
