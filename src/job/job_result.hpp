// What every job returns: the files it wrote and the problems it found. A job with errors
// among its diagnostics wrote nothing of what they concern (the render job writes the other
// records; every other job writes nothing at all).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "output/staged_files.hpp"

namespace tuijie::job {

struct WrittenFile {
  std::string path;
  int pages = 0;                // 0 for a file that is no PDF (a manifest, a photo)
  std::string document_number;  // "" when it carries none
  std::string record_key;       // "" for a document about no single record
};

struct JobResult {
  std::vector<WrittenFile> files;
  Diagnostics diagnostics;
  /// What tidying the output folder after an interrupted run did before this one.
  output::Tidied tidied;

  bool ok() const { return !has_errors(diagnostics); }
};

}  // namespace tuijie::job
