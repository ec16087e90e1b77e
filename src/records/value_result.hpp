// The outcome of parsing one cell value: its canonical form, or why it is not acceptable.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <optional>

#include "core/diagnostic.hpp"
#include "records/source_table.hpp"

namespace tuijie::records {

/// A problem with one value, before it is placed (file, row, column) by the caller.
struct ValueProblem {
  Severity severity = Severity::Error;
  std::string code;  // stable, e.g. "bad-date"
  std::string reason_zh;
  std::string reason_en;
  std::string value;  // the part of the cell at fault when not the whole cell (a resume line)
  std::optional<CellPlace> place = {};  // set when the value was read elsewhere (a 履历 sheet)
};

/// A canonical value (see record.hpp) plus any problems. Errors make the value unusable;
/// warnings leave it usable.
struct ParsedValue {
  std::string value;
  std::vector<ValueProblem> problems;

  bool ok() const {
    for (const auto& p : problems) {
      if (p.severity == Severity::Error) {
        return false;
      }
    }
    return true;
  }
};

inline ParsedValue accepted(std::string canonical) {
  return ParsedValue{std::move(canonical), {}};
}

inline ParsedValue rejected(std::string code, std::string reason_zh, std::string reason_en) {
  ParsedValue result;
  result.problems.push_back(
      {Severity::Error, std::move(code), std::move(reason_zh), std::move(reason_en), {}});
  return result;
}

}  // namespace tuijie::records
