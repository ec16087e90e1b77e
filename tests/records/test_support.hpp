// Paths and small helpers shared by the records tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tuijie::records::test {

inline std::string fixture(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/" + name;
}

inline std::string schema_directory() {
  return std::string(TUIJIE_SOURCE_DIR) + "/data/records";
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A scratch folder for files a test writes, fresh for each name. ctest -j runs every test
/// case in its own process at the same time: each process gets its own folder.
inline std::filesystem::path scratch_directory(const std::string& name) {
  auto dir = std::filesystem::path(TUIJIE_BINARY_DIR) / "records-test-scratch" /
             (std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// The first diagnostic with this row and code, or nullptr.
inline const Diagnostic* find_diagnostic(const Diagnostics& diagnostics, long row,
                                         std::string_view code) {
  for (const Diagnostic& d : diagnostics) {
    if (d.row == row && d.code == code) {
      return &d;
    }
  }
  return nullptr;
}

}  // namespace tuijie::records::test
