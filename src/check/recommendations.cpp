#include "check/recommendations.hpp"

#include "check/decimal.hpp"
#include "check/evaluation.hpp"
#include "check/rules.hpp"

namespace tuijie::check {
namespace {

// The organisation track's kinds (kinds.<kind>.track = organisation), in the file's order.
std::vector<std::string> organisation_kinds(const store::Campaign& campaign) {
  const std::string prefix = "campaign.kinds.";
  const std::string suffix = ".track";
  std::vector<std::string> kinds;
  for (const auto& [name, value] : campaign.globals()) {
    if (value == "organisation" && name.starts_with(prefix) && name.ends_with(suffix) &&
        name.size() > prefix.size() + suffix.size()) {
      kinds.push_back(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
    }
  }
  return kinds;
}

std::string per_capita(const records::Record& record) {
  auto revenue = check::Decimal::parse(record.get("revenue"));
  auto staff = check::Decimal::parse(record.get("staff_outsourcing"));
  auto count = staff ? staff->as_integer() : std::nullopt;
  if (!revenue || !count || *count <= 0)
    return {};
  // Six decimals, truncated: the template rounds it to what it prints ("money:2"). Truncating
  // at six never moves a quotient across the half of the second decimal.
  return revenue->divided_truncated(*count, check::Decimal::kScale).to_string();
}

std::string reasons_zh(const check::Evaluation& evaluation) {
  std::string text;
  for (const auto* list : {&evaluation.incomplete, &evaluation.ineligible}) {
    for (const check::Reason& reason : *list)
      text += (text.empty() ? "" : "；") + reason.text_zh;
  }
  return text;
}

}  // namespace

Recommendations recommendations(store::Workspace& workspace, const std::string& provinces_file,
                                bool include_ineligible) {
  Recommendations out;
  const store::Campaign& campaign = workspace.campaign();
  out.kinds = organisation_kinds(campaign);
  const check::Rules rules =
      check::rules_from_campaign(campaign, check::Provinces::load(provinces_file, out.problems));
  for (const std::string& kind : out.kinds) {
    std::vector<records::Record>& kept = out.records[kind];
    out.recommended[kind] = 0;
    for (records::Record& record : workspace.records(kind)) {
      const check::Evaluation evaluation = check::evaluate(record, rules);
      if (evaluation.recommendable())
        ++out.recommended[kind];
      else if (!include_ineligible)
        continue;
      record.fields["evaluation.eligible"] = evaluation.recommendable() ? "是" : "否";
      if (std::string reasons = reasons_zh(evaluation); !reasons.empty())
        record.fields["evaluation.reasons"] = reasons;
      if (kind == "enterprise") {
        if (std::string figure = per_capita(record); !figure.empty())
          record.fields["evaluation.per_capita"] = figure;
      }
      kept.push_back(std::move(record));
    }
  }
  return out;
}

}  // namespace tuijie::check
