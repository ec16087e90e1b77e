// Hostile record files through the real program: each is refused with exit 65 and a message
// naming the file, row and column, and the workspace database is unchanged (sqlite3 .dump).
#include <Poco/Checksum.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli_runner.hpp"
#include "records/zip_writer.hpp"
#include "store/test_support.hpp"

namespace t = tuijie::testing;
namespace fixtures = tuijie::records::test;

namespace {

void write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The standard output of a shell command run in `cwd`.
std::string shell(const std::string& command, const std::filesystem::path& cwd) {
  FILE* pipe = popen(("cd " + t::quote(cwd.string()) + " && " + command).c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    out.append(buffer, n);
  }
  REQUIRE(pclose(pipe) == 0);
  return out;
}

// The whole database as SQL text: with WAL, the main file's bytes alone prove nothing.
std::string dump(const t::TempDir& tmp) {
  return shell("sqlite3 ws/tuijie.db .dump", tmp.path());
}

const std::string kHeaderRow =
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)";

std::string workbook(const std::string& rows) {
  return fixtures::minimal_workbook(kHeaderRow + rows, {"企业名称", "统一社会信用代码"}).bytes();
}

std::string fixture(const std::string& name) {
  return t::read_file(std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/" + name);
}

struct Hostile {
  std::string name;  // written in the test folder
  std::string bytes;
  std::string kind;    // --kind
  std::string place;   // "name:row[:column]" as the message shows it
  std::string reason;  // a phrase of the English reason
  long bad_row = 0;    // the refused row, when the rest of the file is good; 0 = whole file
};

std::vector<Hostile> hostile_files() {
  std::vector<Hostile> files;
  files.push_back({"string.xlsx", workbook(R"(<row r="2"><c r="A2" t="s"><v>abc</v></c></row>)"),
                   "enterprise", "string.xlsx:2:1", "shared string"});
  fixtures::ZipWriter twice = fixtures::minimal_workbook(kHeaderRow, {"企业名称"});
  twice.add("xl/worksheets/sheet1.xml", "<worksheet/>");
  files.push_back({"twice.xlsx", twice.bytes(), "enterprise", "twice.xlsx",
                   "'xl/worksheets/sheet1.xml' twice"});
  files.push_back({"xfe.xlsx", workbook(R"(<row r="2"><c r="XFE2"><v>1</v></c></row>)"),
                   "enterprise", "xfe.xlsx:2:16385", "past Excel's last column"});
  files.push_back({"deep.xlsx", workbook(R"(<row r="1048577"><c><v>1</v></c></row>)"), "enterprise",
                   "deep.xlsx:1048577", "past Excel's last row"});
  std::string json = fixture("candidates.json");
  // Element 2 of the fixture (written one element per " {" line) opens after its brace.
  std::size_t second = json.find("\n {", json.find("\n {") + 1) + 3;
  std::string duplicate = json;
  duplicate.insert(second, "\"name\": \"李四\", ");
  files.push_back(
      {"twice.json", duplicate, "candidate", "twice.json:2 column name", "appears twice", 2});
  std::string huge = json;
  huge.insert(second, "\"org_staff_count\": 1e400, ");
  files.push_back({"huge.json", huge, "candidate",
                   "huge.json:2 column org_staff_count value '1e400'", "out of range", 2});
  files.push_back({"bytes.csv", "企业名称,统一社会信用代码\n甲,\xFF\n", "enterprise",
                   "bytes.csv:2:2", "not valid UTF-8"});
  files.push_back({"wide.csv",
                   "企业名称,统一社会信用代码\n甲,1\n" + std::string(16400, ',') + "x\n",
                   "enterprise", "wide.csv:3:16385", "more than 16384 columns"});
  files.push_back({"scan.csv", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "enterprise", "scan.csv",
                   "the file is a PDF document, not a CSV, JSON or XLSX"});
  return files;
}

}  // namespace

TEST_CASE("hostile record files are refused with their place and change nothing") {
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);
  const std::string data = std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/";
  for (const Hostile& file : hostile_files()) {
    for (const std::string& partial : {std::string(), std::string(" --partial")}) {
      INFO(file.name << partial);
      const t::TempDir tmp;
      REQUIRE(t::run_cli(resources + " init ws", tmp.path()).code == 0);
      std::filesystem::copy_file(data + "photo.jpg", tmp.path() / "photo.jpg");
      std::filesystem::copy_file(data + "photo.png", tmp.path() / "photo.png");
      write(tmp / file.name, file.bytes);
      const std::string before = dump(tmp);
      REQUIRE(before.find("CREATE TABLE records") != std::string::npos);

      const t::CliRun run = t::run_cli(resources + " --lang en --workspace ws import --kind " +
                                           file.kind + partial + " " + t::quote(file.name),
                                       tmp.path());
      INFO(run.err.substr(0, 3000));
      CHECK(run.code == 65);
      CHECK(run.err.find(file.place) != std::string::npos);
      CHECK(run.err.find(file.reason) != std::string::npos);
      CHECK(run.err.find("Assertion") == std::string::npos);
      if (partial.empty() || file.bad_row == 0) {
        CHECK(dump(tmp) == before);
      } else {
        // --partial stores the other rows, never the bad one.
        const std::string rows =
            shell("sqlite3 ws/tuijie.db 'select source_row from records order by source_row'",
                  tmp.path());
        CHECK(rows.find(std::to_string(file.bad_row) + "\n") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a photo declaring 10^12 pixels is refused at import, not at render") {
  const t::TempDir tmp;
  const std::string resources = "--resources " + t::quote(TUIJIE_SOURCE_DIR);
  REQUIRE(t::run_cli(resources + " init ws", tmp.path()).code == 0);
  const std::string data = std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/";
  std::filesystem::copy_file(data + "photo.jpg", tmp.path() / "photo.jpg");
  // A valid 1x1 PNG's header, its width and height rewritten to 1,000,000 each (CRC fixed).
  std::string csv = t::read_file(data + "candidates_utf8.csv");
  csv.replace(csv.find("photo.png"), 9, "bomb.png");
  write(tmp / "c.csv", csv);
  std::string png = "\x89PNG\r\n\x1A\n";
  auto u32 = [&png](std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      png += static_cast<char>((v >> shift) & 0xFF);
    }
  };
  auto chunk = [&](const std::string& type, const std::string& body) {
    u32(static_cast<std::uint32_t>(body.size()));
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(type + body);
    png += type + body;
    u32(crc.checksum());
  };
  std::string header = std::string("\x00\x0F\x42\x40\x00\x0F\x42\x40\x08\x02\x00\x00\x00", 13);
  chunk("IHDR", header);
  chunk("IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8));
  chunk("IEND", "");
  write(tmp / "bomb.png", png);
  const std::string before = dump(tmp);

  const t::CliRun run =
      t::run_cli(resources + " --lang en --workspace ws import --partial c.csv", tmp.path());
  INFO(run.err);
  CHECK(run.code == 65);
  CHECK(run.err.find("c.csv:3:22") != std::string::npos);
  CHECK(run.err.find("1000000×1000000 pixels, more than the limit") != std::string::npos);
  // --partial stores the good rows, never the one with the bomb.
  const std::string rows = shell(
      "sqlite3 ws/tuijie.db 'select source_row from records order by source_row'", tmp.path());
  CHECK(rows == "2\n4\n");
  CHECK(dump(tmp) != before);
}
