// Every job called in process, as `tuijie serve` will call them: what each writes and returns,
// and that a job that fails writes nothing.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <set>

#include "job/booklet_job.hpp"
#include "job/check_job.hpp"
#include "job/import_job.hpp"
#include "job/job_fixture.hpp"
#include "job/nominations_job.hpp"
#include "job/packet_job.hpp"
#include "job/render_job.hpp"
#include "pdf_tools.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using namespace tuijie;

namespace {

std::string error_code_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const TuijieError& e) {
    return e.diagnostics().front().code;
  }
  return "";
}

// Every outline title of a PDF with its depth, depth first (qpdf --json).
void collect(const Poco::JSON::Array::Ptr& items, int depth,
             std::vector<std::pair<int, std::string>>& out) {
  for (size_t i = 0; items && i < items->size(); ++i) {
    auto item = items->getObject(static_cast<unsigned>(i));
    out.emplace_back(depth, item->getValue<std::string>("title"));
    collect(item->getArray("kids"), depth + 1, out);
  }
}

std::vector<std::pair<int, std::string>> outline(const std::string& pdf) {
  auto run = t::run_tool("qpdf --json --json-key=outlines " + t::shell_quote(pdf));
  REQUIRE(run.exit_code == 0);
  auto root = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  std::vector<std::pair<int, std::string>> titles;
  collect(root->getArray("outlines"), 0, titles);
  return titles;
}

}  // namespace

TEST_CASE("import job: each file is its own transaction, a missing file does not stop the others") {
  t::JobWorkspace ws;
  job::ImportJob import;
  import.kind = "enterprise";
  import.files = {std::string(TUIJIE_SOURCE_DIR) + "/samples/enterprises.csv",
                  (ws.tmp.path() / "absent.csv").string()};
  const job::ImportResult result = import.run(ws.env());
  REQUIRE(result.files.size() == 2);
  REQUIRE(result.files[0].stored.has_value());
  CHECK(result.files[0].stored->inserted == 13);
  CHECK(result.files[1].refusal == job::FileImport::Refusal::Unreadable);
  CHECK(result.files[1].diagnostics.front().code == "file-missing");
  CHECK(ws.workspace.records("enterprise").size() == 13);
  CHECK(ws.steps.size() == 2);
  CHECK(ws.steps.back().done == 2);

  // A file with a bad row stores nothing of it, and says which rows.
  t::write_file(
      (ws.tmp.path() / "bad.csv").string(),
      t::read_file(std::string(TUIJIE_SOURCE_DIR) + "/samples/parks.csv") + "not,a,park\r\n");
  import.kind = "park";
  import.files = {(ws.tmp.path() / "bad.csv").string()};
  const job::ImportResult bad = import.run(ws.env());
  CHECK(bad.files[0].refusal == job::FileImport::Refusal::RowErrors);
  CHECK(bad.files[0].rows_with_errors == 1);
  CHECK(ws.workspace.records("park").empty());
}

TEST_CASE("check job: today is the env's clock, not the machine's") {
  t::JobWorkspace ws;
  ws.import_organisations();
  const job::CheckResult result = job::CheckJob{}.run(ws.env());
  CHECK(result.report.as_of == "2020-06-30");
  CHECK(result.report.records.size() == ws.workspace.records("enterprise").size() +
                                            ws.workspace.records("park").size() +
                                            ws.workspace.records("institution").size());
  CHECK_FALSE(result.report.all_recommendable());  // the samples hold ineligible ones

  job::CheckJob only;
  only.kind = "park";
  only.as_of = "2020-07-11";
  const job::CheckResult parks = only.run(ws.env());
  CHECK(parks.report.as_of == "2020-07-11");
  CHECK(parks.report.records.size() == ws.workspace.records("park").size());

  only.as_of = "2020-02-30";
  CHECK(error_code_of([&] { only.run(ws.env()); }) == "usage");
  only.as_of = "";
  only.kind = "planet";
  CHECK(error_code_of([&] { only.run(ws.env()); }) == "usage");
}

TEST_CASE("render job: one numbered PDF per record, the same bytes on a second run") {
  t::JobWorkspace ws;
  ws.import("park", "parks.csv");
  ws.steps.clear();
  job::RenderJob render;
  render.kind = "park";
  render.threads = 2;
  const job::JobResult first = render.run(ws.env());
  REQUIRE(first.ok());
  const size_t parks = ws.workspace.records("park").size();
  REQUIRE(first.files.size() == parks);
  std::set<std::string> numbers;
  for (const job::WrittenFile& file : first.files) {
    CHECK(fs::exists(file.path));
    CHECK(file.pages >= 1);
    CHECK(file.document_number.starts_with("TJ-2020-"));
    CHECK_FALSE(file.record_key.empty());
    numbers.insert(file.document_number);
  }
  CHECK(numbers.size() == parks);
  CHECK(ws.steps.size() == parks);
  const auto bytes = t::files_under(ws.out() / "park");

  // Numbers are kept for good, and a fixed clock gives the same bytes.
  const job::JobResult second = render.run(ws.env());
  REQUIRE(second.files.size() == parks);
  for (size_t i = 0; i < parks; ++i)
    CHECK(second.files[i].document_number == first.files[i].document_number);
  CHECK(t::files_under(ws.out() / "park") == bytes);

  // A key the workspace does not have: nothing rendered.
  render.keys = {"no-such-park"};
  render.out_dir = (ws.tmp.path() / "other").string();
  CHECK(error_code_of([&] { render.run(ws.env()); }) == "unknown-record-key");
  CHECK_FALSE(fs::exists(ws.tmp.path() / "other"));
}

TEST_CASE("packet job: parts in the campaign's order, bookmarks from the templates") {
  t::JobWorkspace ws;
  ws.import_organisations();
  job::PacketJob packet;
  const job::PacketResult result = packet.run(ws.env());
  INFO(result.diagnostics.size());
  REQUIRE(result.ok());
  REQUIRE(fs::exists(result.packet_path));
  CHECK(result.records_dir == (ws.out() / "packet" / "records").string());
  CHECK(fs::exists(ws.out() / "packet" / "records" / "manifest.csv"));

  // The packet holds every document's pages, and lists the parts as packet.parts orders them.
  int document_pages = 0;
  for (const job::WrittenFile& file : result.files) {
    if (file.path != result.packet_path)
      document_pages += file.pages;
  }
  CHECK(result.packet_pages == document_pages);
  std::vector<std::string> parts;
  for (const auto& [depth, title] : outline(result.packet_path)) {
    if (depth == 0)
      parts.push_back(title);
  }
  CHECK(parts == std::vector<std::string>{"推荐函", "推荐汇总表", "企业基本信息表",
                                          "园区基本信息表", "培训机构及院校信息表"});
  REQUIRE(result.recommended.size() == 3);
  CHECK(result.recommended[0] == std::pair<std::string, int>{"enterprise", 9});
}

TEST_CASE("packet job: the letter's number and a letterhead in black") {
  t::JobWorkspace ws;
  ws.import_organisations();
  job::PacketJob packet;
  packet.letterhead = job::Letterhead::Black;
  packet.letter_number = "56";
  const job::PacketResult result = packet.run(ws.env());
  REQUIRE(result.ok());
  const t::ToolResult text =
      t::run_tool("pdftotext -l 1 " + t::shell_quote(result.packet_path) + " -");
  CHECK(text.out.find("津商务函〔2020〕56号") != std::string::npos);
  CHECK(text.out.find("天津市商务局") != std::string::npos);
  // No red anywhere on the letter's first page.
  const t::PageRaster page = t::render_page(result.packet_path, 1, 50);
  int red = 0;
  for (int y = 0; y < page.height; ++y) {
    for (int x = 0; x < page.width; ++x) {
      const unsigned char* p = page.at(x, y);
      red += p[0] > 150 && p[0] - p[1] > 60 ? 1 : 0;
    }
  }
  CHECK(red == 0);
}

TEST_CASE("packet job: a campaign without packet parts is refused before anything is written") {
  const std::string campaign = t::tianjin_campaign_with("\"packet\"", "\"packet-unused\"");
  t::TempDir files;
  const std::string path = (files.path() / "campaign.json").string();
  t::write_file(path, campaign);
  t::JobWorkspace ws(path);
  ws.import_organisations();
  CHECK(error_code_of([&] { job::PacketJob{}.run(ws.env()); }) == "packet-parts-missing");
  CHECK_FALSE(fs::exists(ws.out() / "packet"));
}

TEST_CASE("nominations job: one bundle per nominating body, photos beside, a manifest") {
  t::JobWorkspace ws;
  ws.import("candidate", "candidates.csv");
  const job::NominationsResult result = job::NominationsJob{}.run(ws.env());
  REQUIRE(result.ok());
  REQUIRE_FALSE(result.bundles.empty());
  int candidates = 0;
  for (const job::BundleWritten& bundle : result.bundles) {
    CHECK(fs::exists(bundle.path));
    CHECK(bundle.pages > bundle.candidates);  // the list, then each form
    candidates += bundle.candidates;
  }
  CHECK(candidates == 6);
  CHECK(fs::exists(result.manifest_path));
  // The bundle's bookmarks: the list, then each candidate, flat.
  const auto marks = outline(result.bundles.front().path);
  REQUIRE(marks.size() == static_cast<size_t>(result.bundles.front().candidates) + 1);
  CHECK(marks.front().second == "候选人推荐名单");
  for (const auto& [depth, title] : marks)
    CHECK(depth == 0);
}

TEST_CASE("booklet job: the booklet and its saddle imposition, a bad scheme is a usage error") {
  t::JobWorkspace ws;
  ws.import_organisations();
  ws.import("candidate", "candidates.csv");
  ws.import("candidate", "candidates-extb.csv");
  job::BookletJob booklet;
  booklet.impose = "fold";
  CHECK(error_code_of([&] { booklet.run(ws.env()); }) == "usage");

  booklet.impose = "";
  const job::BookletResult empty = booklet.run(ws.env());
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.diagnostics.back().code == "no-results");
  CHECK(empty.booklet_path.empty());

  ws.import("result", "results.csv");
  booklet.impose = "saddle";
  const job::BookletResult result = booklet.run(ws.env());
  REQUIRE(result.ok());
  CHECK(fs::exists(result.booklet_path));
  CHECK(fs::exists(result.imposed_path));
  CHECK(result.categories > 0);
  CHECK(result.winners > 0);
  // Two pages a side, blank pages added up to a multiple of four.
  CHECK(result.imposed_sides == (result.pages + 3) / 4 * 2);
}
