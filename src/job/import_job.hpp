// `tuijie import` as a job: record files read, validated and stored, one transaction per
// file. A file with any error is stored not at all (or, with `partial`, only its good rows);
// the files are independent, so one bad file does not stop the others.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "job/env.hpp"
#include "job/job_result.hpp"
#include "store/workspace.hpp"

namespace tuijie::job {

struct FileImport {
  std::string file;
  Diagnostics diagnostics;  // every problem of the file, errors and warnings
  /// Rows with at least one error (a problem with the whole file counts as one).
  long rows_with_errors = 0;
  /// Why nothing was stored, when nothing was.
  enum class Refusal { None, Unreadable, RowErrors, UnmatchedResults } refusal = Refusal::None;
  /// What was stored; nullopt when nothing was.
  std::optional<store::ImportSummary> stored;
};

struct ImportResult {
  std::vector<FileImport> files;  // in the order given
};

struct ImportJob {
  std::vector<std::string> files;
  /// One of data/records/ (e.g. candidate); "" = inferred from each file's header.
  std::string kind;
  /// "" = detected; UTF-8, GB18030.
  std::string encoding;
  /// Store a file's good rows even when others have errors.
  bool partial = false;

  ImportResult run(const Env& env) const;
};

}  // namespace tuijie::job
