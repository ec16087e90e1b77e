#include "app/locations.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using tuijie::app::find_resources;
using tuijie::app::find_workspace;

TEST_CASE("resources are found upwards from the program, in a tree or installed") {
  t::TempDir tmp;
  // A build tree inside the source tree: src/../build/src/app/tuijie
  fs::create_directories(tmp.path() / "tree/data/campaigns");
  fs::create_directories(tmp.path() / "tree/build/src/app");
  CHECK(find_resources(tmp.path() / "tree/build/src/app/tuijie") == tmp.path() / "tree");

  // An installed program: prefix/bin/tuijie with prefix/share/tuijie/data/campaigns
  fs::create_directories(tmp.path() / "prefix/bin");
  fs::create_directories(tmp.path() / "prefix/share/tuijie/data/campaigns");
  CHECK(find_resources(tmp.path() / "prefix/bin/tuijie") == tmp.path() / "prefix/share/tuijie");

  fs::create_directories(tmp.path() / "bare/bin");
  CHECK_FALSE(find_resources(tmp.path() / "bare/bin/tuijie").has_value());
}

TEST_CASE("the workspace is the nearest folder upwards holding tuijie.db") {
  t::TempDir tmp;
  fs::create_directories(tmp.path() / "ws/out/candidate");
  CHECK_FALSE(find_workspace(tmp.path() / "ws/out/candidate").has_value());
  t::write_file(tmp / "ws/tuijie.db", "");
  CHECK(find_workspace(tmp.path() / "ws/out/candidate") == tmp.path() / "ws");
  CHECK(find_workspace(tmp.path() / "ws") == tmp.path() / "ws");
}

TEST_CASE("the program knows its own file") {
  const fs::path exe = tuijie::app::executable_path();
  CHECK(exe.filename() == "test_app");
}
