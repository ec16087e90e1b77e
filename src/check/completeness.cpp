#include "check/completeness.hpp"

#include "check/record_fields.hpp"

namespace tuijie::check {

namespace {

void require_enclosure(const records::Record& record, const char* field, const std::string& zh,
                       const std::string& en, Evaluation& evaluation) {
  if (record.get(field) == fields::kYes) {
    return;
  }
  const std::string& marked = record.get(field);
  const std::string shown = marked.empty() ? "空" : marked;
  evaluation.complete = false;
  evaluation.incomplete.push_back(
      {"enclosure-missing", field, zh + " 未附（标记为“" + shown + "”，应为“是”）",
       en + " is not enclosed (marked \"" + (marked.empty() ? std::string("empty") : marked) +
           "\", must be 是)"});
}

}  // namespace

void check_enterprise_enclosures(const records::Record& record, Evaluation& evaluation) {
  require_enclosure(record, fields::kAuditReport, "审计报告", "the audit report", evaluation);
  if (record.get(fields::kAsParent) == fields::kYes) {
    require_enclosure(record, fields::kConsolidated, "合并报表（以总公司或母公司名义申报）",
                      "the consolidated statements (applying as the parent company)", evaluation);
  }
}

void check_legal_person_proof(const records::Record& record, Evaluation& evaluation) {
  require_enclosure(record, fields::kLegalPersonProof, "法人证明材料",
                    "the legal-person certificate", evaluation);
}

}  // namespace tuijie::check
