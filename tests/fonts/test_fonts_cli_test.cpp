// The CLI tests' font manifest: every run of the program through tests/app/cli_runner.hpp
// uses tests/fonts/test-fonts.xml, so a font dropped into the resources' fonts/ changes no
// document a test renders, while the tree's own fonts/fonts.xml would take it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using t::quote;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

}  // namespace

TEST_CASE("a font dropped into fonts/ changes no PDF the CLI tests render") {
  const t::TempDir tmp;
  const fs::path resources = t::resources_with_dropped_font(tmp);

  const std::string source = "--resources " + quote(kSource) + " --lang en ";
  const std::string dropped = "--resources " + quote(resources.string()) + " --lang en ";
  REQUIRE(t::run_cli(source + "init ws", tmp.path()).code == 0);
  const t::CliRun imported = t::run_cli(
      source + "--workspace ws import --kind park " + quote(kSource + "/samples/parks.csv"),
      tmp.path());
  INFO(imported.err);
  REQUIRE(imported.code == 0);

  const auto render = [&](const std::string& resources_option, const std::string& out,
                          const std::string& more = "") {
    const t::CliRun run = t::run_cli(
        resources_option + "--workspace ws render --kind park --out " + out + more, tmp.path());
    INFO(run.err);
    REQUIRE(run.code == 0);
    return t::files_under(tmp.path() / out);
  };
  const auto pristine = render(source, "pristine");
  REQUIRE(pristine.size() >= 3);
  CHECK(render(dropped, "dropped") == pristine);
  // The tree's own manifest, asked for on the command line, does take the dropped-in 黑体.
  const auto own =
      render(dropped, "own", " --fonts " + quote((resources / "fonts/fonts.xml").string()));
  CHECK(own.size() == pristine.size());
  CHECK(own != pristine);
}
