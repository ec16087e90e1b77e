// Award results resolved to stored records: each way a committee names a winner, and each way
// a row can fail to name exactly one.
#include <catch2/catch.hpp>

#include <fstream>

#include "records/result_matching.hpp"
#include "store/campaign.hpp"

namespace tuijie::records {
namespace {

Record make(const std::string& kind, const std::string& key,
            std::map<std::string, std::string> fields) {
  return Record{kind, key, std::move(fields), {}};
}

const std::vector<ResultCategory> kCategories = {{"领军企业", "enterprise"},
                                                 {"杰出人物", "candidate"}};

std::map<std::string, std::vector<Record>> stored() {
  return {{"enterprise",
           {make("enterprise", "91120116MA05N8XB6L",
                 {{"name", "天津泰达供应链"}, {"credit_code", "91120116MA05N8XB6L"}}),
            make("enterprise", "91120104MA06A2BN7T",
                 {{"name", "天津海河软件"}, {"credit_code", "91120104MA06A2BN7T"}}),
            make("enterprise", "91120101MA06G4UX0Q",
                 {{"name", "天津海河软件"}, {"credit_code", "91120101MA06G4UX0Q"}})}},
          {"candidate",
           {make("candidate", "P-001", {{"candidate_id", "P-001"}, {"name", "陈立峰"}}),
            make("candidate", "P-002",
                 {{"candidate_id", "P-002"}, {"name", "王伟"}, {"phone", "13800000001"}}),
            make("candidate", "P-003",
                 {{"candidate_id", "P-003"}, {"name", "王伟"}, {"phone", "13800000002"}})}}};
}

Record result(std::map<std::string, std::string> fields) {
  return make("result", "k", std::move(fields));
}

ResultMatching match(const std::vector<Record>& rows) {
  std::vector<long> numbers;
  for (size_t i = 0; i < rows.size(); ++i)
    numbers.push_back(static_cast<long>(i) + 2);  // row 1 is the header
  return match_results(rows, numbers, "results.csv", kCategories, stored());
}

}  // namespace

TEST_CASE(
    "results name organisations by credit code or name and persons by number or name or phone") {
  const auto matched = match({
      result({{"category", "领军企业"}, {"name", "天津泰达供应链"}}),
      result({{"category", "领军企业"},
              {"name", "天津海河软件"},
              {"credit_code", "91120101MA06G4UX0Q"}}),
      result({{"category", "杰出人物"}, {"name", "陈立峰"}, {"candidate_id", "P-001"}}),
      result({{"category", "杰出人物"}, {"name", "王伟"}, {"phone", "13800000002"}}),
  });
  REQUIRE(matched.diagnostics.empty());
  REQUIRE(matched.results.size() == 4);
  CHECK(matched.results[0].get("winner_key") == "91120116MA05N8XB6L");
  CHECK(matched.results[0].key == "领军企业|enterprise|91120116MA05N8XB6L");
  CHECK(matched.results[1].get("winner_key") == "91120101MA06G4UX0Q");
  CHECK(matched.results[2].get("winner_kind") == "candidate");
  CHECK(matched.results[2].get("winner_key") == "P-001");
  CHECK(matched.results[3].get("winner_key") == "P-003");
}

TEST_CASE("a result row that names no record or several is an error naming row and value") {
  auto only_error = [](const Record& row) {
    const auto matched =
        match({result({{"category", "领军企业"}, {"name", "天津泰达供应链"}}), row});
    CHECK(matched.results.empty());  // one bad row: nothing at all
    REQUIRE(matched.diagnostics.size() == 1);
    CHECK(matched.diagnostics[0].row == 3);
    CHECK(matched.diagnostics[0].file == "results.csv");
    return matched.diagnostics[0];
  };
  auto d = only_error(result({{"category", "领军企业"}, {"name", "天津某某公司"}}));
  CHECK(d.code == "result-no-match");
  CHECK(d.value == "天津某某公司");
  CHECK(d.column_name == "名称");
  d = only_error(result({{"category", "领军企业"}, {"name", "天津海河软件"}}));
  CHECK(d.code == "result-ambiguous");
  CHECK(d.reason_zh.find("统一社会信用代码") != std::string::npos);
  d = only_error(result({{"category", "领军企业"},
                         {"name", "天津泰达供应链"},
                         {"credit_code", "91120104MA06A2BN7T"}}));
  CHECK(d.code == "result-name-mismatch");
  CHECK(d.reason_zh.find("天津海河软件") != std::string::npos);
  d = only_error(result({{"category", "杰出人物"}, {"name", "王伟"}}));
  CHECK(d.code == "result-ambiguous");
  CHECK(d.reason_en.find("phone") != std::string::npos);
  d = only_error(result({{"category", "杰出人物"}, {"name", "王伟"}, {"phone", "13900000000"}}));
  CHECK(d.code == "result-no-match");
  d = only_error(result({{"category", "杰出人物"}, {"name", "王伟"}, {"candidate_id", "P-001"}}));
  CHECK(d.code == "result-name-mismatch");
  d = only_error(result({{"category", "杰出人物"}, {"name", "赵六"}, {"candidate_id", "P-999"}}));
  CHECK(d.code == "result-no-match");
  CHECK(d.value == "P-999");
  d = only_error(result({{"category", "最佳园区"}, {"name", "某园区"}}));
  CHECK(d.code == "result-category-unknown");
  CHECK(d.reason_zh.find("领军企业、杰出人物") != std::string::npos);
  d = only_error(result({{"category", "领军企业"},
                         {"name", "天津泰达供应链"},
                         {"credit_code", "91120116MA05N8XB6L"}}));
  CHECK(d.code == "result-duplicate");
  CHECK(d.reason_en.find("row 2") != std::string::npos);
}

TEST_CASE(
    "campaign awards with unknown kinds or repeated names or unknown name orders are refused") {
  const std::string good = std::string(TUIJIE_SOURCE_DIR) + "/data/campaigns/tianjin-2020.json";
  std::ifstream in(good);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto campaign = store::Campaign::parse(text, "tianjin-2020.json");
  REQUIRE(campaign.award_categories().size() >= 4);
  CHECK(campaign.award_categories().back().kind == "candidate");
  auto problem_with = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    const size_t at = changed.find(from);
    REQUIRE(at != std::string::npos);
    changed.replace(at, from.size(), to);
    try {
      store::Campaign::parse(changed, "bad.json");
    } catch (const TuijieError& e) {
      return e.diagnostics().front().column_name;
    }
    return std::string("loaded");
  };
  CHECK(problem_with(R"("kind": "park")", R"("kind": "garden")") == "awards.categories.3.kind");
  CHECK(problem_with(R"("name": "中国服务外包最佳园区")", R"("name": "中国服务外包领军企业")") ==
        "awards.categories.3.name");
  CHECK(problem_with(R"("name_order": "pinyin")", R"("name_order": "alphabet")") ==
        "awards.name_order");
}

}  // namespace tuijie::records
