#include "store/evaluations.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "core/diagnostic.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

constexpr const char* kConcernsComplete = "complete";
constexpr const char* kConcernsEligible = "eligible";

void add_reasons(Poco::JSON::Array& array, const std::vector<VerdictReason>& reasons,
                 const char* concerns) {
  for (const VerdictReason& reason : reasons) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    object->set("concerns", std::string(concerns));
    object->set("code", reason.code);
    object->set("field", reason.field);
    object->set("zh", reason.zh);
    object->set("en", reason.en);
    array.add(object);
  }
}

std::string text_member(const Poco::JSON::Object::Ptr& object, const std::string& name) {
  if (!object->has(name) || !object->get(name).isString()) {
    throw Poco::DataFormatException("a reason has no text \"" + name + "\"");
  }
  return object->getValue<std::string>(name);
}

}  // namespace

std::string reasons_to_json(const Verdict& verdict) {
  Poco::JSON::Array array;
  add_reasons(array, verdict.incomplete, kConcernsComplete);
  add_reasons(array, verdict.ineligible, kConcernsEligible);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

void reasons_from_json(const std::string& json, Verdict& verdict) {
  verdict.incomplete.clear();
  verdict.ineligible.clear();
  try {
    const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(json);
    if (parsed.type() != typeid(Poco::JSON::Array::Ptr)) {
      throw Poco::DataFormatException("the reasons are not an array");
    }
    const auto array = parsed.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto object = array->getObject(static_cast<unsigned>(i));
      if (object.isNull()) {
        throw Poco::DataFormatException("a reason is not an object");
      }
      VerdictReason reason{text_member(object, "code"), text_member(object, "field"),
                           text_member(object, "zh"), text_member(object, "en")};
      const std::string concerns = text_member(object, "concerns");
      if (concerns == kConcernsComplete) {
        verdict.incomplete.push_back(std::move(reason));
      } else if (concerns == kConcernsEligible) {
        verdict.ineligible.push_back(std::move(reason));
      } else {
        throw Poco::DataFormatException("a reason concerns \"" + concerns + "\"");
      }
    }
  } catch (const Poco::Exception& e) {
    throw TuijieError(
        make_error("workspace-unreadable", "工作区中的检查结果已损坏：" + e.displayText(),
                   "an evaluation in the workspace is damaged: " + e.displayText(), "", json));
  }
}

void write_evaluations(Poco::Data::Session& db, const std::vector<RecordVerdict>& verdicts,
                       const std::string& campaign_sha256, const std::string& when) {
  if (verdicts.empty()) {
    return;
  }
  // Column vectors for one bulk statement.
  std::vector<std::string> kinds, keys, reasons;
  std::vector<int> complete, eligible;
  for (const RecordVerdict& v : verdicts) {
    kinds.push_back(v.kind);
    keys.push_back(v.record_key);
    complete.push_back(v.verdict.complete ? 1 : 0);
    eligible.push_back(v.verdict.eligible ? 1 : 0);
    reasons.push_back(reasons_to_json(v.verdict));
  }
  std::vector<std::string> shas(verdicts.size(), campaign_sha256);
  std::vector<std::string> times(verdicts.size(), when);
  db << "INSERT OR REPLACE INTO evaluations (kind, record_key, complete, eligible, reasons, "
        "campaign_sha256, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      use(kinds), use(keys), use(complete), use(eligible), use(reasons), use(shas), use(times), now;
}

std::vector<StoredEvaluation> read_evaluations(Poco::Data::Session& db, const std::string& kind) {
  std::string k = kind;
  std::vector<std::string> keys, reasons, shas, times;
  std::vector<int> complete, eligible;
  db << "SELECT e.record_key, e.complete, e.eligible, e.reasons, e.campaign_sha256, "
        "e.evaluated_at FROM evaluations e JOIN records r "
        "ON r.kind = e.kind AND r.record_key = e.record_key WHERE e.kind = ? ORDER BY r.id",
      use(k), into(keys), into(complete), into(eligible), into(reasons), into(shas), into(times),
      now;
  std::vector<StoredEvaluation> out;
  out.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    StoredEvaluation evaluation{kind, keys[i], {}, shas[i], times[i]};
    evaluation.verdict.complete = complete[i] != 0;
    evaluation.verdict.eligible = eligible[i] != 0;
    reasons_from_json(reasons[i], evaluation.verdict);
    out.push_back(std::move(evaluation));
  }
  return out;
}

}  // namespace tuijie::store
