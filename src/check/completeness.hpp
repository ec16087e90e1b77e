// The required enclosures of the organisation track (records.md, "Complete"): each must be
// marked 是. Required fields are already checked when a record is imported.
#pragma once

#include "check/evaluation.hpp"

namespace tuijie::check {

/// 审计报告, and 合并报表 when applying in the parent company's name.
void check_enterprise_enclosures(const records::Record& record, Evaluation& evaluation);

/// 法人证明材料, for parks and training institutions.
void check_legal_person_proof(const records::Record& record, Evaluation& evaluation);

}  // namespace tuijie::check
