// Runs the built tuijie program as a user would, in temporary folders.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

#include "app/cli_runner.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using tuijie::store::Workspace;

namespace {

using Run = t::CliRun;
using t::quote;

Run run_tuijie(const std::string& args, const fs::path& cwd, const std::string& env = "") {
  return t::run_cli(args, cwd, env);
}

const std::string kResources = "--resources " + quote(TUIJIE_SOURCE_DIR);

// A workspace made through the program, for the commands that need one.
std::string make_workspace(const t::TempDir& tmp) {
  const Run init = run_tuijie(kResources + " init ws", tmp.path());
  REQUIRE(init.code == 0);
  return tmp / "ws";
}

tuijie::records::Record candidate(const std::string& key) {
  tuijie::records::Record r;
  r.kind = "candidate";
  r.key = key;
  r.fields = {{"name", "王芳"}};
  return r;
}

}  // namespace

TEST_CASE("init creates a workspace with the default campaign") {
  t::TempDir tmp;
  const Run run = run_tuijie(kResources + " init ws/new", tmp.path());
  INFO(run.err);
  CHECK(run.code == 0);
  CHECK(run.out.find("ws/new") != std::string::npos);
  REQUIRE(fs::is_regular_file(tmp.path() / "ws/new/tuijie.db"));
  Workspace ws = Workspace::open(tmp / "ws/new");
  CHECK(ws.campaign().file_name() == "tianjin-2020.json");
}

TEST_CASE("init finds the campaign next to the program without --resources") {
  t::TempDir tmp;
  const Run run = run_tuijie("init ws", tmp.path());
  const fs::path exe = fs::canonical(TUIJIE_EXE);
  const fs::path source = fs::canonical(TUIJIE_SOURCE_DIR);
  const bool built_in_tree = exe.string().rfind(source.string() + "/", 0) == 0;
  INFO(run.err);
  // A build inside the source tree finds data/ upwards; one elsewhere must say it cannot.
  CHECK(run.code == (built_in_tree ? 0 : 66));
}

TEST_CASE("init --campaign records the named campaign file") {
  t::TempDir tmp;
  t::write_file(tmp / "mine.json", t::tianjin_campaign_with("天津市\",", "滨海新区\","));
  const Run run = run_tuijie("init ws --campaign mine.json", tmp.path());
  INFO(run.err);
  REQUIRE(run.code == 0);
  Workspace ws = Workspace::open(tmp / "ws");
  CHECK(ws.campaign().file_name() == "mine.json");
  CHECK(ws.campaign().get("city") == "滨海新区");
}

TEST_CASE("init refuses what it cannot do, with the promised exit codes") {
  t::TempDir tmp;
  make_workspace(tmp);
  CHECK(run_tuijie(kResources + " init ws", tmp.path()).code == 73);

  CHECK(run_tuijie("init other --campaign absent.json", tmp.path()).code == 66);
  CHECK_FALSE(fs::exists(tmp.path() / "other"));

  t::write_file(tmp / "bad.json", R"({"format": 1, "name": "x"})");
  const Run bad = run_tuijie("init other --campaign bad.json", tmp.path());
  CHECK(bad.code == 65);
  CHECK(bad.err.find("person.deadline") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "other/tuijie.db"));
}

TEST_CASE("every help lists the exit codes, and help COMMAND equals COMMAND --help") {
  t::TempDir tmp;
  for (const std::string command : {"", "init", "import", "render", "help"}) {
    for (const std::string lang : {"en", "zh"}) {
      INFO(command << " " << lang);
      const Run run = run_tuijie("--lang " + lang + " " + command + " --help", tmp.path());
      CHECK(run.code == 0);
      CHECK(run.err.empty());
      for (const char* code : {"64", "65", "66", "70", "73"}) {
        CHECK(run.out.find(code) != std::string::npos);
      }
      const Run via_help = run_tuijie("--lang " + lang + " help " + command, tmp.path());
      CHECK(via_help.code == 0);
      CHECK(via_help.out == run.out);
    }
  }
}

TEST_CASE("usage errors exit 64 and point to help") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  for (const std::string args :
       {"", "frobnicate", "--bogus init x", "init", "init a b", "init x --bogus", "import",
        "render extra", "render --threads 0", "render --threads many", "render --out",
        "help init render", "help frobnicate", "--lang fr help"}) {
    INFO(args);
    const Run run = run_tuijie("--workspace ws " + args, tmp.path());
    CHECK(run.code == 64);
    CHECK(run.err.find("tuijie help") != std::string::npos);
  }
}

TEST_CASE("a missing workspace exits 66") {
  t::TempDir tmp;
  t::write_file(tmp / "a.csv", "参选人姓名\n王芳\n");
  for (const std::string args :
       {"import a.csv", "render", "--workspace nowhere render", "render --workspace nowhere"}) {
    INFO(args);
    const Run run = run_tuijie(args, tmp.path());
    CHECK(run.code == 66);
    CHECK(run.err.find("tuijie.db") != std::string::npos);
  }
}

TEST_CASE("the workspace is found from a folder inside it") {
  t::TempDir tmp;
  make_workspace(tmp);
  fs::create_directories(tmp.path() / "ws/sub");
  // With the workspace found, render gets as far as the missing template (66, another reason).
  const Run run = run_tuijie(kResources + " render --template x --fonts y", tmp.path() / "ws/sub");
  CHECK(run.code == 66);
  CHECK(run.err.find("tuijie.db") == std::string::npos);
}

TEST_CASE("messages follow --lang, else LC_ALL/LANG") {
  t::TempDir tmp;
  const Run en = run_tuijie("--lang en render", tmp.path());
  const Run zh = run_tuijie("--lang zh render", tmp.path());
  CHECK(en.code == 66);
  CHECK(zh.code == 66);
  CHECK(en.err != zh.err);
  CHECK(en.err.find("error") != std::string::npos);
  CHECK(zh.err.find("错误") != std::string::npos);

  CHECK(run_tuijie("render", tmp.path(), "LANG=zh_CN.UTF-8").err == zh.err);
  CHECK(run_tuijie("render", tmp.path(), "LANG=zh_CN.UTF-8 LC_ALL=C").err == en.err);
  CHECK(run_tuijie("render --lang en", tmp.path(), "LANG=zh_CN.UTF-8").err == en.err);
}

TEST_CASE("settings come from the command line, then --config, then tuijie.properties") {
  t::TempDir tmp;
  make_workspace(tmp);
  t::write_file(tmp / "zh.properties", "lang = zh\n");
  CHECK(run_tuijie("--config zh.properties --workspace nowhere render", tmp.path())
            .err.find("错误") != std::string::npos);
  CHECK(run_tuijie("--config absent.properties render", tmp.path()).code == 66);

  // The workspace's own settings apply to commands run in it ...
  t::write_file(tmp / "ws/tuijie.properties", "render.threads = 0\n");
  CHECK(run_tuijie("render", tmp.path() / "ws").code == 64);
  // ... a --config file overrides them, and the command line overrides both.
  t::write_file(tmp / "two.properties", "render.threads = 2\n");
  CHECK(run_tuijie("--config ../two.properties render --template x", tmp.path() / "ws").code == 66);
  CHECK(run_tuijie("render --threads 1 --template x", tmp.path() / "ws").code == 66);
}

TEST_CASE("import of a missing file exits 66 and leaves the workspace unchanged") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string before = t::read_file(ws + "/tuijie.db");
  const Run run = run_tuijie(kResources + " --workspace ws import absent.csv", tmp.path());
  CHECK(run.code == 66);
  CHECK(run.err.find("absent.csv") != std::string::npos);
  CHECK(t::read_file(ws + "/tuijie.db") == before);
}

TEST_CASE("render checks its inputs before writing anything") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string present = quote(t::tianjin_campaign_path());  // any existing file
  const std::string inputs = " --template " + present + " --fonts " + present;

  // No records of the kind yet.
  CHECK(run_tuijie("render" + inputs, tmp.path() / "ws").code == 66);
  {
    Workspace w = Workspace::open(ws);
    tuijie::store::ImportSource source;
    source.file = "test";
    source.kind = "candidate";
    w.import({candidate("C-1"), candidate("C-2")}, source);
  }
  // Missing template or font manifest.
  CHECK(run_tuijie("render --template absent.xml --fonts " + present, tmp.path() / "ws").code ==
        66);
  CHECK(run_tuijie("render --fonts absent.xml --template " + present, tmp.path() / "ws").code ==
        66);
  // A key the workspace does not have is a usage error naming the key.
  const Run unknown = run_tuijie("render --key C-1 --key C-9" + inputs, tmp.path() / "ws");
  CHECK(unknown.code == 64);
  CHECK(unknown.err.find("C-9") != std::string::npos);
  CHECK(unknown.err.find("C-1") == std::string::npos);
  // An output folder that cannot be made.
  t::write_file(tmp / "file", "");
  CHECK(run_tuijie("render --out ../file/out" + inputs, tmp.path() / "ws").code == 73);
  CHECK_FALSE(fs::exists(tmp.path() / "ws/out"));
}

namespace {

std::string sample(const std::string& name) {
  return quote(std::string(TUIJIE_SOURCE_DIR) + "/samples/" + name);
}

// samples/candidates-extb.csv with candidate 007's e-mail broken, beside the sample photos.
std::string write_bad_candidates(const t::TempDir& tmp) {
  std::string text = t::read_file(std::string(TUIJIE_SOURCE_DIR) + "/samples/candidates-extb.csv");
  const std::string good = "wangji@tjdti.example.org";
  const auto at = text.find(good);
  REQUIRE(at != std::string::npos);
  text.replace(at, good.size(), "wangji-at-tjdti");
  t::write_file(tmp / "bad.csv", text);
  fs::create_directory_symlink(fs::path(TUIJIE_SOURCE_DIR) / "samples/photos",
                               tmp.path() / "photos");
  return "bad.csv";
}

}  // namespace

TEST_CASE("importing the samples stores each candidate once, however often or in what format") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string import = kResources + " --lang en --workspace ws import ";
  Run run = run_tuijie(import + sample("candidates.csv") + " " + sample("candidates-extb.csv"),
                       tmp.path());
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("6 new") != std::string::npos);
  CHECK(run.out.find("2 new") != std::string::npos);
  CHECK(Workspace::open(ws).records("candidate").size() == 8);

  // The same file again, then the same people as JSON: nothing new, nothing changed.
  run = run_tuijie(import + sample("candidates.csv"), tmp.path());
  CHECK(run.code == 0);
  CHECK(run.out.find("0 new, 0 updated, 6 unchanged") != std::string::npos);
  run = run_tuijie(import + sample("candidates.json"), tmp.path());
  CHECK(run.code == 0);
  CHECK(run.out.find("0 new, 0 updated, 6 unchanged") != std::string::npos);
  Workspace w = Workspace::open(ws);
  CHECK(w.records("candidate").size() == 8);
  CHECK(w.import_log().size() == 4);
}

TEST_CASE("a bad file exits 65, names every problem and leaves the workspace unchanged") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string bad = write_bad_candidates(tmp);
  const std::string before = t::read_file(ws + "/tuijie.db");

  const Run en = run_tuijie(kResources + " --lang en --workspace ws import " + bad, tmp.path());
  CHECK(en.code == 65);
  CHECK(en.err.find("bad.csv:2") != std::string::npos);  // file and Excel row
  CHECK(en.err.find("wangji-at-tjdti") != std::string::npos);
  CHECK(en.err.find("nothing imported") != std::string::npos);
  const Run zh = run_tuijie(kResources + " --lang zh --workspace ws import " + bad, tmp.path());
  CHECK(zh.code == 65);
  CHECK(zh.err.find("本文件未导入") != std::string::npos);

  CHECK(t::read_file(ws + "/tuijie.db") == before);
}

TEST_CASE("import --partial stores the good rows, lists the bad ones and still exits 65") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string bad = write_bad_candidates(tmp);
  const Run run =
      run_tuijie(kResources + " --lang en --workspace ws import --partial " + bad, tmp.path());
  CHECK(run.code == 65);
  CHECK(run.err.find("wangji-at-tjdti") != std::string::npos);
  CHECK(run.out.find("1 new") != std::string::npos);
  CHECK(run.out.find("1 rows with errors") != std::string::npos);
  const auto stored = Workspace::open(ws).records("candidate");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].key == "TJ2020-P-008");
}

TEST_CASE("an output file that cannot be written exits 73 (cannot create), naming it") {
  t::TempDir tmp;
  make_workspace(tmp);
  REQUIRE(
      run_tuijie(kResources + " --workspace ws import " + sample("candidates-extb.csv"), tmp.path())
          .code == 0);
  // Where the combined PDF goes there is a folder of the clerk's ("Is a directory").
  fs::create_directories(tmp.path() / "out" / "combined.pdf");
  t::write_file((tmp.path() / "out" / "combined.pdf" / "keep.txt").string(), "a clerk's notes");
  const Run run =
      run_tuijie(kResources + " --lang en --workspace ws render --combined --out out", tmp.path());
  INFO(run.err);
  CHECK(run.code == 73);
  CHECK(run.err.find("combined.pdf") != std::string::npos);
  CHECK(run.err.find("Is a directory") != std::string::npos);
  CHECK(t::read_file((tmp.path() / "out" / "combined.pdf" / "keep.txt").string()) ==
        "a clerk's notes");
}

TEST_CASE("render writes one PDF per record and a combined one, the same bytes every run") {
  t::TempDir tmp;
  make_workspace(tmp);
  REQUIRE(
      run_tuijie(kResources + " --workspace ws import " + sample("candidates-extb.csv"), tmp.path())
          .code == 0);
  const std::string render = kResources + " --lang en --workspace ws render --combined --out ";
  const Run first = run_tuijie(render + "one", tmp.path(), "SOURCE_DATE_EPOCH=1593475200");
  INFO(first.err);
  REQUIRE(first.code == 0);
  const Run second = run_tuijie(render + "two", tmp.path(), "SOURCE_DATE_EPOCH=1593475200");
  REQUIRE(second.code == 0);

  std::vector<fs::path> written;
  for (const auto& entry : fs::directory_iterator(tmp.path() / "one")) {
    written.push_back(entry.path());
  }
  CHECK(written.size() == 3);
  for (const fs::path& file : written) {
    INFO(file);
    CHECK(first.out.find(file.filename().string()) != std::string::npos);
    CHECK(t::read_file(file.string()) ==
          t::read_file((tmp.path() / "two" / file.filename()).string()));
  }
}

TEST_CASE("a template field the kind does not have stops render with exit 65") {
  t::TempDir tmp;
  make_workspace(tmp);
  REQUIRE(
      run_tuijie(kResources + " --workspace ws import " + sample("candidates-extb.csv"), tmp.path())
          .code == 0);
  const auto template_with = [&](const std::string& field) {
    t::write_file(tmp / "form.xml", R"(<document kind="candidate">
  <page size="A4" margin="20mm"/>
  <p><field name=")" + field + R"("/></p>
</document>
)");
  };
  const std::string render = kResources + " --lang en --workspace ws render --template form.xml";

  template_with("campaign.person.deadline");
  Run run = run_tuijie(render + " --out good", tmp.path());
  INFO(run.err);
  CHECK(run.code == 0);

  template_with("campaign.person.dedline");
  run = run_tuijie(render + " --out bad", tmp.path());
  CHECK(run.code == 65);
  CHECK(run.err.find("form.xml:3") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "bad/TJ2020-P-007-王𠮷.pdf"));
}

TEST_CASE("ten and more bad values, a missing column and undecodable bytes change nothing") {
  t::TempDir tmp;
  const std::string ws = make_workspace(tmp);
  const std::string import = kResources + " --lang en --workspace ws import ";
  REQUIRE(run_tuijie(import + sample("candidates.csv"), tmp.path()).code == 0);
  const std::string before = t::read_file(ws + "/tuijie.db");
  const std::string fixtures = std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/";

  // One bad value per row (tests/records/data/candidates_bad.csv): each is reported at its
  // row and column as Excel numbers them.
  const Run bad = run_tuijie(import + quote(fixtures + "candidates_bad.csv"), tmp.path());
  CHECK(bad.code == 65);
  const std::pair<int, int> places[] = {{2, 11},  {3, 10}, {4, 7}, {5, 6},   {6, 22},
                                        {7, 22},  {8, 16}, {9, 7}, {10, 17}, {11, 20},
                                        {12, 23}, {13, 3}, {14, 9}};
  for (const auto& [row, column] : places) {
    const std::string place =
        "candidates_bad.csv:" + std::to_string(row) + ":" + std::to_string(column);
    INFO(place << "\n" << bad.err);
    CHECK(bad.err.find(place) != std::string::npos);
  }
  CHECK(bad.err.find("zhang@@example") != std::string::npos);  // the value itself

  // File-level problems: the header row, and the offset of the first bad byte.
  const Run column =
      run_tuijie(import + quote(fixtures + "candidates_missing_column.csv"), tmp.path());
  CHECK(column.code == 65);
  CHECK(column.err.find("candidates_missing_column.csv:1") != std::string::npos);
  CHECK(column.err.find("邮编") != std::string::npos);
  std::string bytes = t::read_file(fixtures + "candidates_utf8.csv");
  bytes += "\xff\xfe\xff\r\n";  // neither UTF-8 nor GB18030
  t::write_file(tmp / "garbled.csv", bytes);
  const Run garbled = run_tuijie(import + "garbled.csv", tmp.path());
  CHECK(garbled.code == 65);
  CHECK(garbled.err.find("byte offset " + std::to_string(bytes.size() - 5)) != std::string::npos);

  CHECK(t::read_file(ws + "/tuijie.db") == before);
  CHECK(Workspace::open(ws).records("candidate").size() == 6);
}
