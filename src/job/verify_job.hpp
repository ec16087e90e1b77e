// `tuijie verify` as a job: each printed PDF compared, by the document number tuijie wrote
// into it, with the files recorded under that number and with the workspace's records now.
#pragma once

#include <string>
#include <vector>

#include "job/env.hpp"

namespace tuijie::job {

struct FileVerdict {
  enum class State {
    Matches,        // the file is one tuijie wrote (or its pages are) and the data is unchanged
    PagesChanged,   // its pages are not those printed under its number
    RecordChanged,  // the file is as printed, but records changed since: `changes`
    NoNumber,       // carries no tuijie document number
    NeverPrinted,   // a number this workspace never printed
    NoPrinting,     // no printing under the number has the hash the file carries
  };
  /// How the file itself was found, for Matches and RecordChanged.
  enum class FileCheck {
    Identical,  // byte for byte a file tuijie wrote
    Resaved,    // other bytes, the same pages (a viewer or qpdf saved it again)
    DataOnly,   // printed before tuijie kept file hashes: only the data hash was checked
  };
  /// One difference between what was printed and what is stored.
  struct Change {
    /// The record (a document over several records names each one), "" for the document's own.
    std::string record_name;
    bool removed = false;             // the record is no longer stored
    std::vector<std::string> fields;  // the changed fields' names on the form
  };

  std::string file;
  State state = State::NoNumber;
  FileCheck check = FileCheck::Identical;
  std::string number;  // the document number read, "" for NoNumber
  std::vector<Change> changes;

  bool matches() const { return state == State::Matches; }
};

struct VerifyJob {
  std::vector<std::string> files;

  /// A file that does not exist is an error ("file-missing"): the verdicts are for files only.
  std::vector<FileVerdict> run(const Env& env) const;
};

}  // namespace tuijie::job
