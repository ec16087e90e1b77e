#include "fonts/font_set.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "core/diagnostic.hpp"
#include "fake_fonts.hpp"

namespace fs = std::filesystem;
using tuijie::TuijieError;
using tuijie::fonts::FontChain;
using tuijie::fonts::FontSet;

namespace {

const std::string kManifest = std::string(TUIJIE_SOURCE_DIR) + "/fonts/fonts.xml";
const std::string kPeers = std::string(TUIJIE_SOURCE_DIR) + "/fonts/peers.xml";
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kDejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const char* kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const char* kWenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
const char* kHanaMinA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf";
const char* kHanaMinB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
const char* kDroid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

// A fresh folder per test, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("tuijie-fontset-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

std::string resolved_path(const FontChain& chain, char32_t cp) {
  auto resolved = chain.resolve(cp);
  return resolved.face ? resolved.face->path() : "";
}

int slot_of(const FontChain& chain, const std::string& path) {
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (chain.path(i) == fs::canonical(path).string()) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<tuijie::Diagnostic> load_errors(const std::string& manifest) {
  try {
    FontSet::load(manifest);
  } catch (const TuijieError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("the manifest gives every role and a chain ending in the shared fallbacks") {
  auto set = FontSet::load(kManifest);
  std::set<std::string> roles;
  for (const auto& r : set->roles()) {
    roles.insert(r);
  }
  for (const char* role : {"song", "hei", "kai", "fangsong", "title", "symbol"}) {
    INFO(role);
    REQUIRE(roles.count(role) == 1);
    const FontChain* chain = set->chain(role);
    REQUIRE(chain != nullptr);
    CHECK(chain->role() == role);
    int dejavu = slot_of(*chain, kDejaVu);
    int wenkai = slot_of(*chain, kWenKai);
    int a = slot_of(*chain, kHanaMinA);
    int b = slot_of(*chain, kHanaMinB);
    CHECK(dejavu >= 0);
    CHECK(wenkai >= 0);
    CHECK(a > wenkai);
    CHECK(b == a + 1);
    CHECK(b == static_cast<int>(chain->size()) - 1);
  }
  CHECK(set->chain("nonexistent") == nullptr);
  CHECK(set->chain("song")->primary().family_name() == "Noto Serif CJK SC");
  CHECK(set->chain("song")->index(0) == 2);  // the SC face of the collection
  CHECK(set->chain("hei")->primary().family_name() == "WenQuanYi Micro Hei");
  CHECK(set->chain("song")->label() == "宋体");
}

TEST_CASE("each character goes to the first face of the chain that has it") {
  auto set = FontSet::load(kManifest);
  const FontChain& song = *set->chain("song");
  CHECK(resolved_path(song, U'中') == kNotoSerif);
  CHECK(resolved_path(song, U'7') == kNotoSerif);  // digits from the serif, not DejaVu Sans
  CHECK(resolved_path(song, U'\u2611') == kDejaVu);  // ☑: Noto Serif CJK has none
  // Noto Serif CJK SC has 𠮷 and 䶮 itself; these are characters it lacks.
  CHECK(resolved_path(song, U'\U0002000E') == kWenKai);    // 𠀎 (Extension B)
  CHECK(resolved_path(song, U'\u332C') == kHanaMinA);      // ㌬ (a CJK compatibility square)
  CHECK(resolved_path(song, U'\U00020001') == kHanaMinB);  // 𠀁 (Extension B, rarer)
  auto none = song.resolve(U'\U0010FFFD');                 // private use: nobody has it
  CHECK(none.face == nullptr);
  CHECK(none.glyph == 0);
  auto hit = song.resolve(U'中');
  CHECK(hit.glyph == hit.face->glyph_for(U'中'));
  // The symbol role puts DejaVu Sans first, so both check boxes come from one face.
  CHECK(resolved_path(*set->chain("symbol"), U'\u2610') == kDejaVu);
}

TEST_CASE("the peers' manifest draws Chinese with Droid Sans Fallback and digits with DejaVu") {
  auto set = FontSet::load(kPeers);
  for (const auto& role : set->roles()) {
    const FontChain& chain = *set->chain(role);
    CHECK(chain.primary().family_name() == "Droid Sans Fallback");
    CHECK(resolved_path(chain, U'7') == kDejaVu);
    CHECK(resolved_path(chain, U'推') == kDroid);
  }
  CHECK(set->substitutions().empty());
}

TEST_CASE("fallback faces are opened only when a character needs them") {
  auto set = FontSet::load(kManifest);
  const FontChain& hei = *set->chain("hei");
  int a = slot_of(hei, kHanaMinA);
  int b = slot_of(hei, kHanaMinB);
  CHECK(hei.face_if_open(0) != nullptr);  // the role's own face is opened by load()
  CHECK(hei.face_if_open(a) == nullptr);
  CHECK(hei.face_if_open(b) == nullptr);
  hei.resolve(U'\u3400');
  CHECK(hei.face_if_open(a) != nullptr);
  CHECK(hei.face_if_open(b) == nullptr);
  hei.resolve(U'\U00020001');
  CHECK(hei.face_if_open(b) != nullptr);
}

TEST_CASE("a face used by several roles and several manifests is opened once") {
  auto set = FontSet::load(kManifest);
  auto peers = FontSet::load(kPeers);
  const auto* song_dejavu = set->chain("song")->resolve(U'\u2611').face;
  const auto* hei_dejavu = set->chain("hei")->resolve(U'\u2611').face;
  const auto* peers_dejavu = peers->chain("song")->resolve(U'7').face;
  CHECK(song_dejavu == hei_dejavu);
  CHECK(song_dejavu == peers_dejavu);
  CHECK(&set->chain("song")->face(0) == &set->chain("fangsong")->face(0));  // both Noto Serif
  // A face listed twice in one chain (WenKai as the role's face and as a fallback) once.
  const FontChain& kai = *set->chain("kai");
  std::set<std::string> paths;
  for (std::size_t i = 0; i < kai.size(); ++i) {
    paths.insert(kai.path(i));
  }
  CHECK(paths.size() == kai.size());
}

TEST_CASE("substitutes are reported, and a user's own font in the folder wins") {
  TempDir dir;
  fs::copy_file(kManifest, dir.path / "fonts.xml");
  const std::string manifest = (dir.path / "fonts.xml").string();

  auto substituted = FontSet::load(manifest);
  const auto& notes = substituted->substitutions();
  REQUIRE(notes.size() == 2);  // 仿宋 and 小标宋
  CHECK(notes[0].find("仿宋") != std::string::npos);
  CHECK(notes[0].find("fangsong.ttf") != std::string::npos);
  CHECK(notes[0].find("Noto Serif CJK SC 代替") != std::string::npos);  // the 宋, not a 楷
  CHECK(notes[1].find("小标宋") != std::string::npos);
  // The heaviest weight installed: Black with fonts-noto-cjk-extra, else Bold.
  const bool black = fs::exists("/usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc");
  CHECK(notes[1].find(black ? "Noto Serif CJK SC Black" : "Noto Serif CJK SC Bold") !=
        std::string::npos);

  // The bureau drops its 仿宋 in (here: any TrueType file under that name).
  fs::create_symlink(kDejaVuBold, dir.path / "fangsong.ttf");
  auto own = FontSet::load(manifest);
  CHECK(own->chain("fangsong")->primary().path() == kDejaVuBold);
  REQUIRE(own->substitutions().size() == 1);
  CHECK(own->substitutions()[0].find("小标宋") != std::string::npos);
}

TEST_CASE("a missing optional face is skipped, a missing required one is an error") {
  TempDir dir;
  std::string manifest = dir.write("fonts.xml", std::string(R"(<?xml version="1.0"?>
<fonts>
  <fallback name="rest">
    <face optional="true"><file path="nowhere.ttf"/></face>
    <face><file path=")") + kDejaVu + R"("/></face>
  </fallback>
  <role name="a">
    <face><file path=")" + kWenKai + R"("/></face>
    <fallback ref="rest"/>
  </role>
</fonts>
)");
  auto set = FontSet::load(manifest);
  REQUIRE(set->chain("a")->size() == 2);
  CHECK(set->chain("a")->path(1) == kDejaVu);

  std::string broken = dir.write("broken.xml", R"(<?xml version="1.0"?>
<fonts>
  <role name="a">
    <face>
      <file path="missing-1.ttf"/>
      <file path="/missing/2.ttf"/>
    </face>
  </role>
</fonts>
)");
  auto errors = load_errors(broken);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "font-missing");
  CHECK(errors[0].file == broken);
  CHECK(errors[0].row == 4);
  CHECK(errors[0].column > 0);
  CHECK(errors[0].value.find("missing-1.ttf") != std::string::npos);
  CHECK(errors[0].value.find("/missing/2.ttf") != std::string::npos);
  CHECK(!errors[0].reason_zh.empty());
  CHECK(!errors[0].reason_en.empty());
}

TEST_CASE("malformed XML is reported with line and column") {
  TempDir dir;
  std::string manifest = dir.write("fonts.xml", "<fonts>\n  <role name=\"a\">\n</fonts>\n");
  auto errors = load_errors(manifest);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "font-manifest-xml");
  CHECK(errors[0].file == manifest);
  CHECK(errors[0].row == 3);
  CHECK(errors[0].column > 0);
  CHECK(load_errors((dir.path / "absent.xml").string())[0].code == "font-manifest-unreadable");
}

TEST_CASE("every mistake of a manifest is reported at once, each at its line") {
  TempDir dir;
  std::string manifest = dir.write("fonts.xml", std::string(R"(<fonts>
  <role name="a" colour="red">
    <face><file path=")") + kDejaVu + R"(" index="x"/></face>
    <fallback ref="nothing"/>
  </role>
  <role name="a"><face><file path=")" + kDejaVu + R"("/></face></role>
  <roles/>
  <role name="b"><face><font path="x.ttf"/></face></role>
</fonts>
)");
  auto errors = load_errors(manifest);
  std::vector<std::pair<std::string, long>> got;
  for (const auto& e : errors) {
    got.emplace_back(e.code, e.row);
  }
  std::vector<std::pair<std::string, long>> expected = {
      {"font-manifest-attribute", 2},  // colour
      {"font-manifest-attribute", 3},  // index="x"
      {"font-missing", 3},             // so no candidate is left
      {"font-manifest-reference", 4},
      {"font-manifest-duplicate", 6},
      {"font-manifest-element", 7},
      {"font-manifest-element", 8},
      {"font-missing", 8},
  };
  CHECK(got == expected);
}

TEST_CASE("a user's font that is not a usable font is reported at its manifest line") {
  TempDir dir;
  dir.write("song.ttf", "this is not a font");
  fs::copy_file(kManifest, dir.path / "fonts.xml");
  auto errors = load_errors((dir.path / "fonts.xml").string());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "font-unreadable");
  CHECK(errors[0].file == (dir.path / "fonts.xml").string());
  CHECK(errors[0].row > 1);
  CHECK(errors[0].value.find("song.ttf") != std::string::npos);
}

TEST_CASE("resolving from many threads opens each face once", "[threads]") {
  auto set = FontSet::load(kManifest);
  const FontChain& title = *set->chain("title");
  std::vector<const tuijie::fonts::FontFace*> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        title.resolve(U'\u3400' + i);
      }
      seen[t] = title.resolve(U'\U00020001').face;
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto* face : seen) {
    CHECK(face == seen[0]);
  }
  CHECK(seen[0]->path() == kHanaMinB);
}

TEST_CASE("the tests' manifest names the files fonts.xml chooses on a machine with nothing added") {
  const auto production = FontSet::load(kManifest);
  const auto test = FontSet::load(TUIJIE_TEST_FONTS);
  const std::string drop_ins = fs::path(kManifest).parent_path().string() + "/";
  REQUIRE(test->roles() == production->roles());
  for (const std::string& role : production->roles()) {
    const FontChain& chosen = *production->chain(role);
    const FontChain& fixed = *test->chain(role);
    INFO("role " << role);
    REQUIRE(fixed.size() == chosen.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (chosen.path(i).rfind(drop_ins, 0) == 0) {
        WARN("fonts/ holds a font of its own (" << chosen.path(i) << "): not compared");
        continue;
      }
      CHECK(fixed.path(i) == chosen.path(i));
      CHECK(fixed.index(i) == chosen.index(i));
    }
  }
  // The same roles stand in, by the same faces (the notes differ only in the drop-in named).
  const auto stand_ins = [](const FontSet& set) {
    std::vector<std::string> notes;
    for (const std::string& note : set.substitutions()) {
      // "仿宋（fangsong）" and "以 LXGW WenKai 代替" of the Chinese half.
      const std::string zh = note.substr(0, note.find(" / "));
      notes.push_back(zh.substr(0, zh.find("：")) + zh.substr(zh.find("以 ")));
    }
    return notes;
  };
  CHECK(stand_ins(*test) == stand_ins(*production));
}

// ---------------------------------------------------------------------------------------------
// Manifest errors: a face that is not there is missing input (exit 66), one that is there but
// cannot be used is a data error (exit 65); both name the role. Never a silent replacement.

namespace {


bool mentions(const tuijie::Diagnostic& d, const std::string& text) {
  return d.reason_zh.find(text) != std::string::npos && d.reason_en.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("an OpenType CFF face of a collection can be a role's own typeface") {
  TempDir dir;
  std::string manifest = dir.write("fonts.xml", std::string(R"(<fonts>
  <role name="song" label="宋体">
    <face><file path=")") + kNotoSerif + R"(" index="2"/></face>
    <face><file path=")" + kDejaVu + R"("/></face>
  </role>
</fonts>
)");
  auto set = FontSet::load(manifest);
  const FontChain& song = *set->chain("song");
  CHECK(song.primary().postscript_name() == "NotoSerifCJKsc-Regular");
  CHECK(song.primary().is_cff());
  CHECK(resolved_path(song, U'津') == kNotoSerif);
  CHECK(resolved_path(song, U'7') == kNotoSerif);  // its own digits, not DejaVu's
  CHECK(resolved_path(song, U'\u2611') == kDejaVu);
}

TEST_CASE("a required slot with none of its files is missing input naming the role and files") {
  TempDir dir;
  std::string manifest = dir.write("fonts.xml", std::string(R"(<fonts>
  <fallback name="rest">
    <face><file path="gone.ttf"/></face>
  </fallback>
  <role name="song" label="宋体">
    <face>
      <file path="song.ttf"/>
      <file path="/missing/uming.ttc"/>
    </face>
    <fallback ref="rest"/>
  </role>
  <role name="hei" label="黑体">
    <face><file path=")") + kDejaVu + R"("/></face>
    <fallback ref="rest"/>
  </role>
</fonts>
)");
  auto errors = load_errors(manifest);
  REQUIRE(errors.size() == 2);
  for (const auto& e : errors) {
    CHECK(e.code == "font-missing");
    CHECK(e.category == tuijie::Category::MissingInput);
    CHECK(e.file == manifest);
  }
  CHECK(errors[0].row == 3);  // the fallback list's slot, named with the roles that use it
  CHECK(mentions(errors[0], "gone.ttf"));
  CHECK(mentions(errors[0], "rest"));
  CHECK(mentions(errors[0], "宋体（song）"));
  CHECK(mentions(errors[0], "黑体（hei）"));
  CHECK(errors[1].row == 6);
  CHECK(mentions(errors[1], "宋体（song）"));
  CHECK(mentions(errors[1], "song.ttf"));
  CHECK(mentions(errors[1], "/missing/uming.ttc"));
}

TEST_CASE("a file that is there but cannot be used is a data error naming the file and role") {
  TempDir dir;
  dir.write("title.woff2", tuijie::testing::fake_woff2_font());
  dir.write("variable.otf", tuijie::testing::fake_cff2_font());
  dir.write("bitmap.ttf", tuijie::testing::fake_bitmap_font());
  std::string manifest = dir.write("fonts.xml", std::string(R"(<fonts>
  <fallback name="rare">
    <face><file path="bitmap.ttf"/></face>
  </fallback>
  <role name="title" label="小标宋">
    <face>
      <file path="title.woff2"/>
      <file path=")") + kDejaVu + R"("/>
    </face>
    <fallback ref="rare"/>
  </role>
  <role name="song" label="宋体">
    <face><file path="variable.otf"/></face>
    <fallback ref="rare"/>
  </role>
</fonts>
)");
  auto errors = load_errors(manifest);
  std::vector<std::string> codes;
  for (const auto& e : errors) {
    codes.push_back(e.code);
    CHECK(e.category == tuijie::Category::Data);
    CHECK(e.file == manifest);
  }
  // The WOFF2 is not passed over for DejaVu Sans, the file after it: it is an error.
  REQUIRE(codes == std::vector<std::string>{"font-web", "font-bitmap", "font-cff2"});
  CHECK(errors[0].value.find("title.woff2") != std::string::npos);
  CHECK(errors[0].row == 7);
  CHECK(mentions(errors[0], "小标宋（title）"));
  // A fallback face is checked when the manifest is read, not when a rare character needs it.
  CHECK(errors[1].value.find("bitmap.ttf") != std::string::npos);
  CHECK(mentions(errors[1], "小标宋（title）"));
  CHECK(mentions(errors[1], "宋体（song）"));
  CHECK(errors[2].value.find("variable.otf") != std::string::npos);
  CHECK(mentions(errors[2], "宋体（song）"));
}
