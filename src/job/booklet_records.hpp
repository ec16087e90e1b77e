// What the award booklet prints: the campaign's award categories that have winners, in the
// campaign file's order, and each imported result joined with the record it names.
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "merge/record_sets.hpp"
#include "store/workspace.hpp"

namespace tuijie::job {

/// The record set names a booklet template repeats over.
inline constexpr const char* kAwardSet = "award";    // one record per category printed
inline constexpr const char* kResultSet = "result";  // one record per winner

struct BookletRecords {
  /// "award": fields name, kind, number (1-based), count (its winners).
  /// "result": the winner's own fields and lists, plus award (the category's name), kind (the
  /// winner's kind), citation and order from the result row.
  merge::RecordSets sets;
  /// The stored records the booklet prints, as stored: the results and the records they
  /// name, by kind. What its document hash covers, so that `tuijie verify` can compare them
  /// with the workspace record by record.
  merge::RecordSets sources;
  Diagnostics problems;  // a result whose record is no longer stored, a category not in use
};

/// Reads the stored results and the records they name. Categories without a winner are left
/// out; a result naming a category the campaign no longer has, or a record no longer stored,
/// is an error naming it.
BookletRecords booklet_records(store::Workspace& workspace);

}  // namespace tuijie::job
