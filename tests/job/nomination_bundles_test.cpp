// Grouping candidates into nomination bundles, and the per-bundle numbers of their lists.
#include "merge/nomination_bundles.hpp"

#include <catch2/catch.hpp>

#include "job/document_identity.hpp"
#include "records/schema.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace t = tuijie::testing;
using tuijie::merge::group_by_nominator;
using tuijie::merge::NominationBundle;
using tuijie::records::Condition;
using tuijie::records::Record;

namespace {

Record candidate(const std::string& id, const std::string& channel, const std::string& nominator) {
  Record r;
  r.kind = "candidate";
  r.key = id;
  r.fields = {{"candidate_id", id}, {"channel", channel}, {"name", "候选人" + id}};
  if (!nominator.empty())
    r.fields["nominator"] = nominator;
  return r;
}

std::vector<std::string> keys_of(const NominationBundle& bundle) {
  std::vector<std::string> keys;
  for (const Record& r : bundle.candidates)
    keys.push_back(r.key);
  return keys;
}

const Condition kSelf{"channel", {"个人自荐"}};

}  // namespace

TEST_CASE("candidates of one nominating body share a bundle, bodies in pinyin order") {
  // 中 (zhōng, U+4E2D) sorts before 北 (běi, U+5317) by code point, after it by pinyin.
  const std::vector<Record> candidates = {
      candidate("P-3", "服务外包企业推荐", "中国甲公司"),
      candidate("P-1", "地方政府商务主管部门推荐", "北京市商务局"),
      candidate("P-2", "服务外包企业推荐", "中国甲公司"),
  };
  const auto bundles = group_by_nominator(candidates, {"candidate_id"}, kSelf);
  REQUIRE(bundles.size() == 2);
  CHECK(bundles[0].nominator == "北京市商务局");
  CHECK(keys_of(bundles[0]) == std::vector<std::string>{"P-1"});
  CHECK(bundles[1].nominator == "中国甲公司");
  CHECK(keys_of(bundles[1]) == std::vector<std::string>{"P-2", "P-3"});
  CHECK(bundles[1].key == "nominator|中国甲公司");
}

TEST_CASE("each self-nomination is a bundle alone, after the bodies'") {
  const std::vector<Record> candidates = {
      candidate("P-9", "个人自荐", ""),
      candidate("P-4", "服务外包企业推荐", "天津乙公司"),
      candidate("P-5", "个人自荐", ""),
      // The schema's rule makes a 个人自荐 stand alone even when a nominator was filled in.
      candidate("P-6", "个人自荐", "天津乙公司"),
  };
  const auto bundles = group_by_nominator(candidates, {"candidate_id"}, kSelf);
  REQUIRE(bundles.size() == 4);
  CHECK(keys_of(bundles[0]) == std::vector<std::string>{"P-4"});
  for (size_t i = 1; i < bundles.size(); ++i) {
    CHECK(bundles[i].nominator.empty());
    CHECK(bundles[i].candidates.size() == 1);
  }
  CHECK(bundles[1].key == "self|P-5");
  CHECK(bundles[2].key == "self|P-6");
  CHECK(bundles[3].key == "self|P-9");

  // Without a rule only an empty nominator makes a candidate stand alone.
  const auto loose = group_by_nominator(candidates, {"candidate_id"}, std::nullopt);
  REQUIRE(loose.size() == 3);
  CHECK(keys_of(loose[0]) == std::vector<std::string>{"P-4", "P-6"});
}

TEST_CASE("the self-nomination rule is read from the candidate schema") {
  const auto schema =
      tuijie::records::load_schema(std::string(TUIJIE_SOURCE_DIR) + "/data/records/candidate.json");
  const auto rule = tuijie::merge::self_nomination_rule(&schema);
  REQUIRE(rule.has_value());
  CHECK(rule->field == "channel");
  CHECK(rule->values == std::vector<std::string>{"个人自荐"});
  CHECK_FALSE(tuijie::merge::self_nomination_rule(nullptr).has_value());
}

TEST_CASE("a collection document keeps one number per group") {
  t::TempDir tmp;
  auto ws = tuijie::store::Workspace::create(tmp / "ws", t::tianjin_campaign_path());
  using tuijie::job::stamp_collection;
  const auto& campaign = ws.campaign();
  tuijie::store::NumberPlan plan(ws, tuijie::job::number_digits(campaign));
  const auto a = stamp_collection(campaign, plan, "nomination_list", "{}", "nominator|甲");
  const auto b = stamp_collection(campaign, plan, "nomination_list", "{}", "nominator|乙");
  const auto s = stamp_collection(campaign, plan, "summary", "{}");
  CHECK(a.number != b.number);
  CHECK(a.number.find("-N-") != std::string::npos);  // the campaign's letter for lists
  tuijie::store::record_printings(ws, {a.printed(), b.printed(), s.printed()}, {});

  // A later run finds the numbers the first one recorded, whatever the documents list now.
  tuijie::store::NumberPlan later(ws, tuijie::job::number_digits(campaign));
  CHECK(stamp_collection(campaign, later, "nomination_list", "{\"x\":1}", "nominator|甲").number ==
        a.number);
  // Without a group, a kind has one number, whatever it lists.
  CHECK(stamp_collection(campaign, later, "summary", "{\"y\":2}").number == s.number);
}
