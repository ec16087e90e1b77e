#include "check/deadlines.hpp"

#include <chrono>

#include "core/diagnostic.hpp"
#include "store/dates.hpp"

namespace tuijie::check {

namespace {

std::optional<std::chrono::sys_days> parse_day(const std::string& text) {
  if (!store::is_iso_date(text)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day day{
      std::chrono::year{std::stoi(text.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  return std::chrono::sys_days{day};
}

struct DeadlineKey {
  const char* key;
  const char* label_zh;
  const char* label_en;
};

// The deadline keys of campaign file format 1 (data/README.md) and what each one is for.
constexpr DeadlineKey kDeadlineKeys[] = {
    {"organisation.deadlines.to_bureau", "申报单位向市商务局报送材料",
     "applicants' materials to the city bureau"},
    {"organisation.deadlines.to_committee", "市商务局向组委会推荐",
     "the bureau's recommendation to the committee"},
    {"person.deadline", "人物推介申报截止", "person nominations to the committee"},
};

}  // namespace

std::optional<long> days_between(const std::string& from, const std::string& to) {
  const auto start = parse_day(from);
  const auto end = parse_day(to);
  if (!start || !end) {
    return std::nullopt;
  }
  return static_cast<long>((*end - *start).count());
}

std::vector<Deadline> campaign_deadlines(const store::Campaign& campaign,
                                         const std::string& as_of) {
  if (!store::is_iso_date(as_of)) {
    throw TuijieError(make_error("bad-date", "不是有效日期（应写作 YYYY-MM-DD）",
                                 "not a real date (write YYYY-MM-DD)", "", as_of));
  }
  std::vector<Deadline> deadlines;
  for (const DeadlineKey& known : kDeadlineKeys) {
    const std::string date = campaign.get(known.key);
    const std::optional<long> days = days_between(as_of, date);
    if (days) {
      deadlines.push_back({known.key, known.label_zh, known.label_en, date, *days});
    }
  }
  return deadlines;
}

}  // namespace tuijie::check
