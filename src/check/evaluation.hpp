// Whether a stored record is complete and eligible (推介标准), and why not, in both languages.
//
// records.md: "Complete" — every required enclosure is marked 是 (审计报告; 合并报表 when
// applying as the parent; 法人证明材料 for parks and institutions). "Eligible" — the
// campaign's criteria for the kind: the enterprise thresholds, the candidates' VP rule; parks
// and institutions have no numeric criteria, so for them complete means recommendable.
#pragma once

#include <string>
#include <vector>

#include "check/rules.hpp"
#include "records/record.hpp"

namespace tuijie::check {

struct Reason {
  std::string code;   // stable, e.g. "revenue-below-minimum"
  std::string field;  // the record field it is about, e.g. "revenue"
  std::string text_zh;  // names the figures: "服务外包业务收入 2800 万元，低于 3000 万元"
  std::string text_en;  // "outsourcing revenue 2,800 万元 is below 3,000 万元"
  bool operator==(const Reason&) const = default;
};

struct Evaluation {
  bool complete = true;
  std::vector<Reason> incomplete;
  bool eligible = true;
  std::vector<Reason> ineligible;

  /// Complete and eligible: the record may be recommended.
  bool recommendable() const { return complete && eligible; }
};

/// Evaluates one record of any kind; kinds without rules are complete and eligible.
Evaluation evaluate(const records::Record& record, const Rules& rules);

}  // namespace tuijie::check
