// The golden documents: each case's page dump against its expected.txt. A failure prints the
// start of a unified diff and where the whole dump was written; `make golden-update`
// (TUIJIE_GOLDEN_UPDATE=1) accepts the current dumps as expected, for review with
// `git diff tests/golden`.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "golden_case.hpp"
#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using tuijie::golden::case_folder;
using tuijie::golden::dump_case;

namespace {

// The cases, each a ctest of its own below.
const std::set<std::string> kCases = {"candidate-form", "candidate-form-extb", "enterprise-sheet",
                                      "park-sheet",     "summary-tables",      "cover-letter",
                                      "booklet"};

constexpr int kDiffLines = 40;

bool updating() {
  const char* update = std::getenv("TUIJIE_GOLDEN_UPDATE");
  return update != nullptr && std::string(update) == "1";
}

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The first lines of `diff -u expected actual`.
std::string diff_head(const std::string& expected, const std::string& actual) {
  const std::string command = "diff -u " + shell_quoted(expected) + " " + shell_quoted(actual) +
                              " | head -n " + std::to_string(kDiffLines);
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    return "(diff could not be run)";
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  pclose(pipe);
  return out;
}

void check_golden(const std::string& name) {
  const tuijie::golden::CaseDump dump = dump_case(name);
  const fs::path actual = fs::path(TUIJIE_BINARY_DIR) / "golden" / name / "actual.txt";
  fs::create_directories(actual.parent_path());
  t::write_file(actual.string(), dump.text);
  const std::string expected = case_folder(name) + "/expected.txt";
  if (updating()) {
    t::write_file(expected, dump.text);
    WARN(name << ": expected.txt rewritten (" << dump.documents << " documents, " << dump.pages
              << " pages)");
    return;
  }
  REQUIRE(dump.pages > 0);
  if (!fs::exists(expected))
    FAIL(expected << " is missing: write it with `make golden-update`");
  if (t::read_file(expected) == dump.text)
    return;
  // Written as it is: Catch would wrap the diff's lines, cutting characters in two.
  std::cout << diff_head(expected, actual.string()) << std::flush;
  FAIL_CHECK(name << ": the page dump differs from expected.txt (the diff's first " << kDiffLines
                  << " lines above). The whole dump is in " << actual.string()
                  << ". If the change is intended: make golden-update, then review "
                     "git diff tests/golden.");
}

}  // namespace

TEST_CASE("every folder of tests/golden is a case run here") {
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(case_folder(""))) {
    if (entry.is_directory())
      folders.insert(entry.path().filename().string());
  }
  CHECK(folders == kCases);
}

TEST_CASE("candidate-form", "[case]") {
  check_golden("candidate-form");
}

TEST_CASE("candidate-form-extb", "[case]") {
  check_golden("candidate-form-extb");
}

TEST_CASE("enterprise-sheet", "[case]") {
  check_golden("enterprise-sheet");
}

TEST_CASE("park-sheet", "[case]") {
  check_golden("park-sheet");
}

TEST_CASE("summary-tables", "[case]") {
  check_golden("summary-tables");
}

TEST_CASE("cover-letter", "[case]") {
  check_golden("cover-letter");
}

TEST_CASE("booklet", "[case]") {
  check_golden("booklet");
}
