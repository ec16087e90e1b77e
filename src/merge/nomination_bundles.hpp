// The person track's nomination bundles (documents.md, 候选人申报表): the candidates grouped
// by the body that nominates them (推荐机构), each group sent with a list of names in front;
// a candidate who nominates themselves (个人自荐) is a bundle alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/record.hpp"
#include "records/schema.hpp"

namespace tuijie::merge {

/// The candidate field that names the nominating body.
inline constexpr const char* kNominatorField = "nominator";

struct NominationBundle {
  std::string nominator;                    // the nominating body; "" for a self-nomination
  std::vector<records::Record> candidates;  // in the order the list prints them
  /// Names the bundle across runs, so that its list keeps its number: "nominator|" + the
  /// body's name, or "self|" + the self-nominated candidate's record key.
  std::string key;
};

/// When a candidate stands alone: the schema's condition under which no nominator is
/// required (channel 个人自荐), so that the rule lives with the data; nullopt without one.
std::optional<records::Condition> self_nomination_rule(const records::Schema* schema);

/// The candidates in bundles: one per nominating body, the bodies in Chinese dictionary order
/// of their names; then one per candidate without a body (no nominator, or `alone_when`
/// holds). Candidates are ordered by `order_by` (field names), then record key: inside each
/// bundle, and among the self-nominations.
std::vector<NominationBundle> group_by_nominator(
    const std::vector<records::Record>& candidates, const std::vector<std::string>& order_by,
    const std::optional<records::Condition>& alone_when);

}  // namespace tuijie::merge
