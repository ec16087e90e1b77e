// Helpers for tests that touch the file system or the environment.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace tuijie::testing {

/// A fresh folder under $TMPDIR, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tuijie-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed");
    }
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// Sets (or, with nullopt, unsets) an environment variable for the scope.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, std::optional<std::string> value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) {
      old_ = old;
    }
    if (value) {
      setenv(name_.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

/// The files under `dir`, relative, with their bytes.
inline std::map<std::string, std::string> files_under(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ignored;
  if (!std::filesystem::exists(dir, ignored))
    return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      files[std::filesystem::relative(entry.path(), dir).string()] = read_file(entry.path());
  }
  return files;
}

/// A copy of the resources (templates/, data/, fonts/) under `tmp`/resources with a font
/// dropped into fonts/ as a bureau would: DejaVu Serif as hei.ttf, the 黑体 slot the forms'
/// labels and values use. A test rendering with the test manifest must not see it.
inline std::filesystem::path resources_with_dropped_font(const TempDir& tmp) {
  const std::filesystem::path resources = tmp.path() / "resources";
  std::filesystem::create_directories(resources);
  for (const char* folder : {"templates", "data", "fonts"}) {
    std::filesystem::copy(std::filesystem::path(TUIJIE_SOURCE_DIR) / folder, resources / folder,
                          std::filesystem::copy_options::recursive);
  }
  std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                             resources / "fonts/hei.ttf");
  return resources;
}

/// The committed Tianjin 2020 campaign file.
inline std::string tianjin_campaign_path() {
  return std::string(TUIJIE_SOURCE_DIR) + "/data/campaigns/tianjin-2020.json";
}

/// The Tianjin campaign text with the first occurrence of `from` replaced by `to`.
inline std::string tianjin_campaign_with(const std::string& from, const std::string& to) {
  std::string text = read_file(tianjin_campaign_path());
  const auto at = text.find(from);
  if (at == std::string::npos) {
    throw std::runtime_error("test fixture: '" + from + "' not in the campaign file");
  }
  return text.replace(at, from.size(), to);
}

}  // namespace tuijie::testing
