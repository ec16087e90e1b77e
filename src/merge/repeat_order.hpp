// The order a template prints a record set in, for a job that must print other documents in
// the same order: the packet binds each kind's sheets in the order of its summary's 序号.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "merge/compiled_template.hpp"
#include "records/record.hpp"

namespace tuijie::merge {

/// `records` (the set named `set`) in the order of the template's first
/// `<repeat records="set">`: its order-by, text-order and first-order, read with `globals`.
/// Unchanged when the template has no such repeat.
std::vector<records::Record> in_repeat_order(const CompiledTemplate& tpl, const std::string& set,
                                             std::vector<records::Record> records,
                                             const std::map<std::string, std::string>& globals);

}  // namespace tuijie::merge
