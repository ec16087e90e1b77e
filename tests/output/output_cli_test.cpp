// What a run leaves on disk and in the register, through the program as a clerk runs it:
// every record keeps its own file, files and printings stay in step whatever stops the run,
// and verify tells untouched, re-saved, changed and unknown files apart.
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "app/cli_runner.hpp"
#include "output/institution_files.hpp"
#include "output/staged_files.hpp"
#include "store/test_support.hpp"

namespace t = tuijie::testing;
namespace fs = std::filesystem;
using t::quote;

extern char** environ;

namespace {

const std::string kResources = "--resources " + quote(TUIJIE_SOURCE_DIR);

t::CliRun tuijie_in(const t::TempDir& tmp, const std::string& args) {
  return t::run_cli(kResources + " --lang en --workspace ws " + args, tmp.path());
}

// A workspace in tmp/ws holding institutions of these names.
void workspace_with(const t::TempDir& tmp, const std::vector<std::string>& names) {
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  t::write_file(tmp / "institutions.csv", t::institutions_csv(names));
  const t::CliRun run = tuijie_in(tmp, "import --kind institution institutions.csv");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
}

std::vector<std::string> generated_names(int count) {
  std::vector<std::string> names;
  for (int i = 1; i <= count; ++i)
    names.push_back("天津第" + std::to_string(i) + "服务外包人才培训学院");
  return names;
}

// The PDFs under their final names in `dir` (hidden temporary files left out).
std::vector<fs::path> final_pdfs(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir))
    return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.front() != '.' && entry.path().extension() == ".pdf")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> temporaries(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir))
    return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!tuijie::output::final_name_of_temporary(entry.path().filename().string()).empty())
      files.push_back(entry.path());
  }
  return files;
}

std::set<std::string> lines_of(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty())
      lines.insert(line);
  return lines;
}

// The register and the folders agree: every PDF under its final name is a recorded file, and
// every assigned number has a recorded file that exists (under its final name, or as the
// complete temporary file of a run killed between its transaction and its renames).
void check_in_step(const fs::path& db, const std::vector<fs::path>& dirs) {
  const std::set<std::string> recorded =
      lines_of(t::sqlite(db, "SELECT file_sha256 FROM printed_files"));
  std::set<std::string> present;
  for (const fs::path& dir : dirs) {
    for (const fs::path& file : final_pdfs(dir)) {
      const std::string sha = t::sha256_of_file(file);
      INFO(file);
      CHECK(recorded.count(sha) == 1);
      present.insert(sha);
    }
    for (const fs::path& file : temporaries(dir))
      present.insert(t::sha256_of_file(file));
  }
  const std::set<std::string> numbered = lines_of(t::sqlite(
      db,
      "SELECT d.number || ' ' || f.file_sha256 FROM documents d LEFT JOIN printed_files f "
      "ON f.number = d.number"));
  for (const std::string& line : numbered) {
    const std::string sha = line.substr(line.find(' ') + 1);
    INFO("number without a written file: " << line);
    CHECK(present.count(sha) == 1);
  }
}

// Starts `tuijie ARGS` in tmp, its output thrown away, and returns its process id.
// Starts the program in `tmp`; its error stream goes to `tmp`/`errors` when given, so that a
// failing round can show why.
pid_t spawn_tuijie(const t::TempDir& tmp, const std::string& args,
                   const std::string& errors = "/dev/null") {
  const std::string command = "cd " + quote(tmp.str()) + " && exec " + quote(TUIJIE_EXE) + " " +
                              t::test_settings(args) + " " + kResources + " --workspace ws " +
                              args + " >/dev/null 2>" + quote(errors);
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) == 0);
  return pid;
}

// A small file system mounted for the scope (tests run as root in CI); unmounted after.
class SmallDisk {
 public:
  SmallDisk(const fs::path& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_)
      ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  bool make_read_only() {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("institutions whose names differ only in unsafe characters keep one file each") {
  t::TempDir tmp;
  // Seven names a file system writes alike: / : * ? become _, a trailing dot goes, and case.
  const std::vector<std::string> names = {"天津/测试学院", "天津:测试学院", "天津*测试学院",
                                          "天津?测试学院", "天津_测试学院", "天津测试学院.",
                                          "天津测试学院"};
  workspace_with(tmp, names);
  // A file already in the folder that is no tuijie document is never overwritten.
  fs::create_directories(tmp.path() / "out");
  t::write_file(tmp / "out/天津测试学院.pdf", "the clerk's own file");

  const t::CliRun run = tuijie_in(tmp, "render --kind institution --out out");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const std::vector<fs::path> files = final_pdfs(tmp.path() / "out");
  CHECK(files.size() == names.size() + 1);
  CHECK(t::read_file(tmp / "out/天津测试学院.pdf") == "the clerk's own file");
  // Every record's file carries its own number, and verify knows each.
  std::set<std::string> numbers;
  for (const fs::path& file : files) {
    if (file.filename() == "天津测试学院.pdf")
      continue;
    const t::CliRun verify = tuijie_in(tmp, "verify " + quote(file.string()));
    INFO(file << ": " << verify.out);
    CHECK(verify.code == 0);
    CHECK(verify.out.find(": matches (") != std::string::npos);
    numbers.insert(verify.out.substr(verify.out.find("(TJ-")));
  }
  CHECK(numbers.size() == names.size());
  // The names are the documented ones: the name as asked for, then the number.
  CHECK(fs::exists(tmp.path() / "out/天津_测试学院-TJ-2020-I-0001.pdf"));

  // The same run again writes the same names over its own files, not new ones.
  const t::CliRun again = tuijie_in(tmp, "render --kind institution --out out");
  REQUIRE(again.code == 0);
  CHECK(final_pdfs(tmp.path() / "out") == files);
}

TEST_CASE("two candidates of one name and no candidate number keep one form each") {
  t::TempDir tmp;
  REQUIRE(t::run_cli(kResources + " init ws", tmp.path()).code == 0);
  // samples/candidates-extb.csv's 王𠮷, twice, without 候选人编号 and with other phones.
  const std::string text =
      t::read_file(std::string(TUIJIE_SOURCE_DIR) + "/samples/candidates-extb.csv");
  const size_t first = text.find("TJ2020-P-007,");
  const size_t next = text.find("TJ2020-P-008,");
  REQUIRE(first != std::string::npos);
  REQUIRE(next != std::string::npos);
  std::string csv = text.substr(0, first);
  for (const char* phone : {"13312085946", "13312085947", "13312085948"}) {
    std::string row = text.substr(first + std::string("TJ2020-P-007").size(), next - first - 12);
    row.replace(row.find("13312085946"), 11, phone);
    csv += row;
  }
  t::write_file(tmp / "same-name.csv", csv);
  fs::create_directory_symlink(fs::path(TUIJIE_SOURCE_DIR) / "samples/photos",
                               tmp.path() / "photos");
  t::CliRun run = tuijie_in(tmp, "import --kind candidate same-name.csv");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);

  run = tuijie_in(tmp, "render --kind candidate --out forms");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const std::vector<fs::path> forms = final_pdfs(tmp.path() / "forms");
  REQUIRE(forms.size() == 3);
  for (const fs::path& form : forms) {
    INFO(form);
    CHECK(form.filename().string().starts_with("王𠮷-TJ-2020-C-"));  // no stray "-王𠮷"
    CHECK(run.out.find(form.filename().string()) != std::string::npos);
  }

  // Nominations: one bundle for the body that nominates all three, every photo kept.
  run = tuijie_in(tmp, "nominations --out bundles");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  CHECK(final_pdfs(tmp.path() / "bundles").size() == 1);
  int photos = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tmp.path() / "bundles"))
    photos += entry.path().extension() == ".jpg";
  CHECK(photos == 3);
}

TEST_CASE("the packet's records folder keeps every sheet its manifest lists") {
  t::TempDir tmp;
  workspace_with(tmp, {"天津/测试学院", "天津:测试学院", "天津_测试学院", "天津测试学院"});
  const t::CliRun run = tuijie_in(tmp, "packet --out packet");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const std::string manifest = t::read_file(tmp / "packet/records/manifest.csv");
  std::istringstream rows(manifest);
  std::string row;
  std::getline(rows, row);  // header
  int listed = 0;
  while (std::getline(rows, row)) {
    if (row.empty() || row == "\r")
      continue;
    ++listed;
    const std::string file = row.substr(0, row.find(','));
    const std::string sha = row.substr(row.rfind(',') + 1, 64);
    INFO(row);
    REQUIRE(fs::exists(tmp.path() / "packet/records" / file));
    CHECK(t::sha256_of_file(tmp.path() / "packet/records" / file) == sha);
  }
  // The sheets, the letter, the institutions' summary and the list of the sheets.
  CHECK(listed == 4 + 3);
  CHECK(final_pdfs(tmp.path() / "packet/records").size() == 7);
}

TEST_CASE("verify answers matches, changed or unknown, and tells a re-saved file") {
  t::TempDir tmp;
  workspace_with(tmp, generated_names(3));
  REQUIRE(tuijie_in(tmp, "render --kind institution --out out").code == 0);
  const std::vector<fs::path> files = final_pdfs(tmp.path() / "out");
  REQUIRE(files.size() == 3);
  auto verify = [&](const fs::path& file) {
    return tuijie_in(tmp, "verify " + quote(file.string()));
  };

  // Untouched.
  for (const fs::path& file : files) {
    const t::CliRun run = verify(file);
    CHECK(run.code == 0);
    CHECK(run.out.find(": matches (TJ-") != std::string::npos);
    CHECK(run.out.find("saved again") == std::string::npos);
  }
  // Saved again by another tool, every page as it was.
  const std::string resaved = tmp / "resaved.pdf";
  REQUIRE(std::system(
              ("qpdf --object-streams=generate " + quote(files[0].string()) + " " + quote(resaved))
                  .c_str()) == 0);
  REQUIRE(t::sha256_of_file(resaved) != t::sha256_of_file(files[0]));
  t::CliRun run = verify(resaved);
  CHECK(run.code == 0);
  CHECK(run.out.find("matches (TJ-2020-I-0001; the file was saved again") != std::string::npos);

  // Another institution's pages under this one's document information.
  for (size_t other = 1; other < files.size(); ++other) {
    const std::string spliced = tmp / ("spliced" + std::to_string(other) + ".pdf");
    REQUIRE(std::system(("qpdf " + quote(files[0].string()) + " --pages " +
                         quote(files[other].string()) + " -- " + quote(spliced))
                            .c_str()) == 0);
    run = verify(spliced);
    INFO(run.out);
    CHECK(run.code == 65);
    CHECK(run.out.find("changed: its pages are not those printed") != std::string::npos);
  }

  // One value edited in the page: one glyph of the first text run changed.
  const std::string qdf = tmp / "open.pdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable " + quote(files[0].string()) + " " + quote(qdf))
                  .c_str()) == 0);
  std::string text = t::read_file(qdf);
  const size_t show = text.find("> Tj");
  REQUIRE(show != std::string::npos);
  char& digit = text[show - 1];
  digit = digit == '1' ? '2' : '1';
  t::write_file(tmp / "edited.pdf", text);
  run = verify(tmp / "edited.pdf");
  INFO(run.out);
  CHECK(run.code == 65);
  CHECK(run.out.find("changed:") != std::string::npos);

  // A number this workspace never printed: the same institutions in another workspace that
  // printed nothing yet.
  t::TempDir other;
  workspace_with(other, generated_names(3));
  run = tuijie_in(other, "verify " + quote(files[0].string()));
  INFO(run.out);
  CHECK(run.code == 65);
  CHECK(run.out.find("unknown: TJ-2020-I-0001 was never printed") != std::string::npos);
  // And a PDF tuijie never printed at all.
  REQUIRE(std::system(("qpdf --empty --pages " + quote(files[0].string()) + " -- " +
                       quote(tmp / "bare.pdf"))
                          .c_str()) == 0);
  run = verify(tmp / "bare.pdf");
  CHECK(run.code == 65);
  CHECK(run.out.find("unknown: no tuijie document number") != std::string::npos);
}

TEST_CASE("a full disk or a read-only folder stops render with 73 and records nothing") {
  if (::geteuid() != 0) {
    WARN("not root: cannot mount a small file system; skipped");
    return;
  }
  t::TempDir tmp;
  workspace_with(tmp, generated_names(12));
  const fs::path db = tmp.path() / "ws/tuijie.db";
  const std::string before = t::sqlite(db, ".dump");
  {
    SmallDisk disk(tmp.path() / "full", "96k");  // room for a few sheets, not twelve
    if (!disk.mounted()) {
      WARN("mount not permitted here; skipped");
      return;
    }
    const t::CliRun run = tuijie_in(tmp, "render --kind institution --out full");
    INFO(run.out << run.err);
    CHECK(run.code == 73);
    CHECK(run.err.find("the disk is full") != std::string::npos);
    CHECK(final_pdfs(tmp.path() / "full").empty());
    CHECK(temporaries(tmp.path() / "full").empty());
    CHECK(t::sqlite(db, ".dump") == before);
  }
  {
    SmallDisk disk(tmp.path() / "readonly", "4m");
    REQUIRE(disk.mounted());
    REQUIRE(disk.make_read_only());
    const t::CliRun run = tuijie_in(tmp, "render --kind institution --out readonly");
    INFO(run.out << run.err);
    CHECK(run.code == 73);
    CHECK(run.err.find("read-only") != std::string::npos);
    CHECK(t::sqlite(db, ".dump") == before);
  }
}

TEST_CASE("render killed at random points leaves the register and the files in step") {
  t::TempDir tmp;
  constexpr int kRecords = 40;
  workspace_with(tmp, generated_names(kRecords));
  const fs::path db = tmp.path() / "ws/tuijie.db";
  const fs::path out = tmp.path() / "out";

  // How long a whole run takes here, measured on a copy, so that kills land inside runs.
  t::TempDir probe;
  fs::copy(tmp.path() / "ws", probe.path() / "ws", fs::copy_options::recursive);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(
      t::run_cli(kResources + " --workspace ws render --kind institution --out out", probe.path())
          .code == 0);
  const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();

  std::mt19937 random(20201010);
  std::uniform_int_distribution<long> when(0, whole);
  constexpr int kKills = 24;
  std::map<std::string, int> states;
  for (int kill = 0; kill < kKills; ++kill) {
    const pid_t pid = spawn_tuijie(tmp, "render --kind institution --threads 2 --out out");
    std::this_thread::sleep_for(std::chrono::microseconds(when(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("kill " << kill);
    check_in_step(db, {out});
    const size_t finals = final_pdfs(out).size();
    ++states[finals == 0 ? "no file yet" : finals < kRecords ? "some files" : "all files"];
    if (!temporaries(out).empty())
      ++states["temporary files left"];
  }
  // Where the kills landed, so that a run can see the loop reached inside runs.
  for (const auto& [state, count] : states)
    std::cout << "kill -9: " << count << " x " << state << '\n';
  CHECK(states["temporary files left"] > 0);
  // A run to the end tidies what the killed ones left and writes every file.
  const t::CliRun run = tuijie_in(tmp, "render --kind institution --out out");
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  CHECK(final_pdfs(out).size() == kRecords);
  CHECK(temporaries(out).empty());
  check_in_step(db, {out});
  CHECK(t::sqlite(db, "SELECT count(*) FROM documents") == std::to_string(kRecords) + "\n");
}

TEST_CASE("two renders at once both finish and agree on every number") {
  constexpr int kRounds = 20;
  t::TempDir pristine;
  workspace_with(pristine, generated_names(6));
  // An institution's key is its name.
  const std::vector<std::string> names = generated_names(6);
  auto keys = [&](int from, int to) {
    std::string list;
    for (int n = from; n <= to; ++n)
      list += (list.empty() ? "" : ",") + names[static_cast<size_t>(n - 1)];
    return quote(list);
  };
  for (int round = 0; round < kRounds; ++round) {
    t::TempDir tmp;
    fs::copy(pristine.path() / "ws", tmp.path() / "ws", fs::copy_options::recursive);
    // Even rounds: the same six records, planned alike by both. Odd rounds: three records
    // each, so that both plan the series' first three numbers for different documents, and
    // the run that commits second must plan again.
    const bool same = round % 2 == 0;
    const pid_t a = spawn_tuijie(
        tmp, "render --kind institution --out a" + (same ? std::string() : " --key " + keys(1, 3)),
        "a.err");
    const pid_t b = spawn_tuijie(
        tmp, "render --kind institution --out b" + (same ? std::string() : " --key " + keys(4, 6)),
        "b.err");
    int status_a = 0, status_b = 0;
    ::waitpid(a, &status_a, 0);
    ::waitpid(b, &status_b, 0);
    INFO("round " << round);
    INFO("a: " << t::read_file((tmp.path() / "a.err").string()));
    INFO("b: " << t::read_file((tmp.path() / "b.err").string()));
    INFO("a's signal: " << (WIFSIGNALED(status_a) ? WTERMSIG(status_a) : 0)
                        << ", b's signal: " << (WIFSIGNALED(status_b) ? WTERMSIG(status_b) : 0));
    REQUIRE(WIFEXITED(status_a));
    REQUIRE(WIFEXITED(status_b));
    CHECK(WEXITSTATUS(status_a) == 0);
    CHECK(WEXITSTATUS(status_b) == 0);
    const auto in_a = final_pdfs(tmp.path() / "a");
    const auto in_b = final_pdfs(tmp.path() / "b");
    CHECK(in_a.size() == (same ? 6u : 3u));
    CHECK(in_b.size() == (same ? 6u : 3u));
    if (same) {
      REQUIRE(in_b.size() == in_a.size());
      for (size_t i = 0; i < in_a.size(); ++i) {
        CHECK(in_a[i].filename() == in_b[i].filename());
        CHECK(t::sha256_of_file(in_a[i]) == t::sha256_of_file(in_b[i]));
      }
    }
    // Six documents, six numbers, each file the one recorded under the number it prints.
    const fs::path db = tmp.path() / "ws/tuijie.db";
    CHECK(t::sqlite(db, "SELECT count(DISTINCT number) FROM documents") == "6\n");
    check_in_step(db, {tmp.path() / "a", tmp.path() / "b"});
    for (const auto& file : in_a) {
      const t::CliRun verify = tuijie_in(tmp, "verify " + quote(file.string()));
      CHECK(verify.code == 0);
    }
  }
}
