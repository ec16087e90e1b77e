// Font manifest errors through the program: a role's font that is not there stops a render
// with exit 66, one that is there but cannot be embedded with exit 65; both name the role and
// the file, and no PDF is written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "app/cli_runner.hpp"
#include "fake_fonts.hpp"
#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using t::quote;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

// The tests' manifest with the song role's own typeface replaced by `song_files` (<file>
// elements).
std::string manifest_with_song(const std::string& song_files) {
  std::string text = t::read_file(TUIJIE_TEST_FONTS);
  const std::string noto =
      R"(<file path="/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc" index="2"/>)";
  const size_t song = text.find(R"(<role name="song")");
  const size_t at = text.find(noto, song);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < text.find("</role>", song));  // the song role's own face, not another role's
  return text.replace(at, noto.size(), song_files);
}

struct Workspace {
  t::TempDir tmp;
  Workspace() {
    const std::string source = "--resources " + quote(kSource) + " --lang en ";
    REQUIRE(t::run_cli(source + "init ws", tmp.path()).code == 0);
    const t::CliRun imported = t::run_cli(
        source + "--workspace ws import --kind park " + quote(kSource + "/samples/parks.csv"),
        tmp.path());
    INFO(imported.err);
    REQUIRE(imported.code == 0);
  }
  t::CliRun render(const std::string& manifest_text, const std::string& lang = "en") const {
    const fs::path manifest = tmp.path() / "fonts.xml";
    std::ofstream(manifest, std::ios::binary) << manifest_text;
    return t::run_cli("--resources " + quote(kSource) + " --lang " + lang +
                          " --workspace ws render --kind park --out out --fonts " +
                          quote(manifest.string()),
                      tmp.path());
  }
  // PDFs anywhere under the test's folder: the out folder, the workspace.
  std::size_t pdfs_written() const {
    std::size_t count = 0;
    for (const auto& [name, bytes] : t::files_under(tmp.path())) {
      count += name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0;
    }
    return count;
  }
};

}  // namespace

TEST_CASE("a role whose font files are all missing stops the render with exit 66") {
  const Workspace ws;
  const t::CliRun run = ws.render(manifest_with_song(
      R"(<file path="song.ttf"/><file path="/usr/share/fonts/none/NotoSerifCJK-Regular.ttc"/>)"));
  INFO(run.err);
  CHECK(run.code == 66);
  CHECK(run.err.find("宋体（song）") != std::string::npos);
  CHECK(run.err.find("song.ttf") != std::string::npos);
  CHECK(run.err.find("/usr/share/fonts/none/NotoSerifCJK-Regular.ttc") != std::string::npos);
  CHECK(ws.pdfs_written() == 0);
}

TEST_CASE("a role's font that cannot be embedded stops the render with exit 65") {
  const Workspace ws;
  struct Case {
    std::string file, bytes;
  };
  const Case cases[] = {{"song.woff2", t::fake_woff2_font()},
                        {"song-variable.otf", t::fake_cff2_font()},
                        {"song-bitmap.ttf", t::fake_bitmap_font()},
                        {"song-text.ttf", "not a font"}};
  for (const Case& c : cases) {
    INFO(c.file);
    std::ofstream(ws.tmp.path() / c.file, std::ios::binary) << c.bytes;
    // The unusable file comes first: the real font after it must not stand in silently.
    const t::CliRun run = ws.render(
        manifest_with_song(R"(<file path=")" + c.file +
                           R"("/><file path="/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc" index="2"/>)"));
    INFO(run.err);
    CHECK(run.code == 65);
    CHECK(run.err.find(c.file) != std::string::npos);
    CHECK(run.err.find("宋体（song）") != std::string::npos);
    CHECK(ws.pdfs_written() == 0);
  }
}

TEST_CASE("a role whose font is a TrueType 明体 (AR PL UMing) renders") {
  const Workspace ws;
  const t::CliRun run = ws.render(manifest_with_song(
      R"(<file path="/usr/share/fonts/truetype/arphic/uming.ttc" index="0"/>)"));
  INFO(run.err);
  CHECK(run.code == 0);
  CHECK(ws.pdfs_written() > 0);
}
