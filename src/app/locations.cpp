#include "app/locations.hpp"

#include <system_error>

#include "store/workspace.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

bool is_resources(const fs::path& dir) {
  std::error_code ignored;
  return fs::is_directory(dir / "data" / "campaigns", ignored);
}

}  // namespace

std::optional<fs::path> find_resources(const fs::path& exe) {
  for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (is_resources(dir)) {
      return dir;
    }
    if (is_resources(dir / "share" / "tuijie")) {
      return dir / "share" / "tuijie";
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
  return std::nullopt;
}

fs::path executable_path() {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : exe;
}

std::optional<fs::path> find_workspace(const fs::path& start) {
  std::error_code error;
  fs::path dir = fs::absolute(start, error);
  if (error) {
    return std::nullopt;
  }
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (store::Workspace::exists(dir.string())) {
      return dir;
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
  return std::nullopt;
}

}  // namespace tuijie::app
