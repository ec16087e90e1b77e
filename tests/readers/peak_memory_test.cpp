// The import's peak memory follows the cells a file holds, not their coordinates: a sheet with
// one cell far right on every row, and CSV files of a million and of three million blank rows,
// each import within 256 MiB. The program runs as a child process and its peak resident set
// (ru_maxrss from wait4) is measured; under AddressSanitizer the figure means nothing and only
// the outcome is checked.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "app/cli_runner.hpp"
#include "records/zip_writer.hpp"
#include "store/test_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define TUIJIE_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TUIJIE_UNDER_ASAN 1
#endif
#endif

namespace t = tuijie::testing;
namespace fixtures = tuijie::records::test;

namespace {

[[maybe_unused]] constexpr long kLimitKiB = 256 * 1024;  // not checked under ASan

struct ChildRun {
  int code = -1;
  long peak_kib = 0;  // ru_maxrss: kibibytes on Linux
  std::string err;
};

// Runs tuijie with `args` in `cwd`, stdout to /dev/null, stderr to a file, and waits for it.
ChildRun run_measured(const std::vector<std::string>& args, const std::string& cwd) {
  const t::TempDir streams;
  const std::string err_path = streams / "stderr";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (null < 0 || err < 0 || chdir(cwd.c_str()) != 0) {
      _exit(127);
    }
    dup2(null, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string exe = TUIJIE_EXE;
    argv.push_back(exe.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) {
      argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    setenv("LANG", "C", 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  ChildRun run;
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.peak_kib = usage.ru_maxrss;
  run.err = t::read_file(err_path);
  return run;
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A header of real enterprise columns, one data row, then blank rows of 29 commas each (as
// Excel saves a sheet whose formatting reaches far down) up to `last_row`.
void write_blank_tail_csv(const std::string& path, long last_row) {
  std::ofstream out(path, std::ios::binary);
  out << "企业名称,统一社会信用代码,总部所在地\r\n";
  out << "天津某某信息技术有限公司,91120116MA05XXXX1X,天津市\r\n";
  const std::string blank = std::string(29, ',') + "\r\n";
  for (long row = 3; row <= last_row; ++row) {
    out << blank;
  }
}

// 20,000 rows, each with one cell in column XFD (the last Excel has) under no header.
std::string far_right_workbook() {
  std::string rows = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)";
  for (long r = 2; r <= 20001; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"XFD" + n + "\"><v>" + n + "</v></c></row>";
  }
  fixtures::ZipWriter zip = fixtures::minimal_workbook(rows, {"企业名称", "统一社会信用代码"});
  zip.deflate("xl/worksheets/sheet1.xml");  // about 200 KB on disk
  return zip.bytes();
}

// A shared-string table of 20,000,000 empty strings (100 MB unpacked, under the part limit).
std::string empty_strings_workbook() {
  fixtures::ZipWriter zip =
      fixtures::minimal_workbook(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", {"企业名称"});
  std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>企业名称</t></si>)";
  shared.reserve(100 * 1000 * 1000 + 200);
  for (long i = 0; i < 20 * 1000 * 1000; ++i) {
    shared += "<si/>";
  }
  zip.replace("xl/sharedStrings.xml", shared + "</sst>");
  zip.deflate("xl/sharedStrings.xml");  // about 100 KB on disk, as a bomb would be
  return zip.bytes();
}

void check_peak(const ChildRun& run, const std::string& what) {
  INFO(run.err.substr(0, 2000));
  WARN(what << ": exit " << run.code << ", peak RSS " << run.peak_kib / 1024 << " MiB ("
            << run.peak_kib << " KiB)");
  CHECK(run.err.find("bad_alloc") == std::string::npos);
  CHECK(run.err.find("internal") == std::string::npos);
#ifndef TUIJIE_UNDER_ASAN
  CHECK(run.peak_kib < kLimitKiB);
#endif
}

}  // namespace

TEST_CASE("import memory follows the cells present, not their coordinates", "[memory]") {
  const t::TempDir tmp;
  REQUIRE(t::run_cli("--resources " + t::quote(TUIJIE_SOURCE_DIR) + " init ws", tmp.path()).code ==
          0);
  const std::vector<std::string> import = {"--resources", TUIJIE_SOURCE_DIR, "--lang",
                                           "en",          "--workspace",     "ws",
                                           "import",      "--kind",          "enterprise"};

  SECTION("20,000 rows with one cell in column XFD") {
    const std::string path = tmp / "xfd.xlsx";
    write(path, far_right_workbook());
    std::vector<std::string> args = import;
    args.push_back(path);
    const ChildRun run = run_measured(args, tmp.str());
    check_peak(run, "XFD workbook");
    CHECK(run.code == 65);  // every XFD cell is under no header
    CHECK(run.err.find("column without a header") != std::string::npos);
  }
  SECTION("a shared-string table of 20,000,000 empty strings") {
    const std::string path = tmp / "strings.xlsx";
    write(path, empty_strings_workbook());
    std::vector<std::string> args = import;
    args.push_back(path);
    const ChildRun run = run_measured(args, tmp.str());
    check_peak(run, "20,000,000 shared strings");
    CHECK((run.code == 0 || run.code == 65));
  }
  SECTION("two rows, then blank rows down to row 1,048,576") {
    const std::string path = tmp / "excel-tail.csv";
    write_blank_tail_csv(path, 1048576);
    std::vector<std::string> args = import;
    args.push_back(path);
    const ChildRun run = run_measured(args, tmp.str());
    check_peak(run, "1,048,576-row CSV");
    CHECK((run.code == 0 || run.code == 65));
  }
  SECTION("two rows, then blank rows down to row 3,000,000") {
    const std::string path = tmp / "long-tail.csv";
    write_blank_tail_csv(path, 3000000);
    std::vector<std::string> args = import;
    args.push_back(path);
    const ChildRun run = run_measured(args, tmp.str());
    check_peak(run, "3,000,000-row CSV");
    CHECK((run.code == 0 || run.code == 65));
  }
}
