// A second campaign (data/campaigns/dalian-2021.json: another city and year, with higher
// thresholds) drives init, import and check with no code change. The fixture
// data/enterprises-dalian.csv holds five sample enterprises with figures at Dalian's
// boundaries (5000 万元; 500 staff, or 40 万元 per outsourcing employee); all five are
// eligible by Tianjin's rules, so any ineligibility comes from the Dalian file.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "check_cli_support.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace t = tuijie::testing;

namespace {

const std::string kFixture = "tests/check/data/enterprises-dalian.csv";

// A workspace for `campaign` ("" = the default, Tianjin 2020) holding the fixture.
std::string workspace_with_fixture(const t::TempDir& tmp, const std::string& campaign) {
  const std::string init = campaign.empty() ? "init ws" : "init --campaign " + campaign + " ws";
  const t::CliRun made = t::run_tuijie(init, tmp.path());
  INFO(made.out << made.err);
  REQUIRE(made.code == 0);
  const std::string ws = tmp / "ws";
  const t::CliRun import = t::run_tuijie("import " + t::source_file(kFixture), ws);
  INFO(import.out << import.err);
  REQUIRE(import.code == 0);
  return ws;
}

// The text of a PDF as pdftotext gives it.
std::string pdf_text(const std::string& pdf, const t::TempDir& tmp) {
  const std::string out = tmp / "text.txt";
  const std::string command = "pdftotext " + t::quote(pdf) + " " + t::quote(out);
  REQUIRE(std::system(command.c_str()) == 0);
  return t::read_file(out);
}

}  // namespace

TEST_CASE("the Dalian 2021 campaign's thresholds and deadlines decide, not Tianjin's") {
  t::TempDir tmp;
  const std::string ws =
      workspace_with_fixture(tmp, t::source_file("data/campaigns/dalian-2021.json"));
  const t::CliRun run = t::run_tuijie("check --as-of 2021-07-01 --format json", ws);
  INFO(run.out << run.err);
  CHECK(run.code == 65);
  const auto records = t::report_records(run.out);
  REQUIRE(records.size() == 5);

  // At Dalian's boundaries: exactly 5000 万元 and 500 staff; exactly 40 × 499 = 19960 万元.
  CHECK(records.at("91120104MA06A2BN7T")->getValue<bool>("eligible"));
  CHECK(records.at("91120111MA07C9DW3Q")->getValue<bool>("eligible"));
  CHECK(records.at("91120116MA05K3RT2M")->getValue<bool>("eligible"));
  // Under them, with Dalian's figures in the reasons.
  const auto low_revenue = records.at("91120116MA0723QH15");
  CHECK_FALSE(low_revenue->getValue<bool>("eligible"));
  CHECK(t::reason_texts_zh(low_revenue, "ineligible") ==
        std::vector<std::string>{"服务外包业务收入 4999.5 万元，低于 5000 万元"});
  const auto low_per_capita = records.at("91120106MA07H6MN0G");
  CHECK_FALSE(low_per_capita->getValue<bool>("eligible"));
  CHECK(t::reason_texts_zh(low_per_capita, "ineligible") ==
        std::vector<std::string>{"服务外包从业人数 450 人，少于 500 人，且人均服务外包业务收入 "
                                 "30 万元，低于 40 万元"});

  // The evaluations import stored were made against the Dalian file.
  tuijie::store::Workspace workspace = tuijie::store::Workspace::open(ws);
  CHECK(workspace.campaign().file_name() == "dalian-2021.json");
  for (const auto& stored : workspace.evaluations("enterprise")) {
    CHECK(stored.campaign_sha256 == workspace.campaign().sha256());
  }

  // Dalian's deadlines, in the user's language.
  const t::CliRun text = t::run_tuijie("--lang zh check --as-of 2021-07-01", ws);
  CHECK(text.out.find("2021-07-02 申报单位向市商务局报送材料：还剩 1 天") != std::string::npos);
  CHECK(text.out.find("2021-07-09 市商务局向组委会推荐：还剩 8 天") != std::string::npos);
  CHECK(text.out.find("2021-06-25 人物推介申报截止：已逾期 6 天") != std::string::npos);
  CHECK(text.out.find("2020-07-10") == std::string::npos);  // no Tianjin date leaks in
}

TEST_CASE("the same fixture under the default Tianjin 2020 campaign is all eligible") {
  t::TempDir tmp;
  const std::string ws = workspace_with_fixture(tmp, "");
  const t::CliRun run = t::run_tuijie("check --as-of 2020-07-01 --format json", ws);
  INFO(run.out << run.err);
  CHECK(run.code == 0);
  const auto records = t::report_records(run.out);
  REQUIRE(records.size() == 5);
  for (const auto& [key, record] : records) {
    INFO(key);
    CHECK(record->getValue<bool>("eligible"));
  }
}

TEST_CASE("the Dalian 2021 campaign drives render and the packet too") {
  t::TempDir tmp;
  const std::string ws =
      workspace_with_fixture(tmp, t::source_file("data/campaigns/dalian-2021.json"));
  const t::CliRun render = t::run_tuijie("render --kind enterprise --out sheets", ws);
  INFO(render.out << render.err);
  REQUIRE(render.code == 0);
  const t::CliRun packet = t::run_tuijie("packet --out packet", ws);
  INFO(packet.out << packet.err);
  REQUIRE(packet.code == 0);

  // The sheets carry Dalian's campaign, audited year and numbers, never Tianjin's.
  const std::string sheet = ws + "/sheets/91120104MA06A2BN7T-天津海河软件服务股份有限公司.pdf";
  const std::string text = pdf_text(sheet, tmp);
  INFO(text);
  CHECK(text.find("2021年中国数字服务暨服务外包领军企业推介") != std::string::npos);
  CHECK(text.find("2020年度") != std::string::npos);  // audited_year of the Dalian file
  CHECK(text.find("DL-2021-E-") != std::string::npos);
  CHECK(text.find("2020年中国") == std::string::npos);

  // The cover letter: Dalian's bureau, notice and date; three of five enterprises recommended.
  std::string letter = pdf_text(ws + "/packet/records/推荐函.pdf", tmp);
  std::erase_if(letter, [](char c) { return c == '\n' || c == ' '; });
  INFO(letter);
  CHECK(letter.find("大连市商务局") != std::string::npos);
  CHECK(letter.find("中投促函〔2021〕19号") != std::string::npos);
  CHECK(letter.find("2021年7月5日") != std::string::npos);
  CHECK(letter.find("现推荐3家服务外包企业") != std::string::npos);
}
