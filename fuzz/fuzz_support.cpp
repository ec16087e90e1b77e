#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>

namespace tuijie::fuzz {
namespace fs = std::filesystem;

namespace {

// One folder per process: libFuzzer's -jobs/-workers run several processes at once.
struct ScratchFolder {
  fs::path path;
  ScratchFolder() {
    const fs::path base =
        fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    path = base / ("tuijie-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const fs::path& scratch_folder() {
  static ScratchFolder folder;
  return folder.path;
}

}  // namespace

std::string source_path(std::string_view relative) {
  return (fs::path(TUIJIE_SOURCE_DIR) / relative).string();
}

std::string write_scratch_file(const std::string& name, const uint8_t* data, std::size_t size) {
  const fs::path path = scratch_folder() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) {
    contract_broken("fuzz support", "cannot write the scratch file " + path.string());
  }
  return path.string();
}

void contract_broken(const char* where, const std::string& what) {
  std::fprintf(stderr, "\n==== tuijie fuzz: contract broken in %s: %s\n", where, what.c_str());
  std::fflush(stderr);
  std::abort();
}

void check_diagnostics(const Diagnostics& diagnostics, const char* where) {
  for (const Diagnostic& d : diagnostics) {
    if (d.code.empty() || d.reason_zh.empty() || d.reason_en.empty()) {
      contract_broken(where, "a diagnostic without code or reason: " + d.format_bilingual());
    }
  }
}

void expect_refusal_or_success(const char* where, const std::function<void()>& body) {
  try {
    body();
  } catch (const TuijieError& e) {
    if (e.diagnostics().empty()) {
      contract_broken(where, std::string("a TuijieError without diagnostics: ") + e.what());
    }
    check_diagnostics(e.diagnostics(), where);
  } catch (const std::exception& e) {
    contract_broken(where, std::string("an exception other than TuijieError: ") + e.what());
  }
}

}  // namespace tuijie::fuzz
