#include "merge/nomination_bundles.hpp"

#include <algorithm>
#include <map>

#include "merge/record_sets.hpp"

namespace tuijie::merge {
namespace {

bool holds(const std::optional<records::Condition>& condition, const records::Record& record) {
  if (!condition)
    return false;
  const std::string& value = record.get(condition->field);
  return std::find(condition->values.begin(), condition->values.end(), value) !=
         condition->values.end();
}

}  // namespace

std::optional<records::Condition> self_nomination_rule(const records::Schema* schema) {
  if (schema == nullptr)
    return std::nullopt;
  const int index = schema->field_index(kNominatorField);
  if (index < 0)
    return std::nullopt;
  return schema->fields[static_cast<size_t>(index)].required_unless;
}

std::vector<NominationBundle> group_by_nominator(
    const std::vector<records::Record>& candidates, const std::vector<std::string>& order_by,
    const std::optional<records::Condition>& alone_when) {
  std::vector<records::Record> nominated, alone;
  for (const records::Record& candidate : candidates) {
    const bool self = candidate.get(kNominatorField).empty() || holds(alone_when, candidate);
    (self ? alone : nominated).push_back(candidate);
  }

  std::vector<std::string> by_body{kNominatorField};
  by_body.insert(by_body.end(), order_by.begin(), order_by.end());
  std::vector<NominationBundle> bundles;
  // By name, not by neighbourhood: two names the collation ranks equal stay two bundles.
  std::map<std::string, size_t> index_of;
  for (const records::Record* candidate : merge::ordered(nominated, by_body)) {
    const std::string& body = candidate->get(kNominatorField);
    auto [it, added] = index_of.emplace(body, bundles.size());
    if (added)
      bundles.push_back({body, {}, "nominator|" + body});
    bundles[it->second].candidates.push_back(*candidate);
  }
  for (const records::Record* candidate : merge::ordered(alone, order_by))
    bundles.push_back({"", {*candidate}, "self|" + candidate->key});
  return bundles;
}

}  // namespace tuijie::merge
