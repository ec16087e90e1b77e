#include "store/campaign.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include "core/diagnostic.hpp"
#include "store/test_support.hpp"

using tuijie::Diagnostic;
using tuijie::TuijieError;
using tuijie::store::Campaign;
namespace t = tuijie::testing;

namespace {

// The diagnostics a parse throws, or none when it succeeds.
tuijie::Diagnostics parse_problems(const std::string& text) {
  try {
    Campaign::parse(text, "test.json");
  } catch (const TuijieError& e) {
    return e.diagnostics();
  }
  return {};
}

bool names_key(const tuijie::Diagnostics& problems, const std::string& key) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const Diagnostic& d) { return d.column_name == key; });
}

std::string sha256sum(const std::string& path) {
  std::string command = "sha256sum '" + path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char hex[65] = {};
  REQUIRE(std::fread(hex, 1, 64, pipe) == 64);
  pclose(pipe);
  return hex;
}

}  // namespace

TEST_CASE("the Tianjin 2020 campaign file loads with both tracks") {
  const Campaign c = Campaign::load(t::tianjin_campaign_path());
  CHECK(c.file_name() == "tianjin-2020.json");
  CHECK(c.name() == "2020年中国数字服务暨服务外包领军企业推介");
  CHECK(c.get("city") == "天津市");
  CHECK(c.get("year") == "2020");
  CHECK(c.get("organisation.notice.number") == "中投促函〔2020〕25号");
  CHECK(c.get("organisation.deadlines.to_bureau") == "2020-07-10");
  CHECK(c.get("organisation.deadlines.to_committee") == "2020-07-15");
  CHECK(c.get("organisation.recommending_bureau.contact") == "张洋");
  CHECK(c.get("person.name") == "2020中国数字服务暨服务外包杰出贡献人物推介");
  CHECK(c.get("person.notice.number") == "中投促通〔2020〕21号");
  CHECK(c.get("person.deadline") == "2020-06-30");
  CHECK(c.get("person.contact.email") == "yangyixin@ccip.org.cn");
  CHECK(c.get("organisation.eligibility.revenue_min") == "3000");
  CHECK(c.age_date() == "2020-06-30");
  CHECK(c.template_for("candidate") == "templates/candidate-form.xml");
  CHECK(c.template_for("nonsense").empty());
  CHECK(c.get("no.such.key").empty());
}

TEST_CASE("campaign globals are dotted paths under campaign., with lists joined and counted") {
  const Campaign c = Campaign::load(t::tianjin_campaign_path());
  const auto& g = c.globals();
  CHECK(g.at("campaign.person.deadline") == "2020-06-30");
  CHECK(g.at("campaign.organisers.hosts") == "中国国际投资促进会、国际数据公司（IDC）");
  CHECK(g.at("campaign.organisers.hosts.count") == "2");
  CHECK(g.at("campaign.organisers.hosts.2") == "国际数据公司（IDC）");
  CHECK(g.at("campaign.organisation.committee_contacts.2.name") == "张翠英");
  // A list of objects has no joined form: it would mean nothing on paper.
  CHECK(g.count("campaign.organisation.committee_contacts") == 0);
  CHECK(g.at("campaign.organisation.eligibility.hq_in_china") == "true");
  for (const auto& [name, value] : g) {
    CHECK(name.rfind("campaign.", 0) == 0);
  }
}

TEST_CASE("the campaign's SHA-256 is that of the file's bytes") {
  const Campaign c = Campaign::load(t::tianjin_campaign_path());
  CHECK(c.sha256() == sha256sum(t::tianjin_campaign_path()));
  CHECK(c.content() == t::read_file(t::tianjin_campaign_path()));
}

TEST_CASE("a campaign file missing keys is refused with every missing key named") {
  const auto problems = parse_problems(R"({"format": 1, "name": "x"})");
  REQUIRE(problems.size() > 10);
  CHECK(names_key(problems, "person.deadline"));
  CHECK(names_key(problems, "dates.document"));
  CHECK_FALSE(names_key(problems, "name"));
  for (const Diagnostic& d : problems) {
    CHECK(d.code == "campaign-invalid");
    CHECK(d.file == "test.json");
    CHECK_FALSE(d.reason_zh.empty());
    CHECK_FALSE(d.reason_en.empty());
  }
}

TEST_CASE("campaign dates must be real dates and thresholds numbers") {
  auto problems = parse_problems(
      t::tianjin_campaign_with(R"("ages": "2020-06-30")", R"("ages": "2020-02-30")"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].column_name == "dates.ages");
  CHECK(problems[0].value == "2020-02-30");

  problems = parse_problems(
      t::tianjin_campaign_with(R"("deadline": "2020-06-30")", R"("deadline": "6月30日")"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].column_name == "person.deadline");

  problems = parse_problems(
      t::tianjin_campaign_with(R"("revenue_min": 3000)", R"("revenue_min": "三千")"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].column_name == "organisation.eligibility.revenue_min");
}

TEST_CASE("a campaign file of a newer format is refused") {
  const auto problems =
      parse_problems(t::tianjin_campaign_with(R"("format": 1)", R"("format": 2)"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].column_name == "format");
}

TEST_CASE("broken or unreadable campaign files give their own codes") {
  auto problems = parse_problems(R"({"format": 1,)");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "campaign-invalid");
  problems = parse_problems(R"(["not", "an", "object"])");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "campaign-invalid");

  t::TempDir dir;
  try {
    Campaign::load(dir / "absent.json");
    FAIL("no exception");
  } catch (const TuijieError& e) {
    CHECK(e.diagnostics().at(0).code == "campaign-missing");
  }
}

TEST_CASE("a campaign file saved with a byte-order mark still reads") {
  const std::string text = t::read_file(t::tianjin_campaign_path());
  const Campaign c = Campaign::parse("\xEF\xBB\xBF" + text, "bom.json");
  CHECK(c.get("city") == "天津市");
}
