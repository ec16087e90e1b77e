// tuijie packet and tuijie verify through the program, on the organisation samples and on a
// generated set of 200 enterprises: what the bureau sends and how it is checked later.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/cli_runner.hpp"
#include "merge/field_format.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

using Run = t::CliRun;
using t::quote;

const std::string kSource = TUIJIE_SOURCE_DIR;
const std::string kResources = "--resources " + quote(kSource);

std::string sample(const std::string& name) {
  return quote(kSource + "/samples/" + name);
}

Run run_program(const std::string& args, const fs::path& cwd) {
  return t::run_cli(kResources + " --lang en " + args, cwd);
}

// A workspace with the organisation samples imported.
void sample_workspace(const t::TempDir& tmp) {
  REQUIRE(run_program("init ws", tmp.path()).code == 0);
  for (const auto& [kind, file] :
       std::vector<std::pair<std::string, std::string>>{{"enterprise", "enterprises.xlsx"},
                                                        {"park", "parks.csv"},
                                                        {"institution", "institutions.csv"}}) {
    const Run run =
        run_program("--workspace ws import --kind " + kind + " " + sample(file), tmp.path());
    INFO(run.err);
    REQUIRE(run.code == 0);
  }
}

std::string pdf_text(const std::string& pdf) {
  auto run = t::run_tool("pdftotext " + t::shell_quote(pdf) + " -");
  REQUIRE(run.exit_code == 0);
  return t::strip_space(run.out);
}

// Every outline title of a PDF, depth first (qpdf --json).
void collect_titles(const Poco::JSON::Array::Ptr& items, std::vector<std::string>& out) {
  for (size_t i = 0; items && i < items->size(); ++i) {
    auto item = items->getObject(static_cast<unsigned>(i));
    out.push_back(item->getValue<std::string>("title"));
    collect_titles(item->getArray("kids"), out);
  }
}

std::vector<std::string> outline_titles(const std::string& pdf) {
  auto run = t::run_tool("qpdf --json --json-key=outlines " + t::shell_quote(pdf));
  REQUIRE(run.exit_code == 0);
  auto root = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  std::vector<std::string> titles;
  collect_titles(root->getArray("outlines"), titles);
  return titles;
}

// Recommendable records per kind, as `tuijie check` reports them.
std::map<std::string, int> recommendable(const t::TempDir& tmp) {
  const Run run = run_program("--workspace ws check --format json", tmp.path());
  auto root = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  std::map<std::string, int> counts;
  auto records = root->getArray("records");
  for (size_t i = 0; i < records->size(); ++i) {
    auto r = records->getObject(static_cast<unsigned>(i));
    if (r->getValue<bool>("complete") && r->getValue<bool>("eligible"))
      ++counts[r->getValue<std::string>("kind")];
  }
  return counts;
}

// GB 32100-2015: the check character of a credit code's first 17 characters.
std::string with_check_character(const std::string& first17) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i)
    sum += static_cast<int>(alphabet.find(first17[i])) * weights[i];
  return first17 + alphabet[static_cast<size_t>((31 - sum % 31) % 31)];
}

}  // namespace

TEST_CASE("packet: cover letter counts, bookmarks for every part and record, manifest") {
  t::TempDir tmp;
  sample_workspace(tmp);
  const Run run = run_program("--workspace ws packet --out out", tmp.path());
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const fs::path out = tmp.path() / "out";
  const std::string packet = (out / "天津市2020年推荐材料包.pdf").string();
  REQUIRE(fs::exists(packet));

  // The letter states the numbers of recommendable records the workspace holds.
  auto counts = recommendable(tmp);
  CHECK(counts["enterprise"] == 9);  // the samples: 13 enterprises, 4 ineligible on purpose
  const std::string letter = pdf_text((out / "records" / "推荐函.pdf").string());
  CHECK(letter.find("现推荐" + std::to_string(counts["enterprise"]) + "家服务外包企业、" +
                    std::to_string(counts["park"]) + "家服务外包园区和" +
                    std::to_string(counts["institution"]) + "家培训机构及院校") !=
        std::string::npos);

  // Bookmarks name every part and every record in it.
  auto titles = outline_titles(packet);
  std::set<std::string> named(titles.begin(), titles.end());
  for (const char* part : {"推荐函", "附件1 服务外包企业推荐汇总表", "附件2 服务外包园区推荐汇总表",
                           "附件3 培训机构及院校推荐汇总表", "附件4 各单位基本信息表（共15份）",
                           "企业基本信息表", "园区基本信息表", "培训机构及院校信息表"})
    CHECK(named.count(part) == 1);
  tuijie::store::Workspace ws = tuijie::store::Workspace::open(tmp / "ws");
  size_t records = 0;
  for (const char* kind : {"enterprise", "park", "institution"}) {
    for (const auto& record : ws.records(kind)) {
      if (named.count(record.get("name")))
        ++records;
    }
  }
  CHECK(records ==
        static_cast<size_t>(counts["enterprise"] + counts["park"] + counts["institution"]));
  // Ineligible records are left out (headquarters abroad; revenue below the minimum).
  CHECK(named.count("天津星岛数码服务有限公司") == 0);
  CHECK(pdf_text(packet).find("天津中环云联通信技术有限公司") == std::string::npos);

  // The folder beside it: each document with its number in manifest.csv.
  const std::string manifest = t::read_file((out / "records" / "manifest.csv").string());
  // Two pages: under the 信函格式 letterhead page 1 holds 18 lines, and the sign-off takes the
  // last two attachment lines with it (GB/T 9704: it never stands alone).
  CHECK(manifest.find("推荐函.pdf,TJ-2020-L-0001,,2,") != std::string::npos);
  CHECK(manifest.find("服务外包企业推荐汇总表.pdf,TJ-2020-S-0001,,") != std::string::npos);
  CHECK(manifest.find(",TJ-2020-E-0001,") != std::string::npos);
}

TEST_CASE(
    "packet: the same input gives the same bytes; one changed record changes only its files") {
  t::TempDir tmp;
  sample_workspace(tmp);
  REQUIRE(run_program("--workspace ws packet --out first", tmp.path()).code == 0);
  REQUIRE(run_program("--workspace ws packet --out second", tmp.path()).code == 0);
  const auto first = t::files_under(tmp.path() / "first");
  CHECK(first == t::files_under(tmp.path() / "second"));

  // 天津海河软件服务股份有限公司 (exactly 3000 万元) reports 3100 万元 instead: still eligible.
  const std::string corrected = tmp / "corrected.json";
  {
    std::ifstream in(kSource + "/samples/enterprises.json");
    std::stringstream text;
    text << in.rdbuf();
    auto all = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Array::Ptr>();
    Poco::JSON::Array one;
    for (size_t i = 0; i < all->size(); ++i) {
      auto e = all->getObject(static_cast<unsigned>(i));
      if (e->getValue<std::string>("name") == "天津海河软件服务股份有限公司") {
        e->set("revenue", 3100);
        one.add(e);
      }
    }
    REQUIRE(one.size() == 1);
    std::ofstream outfile(corrected);
    one.stringify(outfile);
  }
  const std::string sheet = "first/records/91120104MA06A2BN7T-天津海河软件服务股份有限公司.pdf";
  Run verify = run_program("--workspace ws verify " + quote(sheet), tmp.path());
  CHECK(verify.code == 0);
  CHECK(verify.out.find("matches") != std::string::npos);

  REQUIRE(
      run_program("--workspace ws import --kind enterprise " + quote(corrected), tmp.path()).code ==
      0);
  verify = run_program("--workspace ws verify " + quote(sheet), tmp.path());
  CHECK(verify.code == 65);
  CHECK(verify.out.find("changed: 服务外包业务收入") != std::string::npos);
  CHECK(verify.out.find("TJ-2020-E-") != std::string::npos);

  REQUIRE(run_program("--workspace ws packet --out third", tmp.path()).code == 0);
  const auto third = t::files_under(tmp.path() / "third");
  REQUIRE(third.size() == first.size());
  std::set<std::string> changed;
  for (const auto& [name, bytes] : first) {
    if (third.at(name) != bytes)
      changed.insert(name);
  }
  CHECK(changed ==
        std::set<std::string>{"天津市2020年推荐材料包.pdf", "records/manifest.csv",
                              "records/服务外包企业推荐汇总表.pdf",
                              "records/91120104MA06A2BN7T-天津海河软件服务股份有限公司.pdf"});
  // In the manifest, only that record's row and the summary's row differ.
  auto rows = [](const std::string& csv) {
    std::set<std::string> out;
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);)
      out.insert(line);
    return out;
  };
  auto before = rows(first.at("records/manifest.csv")),
       after = rows(third.at("records/manifest.csv"));
  std::vector<std::string> gone;
  for (const auto& row : before) {
    if (!after.count(row))
      gone.push_back(row);
  }
  REQUIRE(gone.size() == 2);
  auto any_row = [&](const std::string& text) {
    return std::any_of(gone.begin(), gone.end(),
                       [&](const std::string& row) { return row.find(text) != std::string::npos; });
  };
  CHECK(any_row("服务外包企业推荐汇总表.pdf"));
  CHECK(any_row("91120104MA06A2BN7T"));
}

TEST_CASE("summary of 200 enterprises: header and 共 Y 页 on every page, totals as stored") {
  t::TempDir tmp;
  REQUIRE(run_program("init ws", tmp.path()).code == 0);
  // 200 eligible enterprises in eight districts, with varied revenue and staff.
  const char* districts[] = {"和平区", "河东区", "河西区", "南开区",
                             "河北区", "红桥区", "东丽区", "西青区"};
  Poco::JSON::Array all;
  long long revenue_total = 0, staff_total = 0;
  for (int i = 0; i < 200; ++i) {
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object;
    char serial[16];
    std::snprintf(serial, sizeof serial, "%08d", 10000 + i);
    e->set("name", "天津测试" + std::to_string(i + 1) + "号服务外包有限公司");
    e->set("credit_code", with_check_character(std::string("911201") + "MA" + serial + "Q"));
    e->set("hq_region", "天津市");
    e->set("delivery_region", "天津市");
    e->set("district", districts[i % 8]);
    e->set("legal_rep", "张三");
    e->set("founded", "2010-01-01");
    e->set("ownership", "民营企业");
    e->set("as_parent", false);
    const int staff = 300 + (i * 37) % 900;
    const long long revenue = 3000 + (i * 1777) % 50000;
    e->set("staff_total", staff + 50);
    e->set("staff_outsourcing", staff);
    e->set("revenue", revenue);
    revenue_total += revenue;
    staff_total += staff;
    Poco::JSON::Array::Ptr industries = new Poco::JSON::Array;
    industries->add("FIN");
    e->set("industries", industries);
    Poco::JSON::Array::Ptr areas = new Poco::JSON::Array;
    areas->add("ITO.SW.01");
    e->set("function_areas", areas);
    e->set("audit_report", true);
    e->set("contact_name", "李四");
    e->set("contact_phone", "022-58665632");
    e->set("contact_email", "info" + std::to_string(i) + "@example.com");
    e->set("address", "天津市南开区测试路" + std::to_string(i + 1) + "号");
    e->set("postcode", "300100");
    all.add(e);
  }
  {
    std::ofstream out(tmp / "many.json");
    all.stringify(out);
  }
  const Run imported = run_program("--workspace ws import --kind enterprise many.json", tmp.path());
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  const Run run = run_program("--workspace ws packet --out out", tmp.path());
  INFO(run.err);
  REQUIRE(run.code == 0);

  const std::string summary =
      (tmp.path() / "out" / "records" / "服务外包企业推荐汇总表.pdf").string();
  auto lines = t::read_lines(summary);
  std::map<int, std::string> pages;
  for (const auto& line : lines)
    pages[line.page] += t::strip_space(line.text());
  const int y = static_cast<int>(pages.size());
  REQUIRE(y >= 5);
  for (const auto& [page, text] : pages) {
    INFO("page " << page + 1);
    CHECK(text.find("序号") != std::string::npos);
    CHECK(text.find("统一社会信用代码") != std::string::npos);
    CHECK(text.find("第" + std::to_string(page + 1) + "页共" + std::to_string(y) + "页") !=
          std::string::npos);
  }
  // The totals row: the sums of the stored figures.
  const std::string last = pages.at(y - 1) + pages.at(y - 2);
  CHECK(last.find(tuijie::merge::format_value(std::to_string(revenue_total), "money")) !=
        std::string::npos);
  CHECK(last.find(tuijie::merge::format_value(std::to_string(staff_total), "integer")) !=
        std::string::npos);
  // Every enterprise is listed once.
  std::string all_text;
  for (const auto& [page, text] : pages)
    all_text += text;
  for (int i = 1; i <= 200; ++i) {
    const std::string name = "天津测试" + std::to_string(i) + "号服务外包有限公司";
    INFO(name);
    CHECK(all_text.find(name) != std::string::npos);
  }
}
