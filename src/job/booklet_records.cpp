#include "job/booklet_records.hpp"

#include <algorithm>
#include <map>

namespace tuijie::job {
BookletRecords booklet_records(store::Workspace& workspace) {
  BookletRecords out;
  const std::vector<store::AwardCategory> categories = workspace.campaign().award_categories();
  std::map<std::string, std::map<std::string, const records::Record*>> stored;  // kind -> key
  std::map<std::string, std::vector<records::Record>> by_kind;
  for (const store::AwardCategory& category : categories) {
    if (by_kind.count(category.kind))
      continue;
    by_kind[category.kind] = workspace.records(category.kind);
    for (const records::Record& record : by_kind[category.kind])
      stored[category.kind][record.key] = &record;
  }
  std::map<std::string, int> winners;  // per category
  std::vector<records::Record>& results = out.sets[kResultSet];
  for (const records::Record& result : workspace.records("result")) {
    const std::string& award = result.get("category");
    const std::string& kind = result.get("winner_kind");
    auto known = std::find_if(categories.begin(), categories.end(),
                              [&](const store::AwardCategory& c) { return c.name == award; });
    auto kind_records = stored.find(kind);
    const records::Record* winner = nullptr;
    if (kind_records != stored.end()) {
      auto it = kind_records->second.find(result.get("winner_key"));
      winner = it == kind_records->second.end() ? nullptr : it->second;
    }
    if (known == categories.end() || winner == nullptr) {
      Diagnostic d =
          known == categories.end()
              ? make_error(
                    "result-category-unknown",
                    "推介结果的奖项类别「" + award + "」不在活动文件的 awards 中",
                    "the result's category '" + award + "' is not among the campaign file's awards")
              : make_error("result-record-missing",
                           "推介结果指向的记录已不在工作区中，请重新导入该记录或推介结果",
                           "the record this result names is no longer stored; import it or "
                           "the results again");
      d.record = result.get("name");
      d.value = result.key;
      out.problems.push_back(std::move(d));
      continue;
    }
    out.sources["result"].push_back(result);
    auto& named = out.sources[kind];
    if (std::none_of(named.begin(), named.end(),
                     [&](const records::Record& r) { return r.key == winner->key; }))
      named.push_back(*winner);
    records::Record entry = *winner;
    entry.kind = kResultSet;
    entry.key = result.key;
    entry.fields["award"] = award;
    entry.fields["kind"] = kind;
    for (const char* own : {"citation", "order"}) {
      if (!result.get(own).empty())
        entry.fields[own] = result.get(own);
    }
    ++winners[award];
    results.push_back(std::move(entry));
  }
  std::vector<records::Record>& awards = out.sets[kAwardSet];
  for (const store::AwardCategory& category : categories) {
    if (!winners.count(category.name))
      continue;
    records::Record award;
    award.kind = kAwardSet;
    award.key = category.name;
    award.fields = {{"name", category.name},
                    {"kind", category.kind},
                    {"number", std::to_string(awards.size() + 1)},
                    {"count", std::to_string(winners[category.name])}};
    awards.push_back(std::move(award));
  }
  return out;
}

}  // namespace tuijie::job
