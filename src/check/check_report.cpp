#include "check/check_report.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <ostream>

#include "core/csv_writer.hpp"
#include "core/message_text.hpp"

namespace tuijie::check {

namespace {

std::string pick(Lang lang, const std::string& zh, const std::string& en) {
  return lang == Lang::Zh ? zh : en;
}

std::string verdict(const Evaluation& e, Lang lang) {
  const std::string completeness =
      e.complete ? pick(lang, "完整", "complete") : pick(lang, "不完整", "incomplete");
  const std::string eligibility =
      e.eligible ? pick(lang, "符合条件", "eligible") : pick(lang, "不符合条件", "ineligible");
  return completeness + pick(lang, "，", ", ") + eligibility;
}

std::string days_text(long days, Lang lang) {
  if (days == 0) {
    return pick(lang, "今天截止", "due today");
  }
  const std::string n = std::to_string(days < 0 ? -days : days);
  const std::string plural = (days == 1 || days == -1) ? " day" : " days";
  return days > 0 ? pick(lang, "还剩 " + n + " 天", n + plural + " left")
                  : pick(lang, "已逾期 " + n + " 天", n + plural + " overdue");
}

std::string joined(const std::vector<Reason>& reasons, bool zh) {
  std::string text;
  for (const Reason& r : reasons) {
    text += (text.empty() ? "" : "; ") + (zh ? r.text_zh : r.text_en);
  }
  return text;
}

Poco::JSON::Array::Ptr reasons_json(const std::vector<Reason>& reasons) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const Reason& r : reasons) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("code", r.code);
    item->set("field", r.field);
    item->set("zh", r.text_zh);
    item->set("en", r.text_en);
    list->add(item);
  }
  return list;
}

}  // namespace

bool CheckReport::all_recommendable() const {
  return std::ranges::all_of(records,
                             [](const RecordResult& r) { return r.evaluation.recommendable(); });
}

void write_text(const CheckReport& report, Lang lang, std::ostream& out) {
  if (report.records.empty()) {
    out << pick(lang, "工作区中没有记录", "the workspace holds no records") << '\n';
  }
  // The report is read on a terminal: a key, name or reason (which may quote a value) with
  // an ESC sequence or a bidi override in it is shown escaped, as messages are.
  const auto safe = [](const std::string& text) { return message_text::escape_controls(text); };
  for (const RecordResult& r : report.records) {
    out << r.kind << ' ' << safe(r.key)
        << (r.name.empty() || r.name == r.key ? "" : " " + safe(r.name)) << pick(lang, "：", ": ")
        << verdict(r.evaluation, lang) << '\n';
    for (const auto* reasons : {&r.evaluation.incomplete, &r.evaluation.ineligible}) {
      for (const Reason& reason : *reasons) {
        out << "  - " << safe(pick(lang, reason.text_zh, reason.text_en)) << '\n';
      }
    }
  }
  out << '\n'
      << pick(lang, "截止日期（截至 " + report.as_of + "）：",
              "Deadlines as of " + report.as_of + ":")
      << '\n';
  for (const Deadline& d : report.deadlines) {
    out << "  " << d.date << ' ' << pick(lang, d.label_zh, d.label_en) << pick(lang, "：", ": ")
        << days_text(d.days_left, lang) << '\n';
  }
}

void write_csv(const CheckReport& report, std::ostream& out) {
  csv::Writer csv(out);
  csv.row({"kind", "key", "name", "complete", "eligible", "reasons_zh", "reasons_en"});
  for (const RecordResult& r : report.records) {
    std::vector<Reason> reasons = r.evaluation.incomplete;
    reasons.insert(reasons.end(), r.evaluation.ineligible.begin(), r.evaluation.ineligible.end());
    csv.row({r.kind, r.key, r.name, r.evaluation.complete ? "是" : "否",
             r.evaluation.eligible ? "是" : "否", joined(reasons, true), joined(reasons, false)});
  }
  csv.blank_line();
  csv.row({"deadline", "label_zh", "label_en", "date", "days_left"});
  for (const Deadline& d : report.deadlines) {
    csv.row({d.key, d.label_zh, d.label_en, d.date, std::to_string(d.days_left)});
  }
}

void write_json(const CheckReport& report, std::ostream& out) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("as_of", report.as_of);
  Poco::JSON::Array::Ptr records = new Poco::JSON::Array;
  for (const RecordResult& r : report.records) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("kind", r.kind);
    item->set("key", r.key);
    item->set("name", r.name);
    item->set("complete", r.evaluation.complete);
    item->set("eligible", r.evaluation.eligible);
    item->set("incomplete", reasons_json(r.evaluation.incomplete));
    item->set("ineligible", reasons_json(r.evaluation.ineligible));
    records->add(item);
  }
  root.set("records", records);
  Poco::JSON::Array::Ptr deadlines = new Poco::JSON::Array;
  for (const Deadline& d : report.deadlines) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("key", d.key);
    item->set("label_zh", d.label_zh);
    item->set("label_en", d.label_en);
    item->set("date", d.date);
    item->set("days_left", d.days_left);
    deadlines->add(item);
  }
  root.set("deadlines", deadlines);
  root.stringify(out, 2);
  out << '\n';
}

}  // namespace tuijie::check
