// The layer order of src/CMakeLists.txt, checked: no source includes a layer above its own,
// no CMake target links one, and the app's commands reach the pipeline only through jobs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kSrc = fs::path(TUIJIE_SOURCE_DIR) / "src";

// Each folder of src/ and the folders it may use directly (what they use is implied). The
// same order as the comment in src/CMakeLists.txt.
const std::map<std::string, std::set<std::string>>& allowed() {
  static const std::map<std::string, std::set<std::string>> table = {
      {"core", {}},
      {"fonts", {"core"}},
      {"image", {"core"}},
      {"page", {"fonts", "image"}},
      {"text", {"page"}},
      {"layout", {"text"}},
      {"records", {"core", "image"}},
      {"store", {"records"}},
      {"check", {"store"}},
      {"template", {"core"}},
      {"merge", {"template", "records", "layout"}},
      {"pdf", {"page"}},
      {"output", {"pdf", "store"}},
      {"job", {"output", "merge", "check"}},
      {"app", {"job"}},
      {"bench", {"job"}},
  };
  return table;
}

// `layer` and every layer below it.
std::set<std::string> reachable(const std::string& layer) {
  std::set<std::string> seen{layer};
  std::vector<std::string> todo{layer};
  while (!todo.empty()) {
    const std::string next = todo.back();
    todo.pop_back();
    const auto it = allowed().find(next);
    if (it == allowed().end())
      continue;
    for (const std::string& below : it->second) {
      if (seen.insert(below).second)
        todo.push_back(below);
    }
  }
  return seen;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every "folder/..." include of the sources under src/<layer>, as "file: include".
std::vector<std::pair<std::string, std::string>> includes_of(const std::string& layer) {
  static const std::regex include(R"re(#include "([a-z_]+)/[^"]+")re");
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& entry : fs::recursive_directory_iterator(kSrc / layer)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp")
      continue;
    const std::string text = read(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it)
      found.emplace_back(entry.path().filename().string(), (*it)[1]);
  }
  return found;
}

}  // namespace

TEST_CASE("every folder of src/ has its place in the layer order") {
  for (const auto& entry : fs::directory_iterator(kSrc)) {
    if (entry.is_directory()) {
      INFO(entry.path().filename().string());
      CHECK(allowed().count(entry.path().filename().string()) == 1);
    }
  }
}

TEST_CASE("no source includes a header of a layer above its own") {
  for (const auto& [layer, uses] : allowed()) {
    const std::set<std::string> below = reachable(layer);
    for (const auto& [file, target] : includes_of(layer)) {
      INFO("src/" << layer << "/" << file << " includes " << target << "/");
      CHECK(below.count(target) == 1);
    }
  }
  // The acceptance line of the layering issue, literally: text knows no layout.
  for (const auto& [file, target] : includes_of("text")) {
    INFO(file);
    CHECK(target != "layout");
  }
}

TEST_CASE("no CMake target links a layer above its own") {
  static const std::regex dependency(R"(tuijie_([a-z_]+))");
  for (const auto& [layer, uses] : allowed()) {
    const fs::path cmake = kSrc / layer / "CMakeLists.txt";
    REQUIRE(fs::exists(cmake));
    std::string text = read(cmake);
    // Only what the target links: drop comments.
    text = std::regex_replace(text, std::regex("#[^\n]*"), "");
    const std::set<std::string> below = reachable(layer);
    for (std::sregex_iterator it(text.begin(), text.end(), dependency), end; it != end; ++it) {
      const std::string target = (*it)[1];
      if (target == "module" || target == "target_warnings" || target == layer)
        continue;  // the helper functions, and the target's own name
      INFO("src/" << layer << "/CMakeLists.txt links tuijie_" << target);
      CHECK(below.count(target) == 1);
    }
  }
}

TEST_CASE("the app's commands reach the pipeline only through jobs") {
  // Composing, binding and writing documents belong to jobs: a command maps options and
  // prints. Only the store (opening the workspace, backups) and core are used besides.
  const std::set<std::string> direct{"app", "job", "core", "store"};
  for (const auto& [file, target] : includes_of("app")) {
    INFO("src/app/" << file << " includes " << target << "/");
    CHECK(direct.count(target) == 1);
  }
}
