#include "output/staged_files.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <thread>

#include "core/diagnostic.hpp"
#include "store/test_support.hpp"

namespace t = tuijie::testing;
namespace fs = std::filesystem;
using tuijie::output::StagedFiles;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      names.push_back(fs::relative(entry.path(), dir).string());
  std::sort(names.begin(), names.end());
  return names;
}

// The id of a process that has ended (a child reaped at once).
pid_t ended_process() {
  const pid_t child = fork();
  if (child == 0)
    _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("staged files appear only when published, all at once") {
  t::TempDir dir;
  {
    StagedFiles files;
    files.stage(dir.path() / "a.pdf", "A");
    files.stage(dir.path() / "sub" / "b.pdf", "B");
    CHECK_FALSE(fs::exists(dir.path() / "a.pdf"));
    CHECK_FALSE(fs::exists(dir.path() / "sub" / "b.pdf"));
    files.publish();
  }
  CHECK(names_in(dir.path()) == std::vector<std::string>{"a.pdf", "sub/b.pdf"});
  CHECK(t::read_file(dir / "a.pdf") == "A");
}

TEST_CASE("files never published leave nothing behind, and an older file stays") {
  t::TempDir dir;
  t::write_file(dir / "a.pdf", "old");
  {
    StagedFiles files;
    files.stage(dir.path() / "a.pdf", "new");
    files.stage(dir.path() / "b.pdf", "B");
  }
  CHECK(names_in(dir.path()) == std::vector<std::string>{"a.pdf"});
  CHECK(t::read_file(dir / "a.pdf") == "old");
}

TEST_CASE("several threads stage at once", "[threads]") {
  t::TempDir dir;
  StagedFiles files;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i)
        files.stage(dir.path() / (std::to_string(t) + "-" + std::to_string(i) + ".pdf"), "x");
    });
  for (auto& thread : threads)
    thread.join();
  CHECK(files.size() == 100);
  files.publish();
  CHECK(names_in(dir.path()).size() == 100);
}

TEST_CASE("a temporary name tells its final name; other names are not ours") {
  using tuijie::output::final_name_of_temporary;
  CHECK(final_name_of_temporary(".王𠮷.pdf.tuijie-123-4.tmp") == "王𠮷.pdf");
  CHECK(final_name_of_temporary("王𠮷.pdf") == "");
  CHECK(final_name_of_temporary(".x.pdf.tmp") == "");
  CHECK(final_name_of_temporary(".x.pdf.tuijie-abc-1.tmp") == "");
}

TEST_CASE("left-overs of ended runs are moved into place when recorded, else removed") {
  t::TempDir dir;
  const std::string dead = std::to_string(ended_process());
  const std::string alive = std::to_string(::getpid());
  fs::create_directories(dir.path() / "records");
  t::write_file(dir / (".recorded.pdf.tuijie-" + dead + "-0.tmp"), "RECORDED");
  t::write_file(dir / (".unrecorded.pdf.tuijie-" + dead + "-1.tmp"), "HALF");
  t::write_file(dir / ("records/.deep.pdf.tuijie-" + dead + "-2.tmp"), "RECORDED");
  // Its final name holds a file already: the left-over goes, the file stays.
  t::write_file(dir / "kept.pdf", "KEPT");
  t::write_file(dir / (".kept.pdf.tuijie-" + dead + "-3.tmp"), "RECORDED");
  // A run still going is left alone.
  t::write_file(dir / (".running.pdf.tuijie-" + alive + "-4.tmp"), "RECORDED");
  t::write_file(dir / "user-file.tmp", "not ours");

  const auto tidied = tuijie::output::remove_stale_temporaries(
      dir.path(), [](const std::string& bytes) { return bytes == "RECORDED"; });
  CHECK(tidied.published == 2);
  CHECK(tidied.removed == 2);
  CHECK(names_in(dir.path()) == std::vector<std::string>{".running.pdf.tuijie-" + alive + "-4.tmp",
                                                         "kept.pdf", "recorded.pdf",
                                                         "records/deep.pdf", "user-file.tmp"});
  CHECK(t::read_file(dir / "kept.pdf") == "KEPT");
}

TEST_CASE("a folder that cannot be written is an output error with its reason") {
  t::TempDir dir;
  t::write_file(dir / "file", "");
  StagedFiles files;
  try {
    files.stage(dir.path() / "file" / "a.pdf", "A");
    FAIL("no error");
  } catch (const tuijie::TuijieError& e) {
    CHECK(e.diagnostics().front().code == "output-file");
  }
}
