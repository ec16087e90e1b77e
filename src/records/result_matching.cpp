#include "records/result_matching.hpp"

#include <algorithm>

namespace tuijie::records {
namespace {

// The Chinese name of a kind as the messages use it.
std::string kind_zh(const std::string& kind) {
  if (kind == "enterprise")
    return "企业";
  if (kind == "park")
    return "园区";
  if (kind == "institution")
    return "培训机构";
  return "候选人";
}

std::string kind_en(const std::string& kind) {
  if (kind == "institution")
    return "training institution";
  return kind;
}

struct RowContext {
  const std::string& file;
  long row;
};

Diagnostic row_error(const RowContext& at, const std::string& code, const std::string& column,
                     const std::string& value, std::string zh, std::string en) {
  Diagnostic d = make_error(code, std::move(zh), std::move(en), at.file, value);
  d.row = at.row;
  d.column_name = column;
  return d;
}

std::vector<const Record*> with_field(const std::vector<Record>& records, const std::string& field,
                                      const std::string& value) {
  std::vector<const Record*> out;
  for (const Record& r : records) {
    if (r.get(field) == value)
      out.push_back(&r);
  }
  return out;
}

// The one record a row names, or an error saying why there is none.
const Record* resolve(const Record& result, const ResultCategory& category,
                      const std::vector<Record>& candidates, const RowContext& at,
                      Diagnostics& problems) {
  const std::string& name = result.get("name");
  const std::string zh_kind = kind_zh(category.kind);
  const std::string en_kind = kind_en(category.kind);
  if (category.kind == "candidate") {
    if (const std::string& id = result.get("candidate_id"); !id.empty()) {
      auto found = with_field(candidates, "candidate_id", id);
      if (found.size() == 1 && found.front()->get("name") == name)
        return found.front();
      problems.push_back(
          found.empty() ? row_error(at, "result-no-match", "候选人编号", id,
                                    "候选人编号「" + id + "」未匹配任何已导入的候选人",
                                    "candidate number '" + id + "' matches no stored candidate")
                        : row_error(at, "result-name-mismatch", "名称", name,
                                    "候选人编号「" + id + "」的候选人是「" +
                                        found.front()->get("name") + "」，不是「" + name + "」",
                                    "candidate '" + id + "' is " + found.front()->get("name") +
                                        ", not " + name));
      return nullptr;
    }
    auto found = with_field(candidates, "name", name);
    if (const std::string& phone = result.get("phone"); !phone.empty() && found.size() > 1) {
      std::erase_if(found, [&](const Record* r) { return r->get("phone") != phone; });
      if (found.empty()) {
        problems.push_back(row_error(at, "result-no-match", "电话", phone,
                                     "没有姓名为「" + name + "」且电话为 " + phone + " 的候选人",
                                     "no stored candidate named " + name + " has phone " + phone));
        return nullptr;
      }
    }
    if (found.size() == 1)
      return found.front();
    problems.push_back(
        found.empty() ? row_error(at, "result-no-match", "名称", name,
                                  "「" + name + "」未匹配任何已导入的候选人",
                                  "'" + name + "' matches no stored candidate")
                      : row_error(at, "result-ambiguous", "名称", name,
                                  "「" + name + "」匹配 " + std::to_string(found.size()) +
                                      " 位候选人，请填写候选人编号或电话",
                                  "'" + name + "' matches " + std::to_string(found.size()) +
                                      " stored candidates; give the candidate number or phone"));
    return nullptr;
  }
  if (const std::string& code = result.get("credit_code"); !code.empty()) {
    auto found = with_field(candidates, "credit_code", code);
    if (found.size() == 1 && found.front()->get("name") == name)
      return found.front();
    if (found.size() == 1) {
      problems.push_back(row_error(at, "result-name-mismatch", "名称", name,
                                   "统一社会信用代码 " + code + " 的" + zh_kind + "是「" +
                                       found.front()->get("name") + "」，不是「" + name + "」",
                                   "the " + en_kind + " with credit code " + code + " is " +
                                       found.front()->get("name") + ", not " + name));
      return nullptr;
    }
    if (found.empty()) {
      problems.push_back(row_error(at, "result-no-match", "统一社会信用代码", code,
                                   "统一社会信用代码 " + code + " 未匹配任何已导入的" + zh_kind,
                                   "credit code " + code + " matches no stored " + en_kind));
      return nullptr;
    }
  }
  auto found = with_field(candidates, "name", name);
  if (found.size() == 1)
    return found.front();
  problems.push_back(found.empty()
                         ? row_error(at, "result-no-match", "名称", name,
                                     "「" + name + "」未匹配任何已导入的" + zh_kind,
                                     "'" + name + "' matches no stored " + en_kind)
                         : row_error(at, "result-ambiguous", "名称", name,
                                     "「" + name + "」匹配 " + std::to_string(found.size()) +
                                         " 个" + zh_kind + "，请填写统一社会信用代码",
                                     "'" + name + "' matches " + std::to_string(found.size()) +
                                         " stored " + en_kind + "s; give the credit code"));
  return nullptr;
}

}  // namespace

ResultMatching match_results(const std::vector<Record>& results, const std::vector<long>& rows,
                             const std::string& file, const std::vector<ResultCategory>& categories,
                             const std::map<std::string, std::vector<Record>>& stored) {
  ResultMatching out;
  static const std::vector<Record> kNone;
  std::map<std::string, long> first_row;  // resolved key -> the row that named it first
  for (size_t i = 0; i < results.size(); ++i) {
    const Record& result = results[i];
    const RowContext at{file, i < rows.size() ? rows[i] : 0};
    const std::string& award = result.get("category");
    auto category = std::find_if(categories.begin(), categories.end(),
                                 [&](const ResultCategory& c) { return c.name == award; });
    if (category == categories.end()) {
      std::string known;
      for (const ResultCategory& c : categories)
        known += (known.empty() ? "" : "、") + c.name;
      out.diagnostics.push_back(row_error(
          at, "result-category-unknown", "奖项类别", award,
          "活动文件的奖项类别中没有「" + award + "」（有：" + known + "）",
          "the campaign file has no award category '" + award + "' (it has: " + known + ")"));
      continue;
    }
    auto kind_records = stored.find(category->kind);
    const Record* winner =
        resolve(result, *category, kind_records == stored.end() ? kNone : kind_records->second, at,
                out.diagnostics);
    if (winner == nullptr)
      continue;
    Record resolved = result;
    resolved.fields["winner_kind"] = category->kind;
    resolved.fields["winner_key"] = winner->key;
    resolved.key = award + "|" + category->kind + "|" + winner->key;
    if (auto [it, fresh] = first_row.emplace(resolved.key, at.row); !fresh) {
      out.diagnostics.push_back(
          row_error(at, "result-duplicate", "名称", result.get("name"),
                    "与第 " + std::to_string(it->second) + " 行是同一奖项的同一获奖者",
                    "the same winner of the same category as row " + std::to_string(it->second)));
      continue;
    }
    out.results.push_back(std::move(resolved));
  }
  if (has_errors(out.diagnostics))
    out.results.clear();
  return out;
}

}  // namespace tuijie::records
