#include "check/enterprise_rules.hpp"

#include <optional>

#include "check/record_fields.hpp"

namespace tuijie::check {

namespace {

void add_ineligible(Evaluation& evaluation, Reason reason) {
  evaluation.eligible = false;
  evaluation.ineligible.push_back(std::move(reason));
}

// A figure the criteria need but the record lacks or holds unreadably; import normally
// prevents this, so it is reported rather than guessed.
std::optional<Decimal> figure(const records::Record& record, const char* field, const char* name_zh,
                              const char* name_en, Evaluation& evaluation) {
  const std::string& text = record.get(field);
  std::optional<Decimal> value = Decimal::parse(text);
  if (!value) {
    evaluation.complete = false;
    evaluation.incomplete.push_back(
        {"figure-unreadable", field, std::string(name_zh) + " 缺失或无法读取：“" + text + "”",
         std::string(name_en) + " is missing or unreadable: \"" + text + "\""});
  }
  return value;
}

void check_region(const records::Record& record, const char* field, const Rules& rules,
                  const char* name_zh, const char* name_en, Evaluation& evaluation) {
  const std::string& region = record.get(field);
  if (rules.provinces.empty()) {
    add_ineligible(evaluation,
                   {"region-unconfirmed", field,
                    std::string(name_zh) + " " + region + " 无法核对（缺少省级行政区名单）",
                    std::string(name_en) + " " + region +
                        " cannot be confirmed (the list of provinces is missing)"});
  } else if (!rules.provinces.contains(region)) {
    add_ineligible(evaluation, {"region-outside-china", field,
                                std::string(name_zh) + " " + region + " 不在中国境内",
                                std::string(name_en) + " " + region + " is not in China"});
  }
}

}  // namespace

void check_enterprise_eligibility(const records::Record& record, const Rules& rules,
                                  Evaluation& evaluation) {
  const OrganisationThresholds& t = rules.organisation;
  const std::string& unit = t.money_unit;
  if (t.hq_in_china) {
    check_region(record, fields::kHqRegion, rules, "总部所在地", "headquarters", evaluation);
  }
  if (t.delivery_in_china) {
    check_region(record, fields::kDeliveryRegion, rules, "交付中心所在地", "delivery centre",
                 evaluation);
  }

  const std::optional<Decimal> revenue =
      figure(record, fields::kRevenue, "服务外包业务收入", "outsourcing revenue", evaluation);
  const std::optional<Decimal> staff = figure(record, fields::kStaffOutsourcing, "服务外包从业人数",
                                              "outsourcing staff", evaluation);
  if (revenue && *revenue < t.revenue_min) {
    add_ineligible(evaluation, {"revenue-below-minimum", fields::kRevenue,
                                "服务外包业务收入 " + revenue->to_string() + " " + unit +
                                    "，低于 " + t.revenue_min.to_string() + " " + unit,
                                "outsourcing revenue " + revenue->to_grouped_string() + " " + unit +
                                    " is below " + t.revenue_min.to_grouped_string() + " " + unit});
  }
  if (!revenue || !staff || *staff >= t.staff_min) {
    return;
  }
  // Under staff_min: the per-capita criterion decides, revenue ≥ per-capita minimum × staff.
  // With nobody on the staff there is no per-capita revenue at all, and 0 × minimum must not
  // let a firm through.
  const std::optional<std::int64_t> head_count = staff->as_integer();
  if (head_count && *head_count <= 0) {
    add_ineligible(evaluation, {"per-capita-undefined", fields::kStaffOutsourcing,
                                "服务外包从业人数 " + staff->to_string() + " 人，少于 " +
                                    t.staff_min.to_string() + " 人，且无从计算人均服务外包业务收入",
                                "outsourcing staff " + staff->to_grouped_string() + " is below " +
                                    t.staff_min.to_grouped_string() +
                                    " and there is no revenue per outsourcing employee"});
    return;
  }
  if (head_count && t.revenue_per_staff_min.times_at_most(*head_count, *revenue)) {
    return;
  }
  const std::string per_capita =
      head_count ? revenue->divided_truncated(*head_count, 2).to_string() : "0";
  add_ineligible(
      evaluation,
      {"per-capita-below-minimum", fields::kStaffOutsourcing,
       "服务外包从业人数 " + staff->to_string() + " 人，少于 " + t.staff_min.to_string() +
           " 人，且人均服务外包业务收入 " + per_capita + " " + unit + "，低于 " +
           t.revenue_per_staff_min.to_string() + " " + unit,
       "outsourcing staff " + staff->to_grouped_string() + " is below " +
           t.staff_min.to_grouped_string() + " and revenue per outsourcing employee " + per_capita +
           " " + unit + " is below " + t.revenue_per_staff_min.to_grouped_string() + " " + unit});
}

}  // namespace tuijie::check
