// Every job called in process, as `tuijie serve` will call them: what each writes and returns,
// and that a job that fails writes nothing.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "job/booklet_job.hpp"
#include "job/check_job.hpp"
#include "job/import_job.hpp"
#include "job/job_fixture.hpp"
#include "job/nominations_job.hpp"
#include "job/packet_job.hpp"
#include "job/render_job.hpp"
#include "job/verify_job.hpp"
#include "pdf_text.hpp"
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

// The font-substitute warnings of a result: the role each names.
static std::vector<std::string> substitutes(const Diagnostics& diagnostics) {
  std::vector<std::string> roles;
  for (const Diagnostic& d : diagnostics) {
    if (d.code != "font-substitute")
      continue;
    CHECK(d.severity == Severity::Warning);
    roles.push_back(d.reason_en.substr(0, d.reason_en.find(':')));
  }
  return roles;
}

TEST_CASE("render and packet jobs say once which stand-in faces their documents print in") {
  t::JobWorkspace ws;
  ws.import_organisations();
  // The park sheet uses 黑体, 宋体 and 小标宋: of the tests' two substitutes only 小标宋's.
  job::RenderJob render;
  render.kind = "park";
  const job::JobResult parks = render.run(ws.env());
  REQUIRE(parks.ok());
  CHECK(substitutes(parks.diagnostics) == std::vector<std::string>{"小标宋（title）"});
  // The packet's letter adds the 仿宋 stand-in; each is said once for all the documents.
  job::PacketJob packet;
  const job::PacketResult result = packet.run(ws.env());
  REQUIRE(result.ok());
  CHECK(substitutes(result.diagnostics) ==
        std::vector<std::string>{"仿宋（fangsong）", "小标宋（title）"});
}

// The Author of a PDF, as pdfinfo shows it.
static std::string author_of(const std::string& pdf) {
  const auto info = t::run_tool("pdfinfo " + t::shell_quote(pdf));
  const auto at = info.out.find("Author:");
  if (at == std::string::npos)
    return "";
  const auto start = info.out.find_first_not_of(' ', at + 7);
  return info.out.substr(start, info.out.find('\n', start) - start);
}

TEST_CASE("the person track's papers are authored by the nominating body, or the candidate") {
  t::JobWorkspace ws;
  ws.import("candidate", "candidates.csv");
  ws.import("candidate", "candidates-extb.csv");
  job::RenderJob render;
  render.kind = "candidate";
  const job::JobResult forms = render.run(ws.env());
  REQUIRE(forms.ok());
  std::map<std::string, records::Record> by_key;
  for (const records::Record& r : ws.workspace.records("candidate"))
    by_key[r.key] = r;
  int self = 0;
  for (const job::WrittenFile& file : forms.files) {
    const records::Record& record = by_key.at(file.record_key);
    const std::string expected =
        record.get("nominator").empty() ? record.get("name") : record.get("nominator");
    self += record.get("nominator").empty();
    INFO(file.path);
    CHECK(author_of(file.path) == expected);
    CHECK(author_of(file.path) != "天津市商务局");
  }
  CHECK(self >= 1);  // a self-nomination among the samples
}

TEST_CASE("render job: the combined file has its own number, and verify knows it") {
  t::JobWorkspace ws;
  ws.import("park", "parks.csv");
  job::RenderJob render;
  render.kind = "park";
  render.combined = true;
  const job::JobResult result = render.run(ws.env());
  REQUIRE(result.ok());
  const auto combined =
      std::find_if(result.files.begin(), result.files.end(),
                   [](const job::WrittenFile& f) { return f.record_key.empty(); });
  REQUIRE(combined != result.files.end());
  CHECK(combined->document_number.starts_with("TJ-2020-H-"));
  job::VerifyJob verify;
  verify.files = {combined->path};
  const auto verdicts = verify.run(ws.env());
  REQUIRE(verdicts.size() == 1);
  CHECK(verdicts[0].number == combined->document_number);
  CHECK(verdicts[0].matches());
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
  CHECK(parts == std::vector<std::string>{
                     "推荐函", "附件1 服务外包企业推荐汇总表", "附件2 服务外包园区推荐汇总表",
                     "附件3 培训机构及院校推荐汇总表", "附件4 各单位基本信息表（共15份）",
                     "企业基本信息表", "园区基本信息表", "培训机构及院校信息表"});
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

// Each outline entry with its destination page (1-based), depth first.
std::vector<std::pair<std::string, int>> outline_pages(const std::string& pdf) {
  auto run = t::run_tool("qpdf --json --json-key=outlines " + t::shell_quote(pdf));
  REQUIRE(run.exit_code == 0);
  auto root = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  std::vector<std::pair<std::string, int>> out;
  std::function<void(const Poco::JSON::Array::Ptr&)> walk =
      [&](const Poco::JSON::Array::Ptr& items) {
        for (size_t i = 0; items && i < items->size(); ++i) {
          auto item = items->getObject(static_cast<unsigned>(i));
          out.emplace_back(item->getValue<std::string>("title"),
                           item->getValue<int>("destpageposfrom1"));
          walk(item->getArray("kids"));
        }
      };
  walk(root->getArray("outlines"));
  return out;
}

TEST_CASE("packet job: 附件1–3 head their summaries, 附件4's list gives every sheet's page") {
  t::JobWorkspace ws;
  ws.import_organisations();
  const job::PacketResult result = job::PacketJob{}.run(ws.env());
  REQUIRE(result.ok());
  const auto lines = t::read_lines(result.packet_path);
  const auto pages = outline_pages(result.packet_path);
  auto page_of = [&](const std::string& title) {
    for (const auto& [t, page] : pages) {
      if (t == title)
        return page;
    }
    return 0;
  };
  // Each summary's label is the first line of its first page, flush left, in the letter's order.
  int previous = 0;
  for (int n = 1; n <= 3; ++n) {
    const std::string label = "附件" + std::to_string(n);
    int page = 0;
    for (const auto& [title, at] : pages) {
      if (title.rfind(label + " ", 0) == 0)
        page = at;
    }
    REQUIRE(page > previous);
    previous = page;
    const t::TextLine* first = nullptr;
    for (const auto& line : lines) {
      if (line.page == page - 1 && (!first || line.box.y_min < first->box.y_min))
        first = &line;
    }
    REQUIRE(first != nullptr);
    CHECK(t::strip_space(first->text()) == label);
    CHECK(first->box.x_min < 20 * 72 / 25.4);  // the landscape block's left edge, 15 mm
  }
  // The letter lists the same four attachments.
  std::string letter;
  for (const auto& line : lines) {
    if (line.page < page_of("附件1 服务外包企业推荐汇总表") - 1)
      letter += t::strip_space(line.text());
  }
  CHECK(
      letter.find("附件：1.服务外包企业推荐汇总表2.服务外包园区推荐汇总表3.培训机构及院校推荐汇总表"
                  "4.各单位基本信息表（共15份）") != std::string::npos);

  // The sheet list: every sheet's name with the page its bookmark opens.
  const int list_page = page_of("附件4 各单位基本信息表（共15份）");
  REQUIRE(list_page > previous);
  // name -> the page printed at the right end of its row (the cells are lines of their own)
  std::map<std::string, std::string> listed;
  for (const auto& line : lines) {
    if (line.page != list_page - 1)
      continue;
    const t::TextLine* rightmost = nullptr;
    for (const auto& other : lines) {
      if (other.page == line.page && std::abs(other.box.y_min - line.box.y_min) < 2 &&
          (!rightmost || other.box.x_min > rightmost->box.x_min))
        rightmost = &other;
    }
    listed[t::strip_space(line.text())] = t::strip_space(rightmost->text());
  }
  int sheets = 0;
  for (const char* kind : {"enterprise", "park", "institution"}) {
    for (const auto& record : ws.workspace.records(kind)) {
      const int page = page_of(record.get("name"));
      if (page == 0)
        continue;  // not recommended
      ++sheets;
      INFO(record.get("name"));
      CHECK(listed[record.get("name")] == std::to_string(page));
    }
  }
  CHECK(sheets == 15);
}

TEST_CASE("packet job: a kind without records drops its summary and the list is renumbered") {
  t::JobWorkspace ws;
  ws.import("enterprise", "enterprises.csv");
  ws.import("institution", "institutions.csv");
  const job::PacketResult result = job::PacketJob{}.run(ws.env());
  REQUIRE(result.ok());
  std::vector<std::string> parts;
  for (const auto& [depth, title] : outline(result.packet_path)) {
    if (depth == 0)
      parts.push_back(title);
  }
  CHECK(parts == std::vector<std::string>{
                     "推荐函", "附件1 服务外包企业推荐汇总表", "附件2 培训机构及院校推荐汇总表",
                     "附件3 各单位基本信息表（共12份）", "企业基本信息表", "培训机构及院校信息表"});
  t::ToolResult text = t::run_tool("pdftotext -l 2 " + t::shell_quote(result.packet_path) + " -");
  std::erase(text.out, '\f');  // the letter's two pages read as one text
  CHECK(
      t::strip_space(text.out).find(
          "附件：1.服务外包企业推荐汇总表2.培训机构及院校推荐汇总表3.各单位基本信息表（共12份）") !=
      std::string::npos);
  CHECK(text.out.find("园区推荐汇总表") == std::string::npos);
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

TEST_CASE("packet job: each kind's sheets follow its summary's rows, the groups the 附件 list") {
  t::JobWorkspace ws;
  ws.import_organisations();
  const job::PacketResult result = job::PacketJob{}.run(ws.env());
  REQUIRE(result.ok());
  const auto lines = t::read_lines(result.packet_path);
  const auto pages = outline_pages(result.packet_path);
  // The sheets' bookmarks, in the packet's order, by kind (the outline's group titles).
  const std::map<std::string, std::string> groups = {{"企业基本信息表", "enterprise"},
                                                     {"园区基本信息表", "park"},
                                                     {"培训机构及院校信息表", "institution"}};
  std::map<std::string, std::vector<std::string>> bound;
  std::vector<std::string> group_order;
  std::string in_group;
  std::map<std::string, int> summary_page;
  for (const auto& [title, page] : pages) {
    if (groups.count(title)) {
      in_group = groups.at(title);
      group_order.push_back(in_group);
    } else if (title.rfind("附件", 0) == 0) {
      in_group.clear();
      const std::map<std::string, std::string> summaries = {
          {"服务外包企业推荐汇总表", "enterprise"},
          {"服务外包园区推荐汇总表", "park"},
          {"培训机构及院校推荐汇总表", "institution"}};
      for (const auto& [summary, kind] : summaries) {
        if (title.find(summary) != std::string::npos)
          summary_page[kind] = page;
      }
    } else if (!in_group.empty()) {
      bound[in_group].push_back(title);
    }
  }
  CHECK(group_order == std::vector<std::string>{"enterprise", "park", "institution"});
  for (const char* kind : {"enterprise", "park", "institution"}) {
    INFO(kind);
    REQUIRE(summary_page.count(kind));
    REQUIRE(bound[kind].size() >= 3);
    // Where each name's first line stands in the summary: its row, top to bottom.
    std::vector<std::pair<std::pair<int, double>, std::string>> rows;
    for (const std::string& name : bound[kind]) {
      const t::TextLine* at = nullptr;
      for (const auto& line : lines) {
        const std::string text = t::strip_space(line.text());
        // The name's first line, alone or joined with its row's other cells.
        const std::string whole = t::strip_space(name);
        const bool names_it = text.find(whole) != std::string::npos ||
                              (text.size() >= 9 && whole.rfind(text, 0) == 0);
        if (line.page >= summary_page[kind] - 1 && names_it) {
          at = &line;
          break;
        }
      }
      INFO(name);
      REQUIRE(at != nullptr);
      rows.push_back({{at->page, at->box.y_min}, name});
    }
    std::vector<std::string> summary_order;
    std::sort(rows.begin(), rows.end());
    for (const auto& row : rows)
      summary_order.push_back(row.second);
    CHECK(bound[kind] == summary_order);
  }
  // Enterprises run in Tianjin's administrative order of districts: 和平区 first, 滨海新区 after
  // the inner districts.
  CHECK(bound["enterprise"].front() == "天津和平金融服务外包有限公司");
}
