// Document identity: every document tuijie prints has a number (campaign prefix, kind letter,
// sequence: TJ-2020-E-0007) assigned at its first print and never reused, and the workspace
// keeps, per number, each content that was printed under it (the canonical data and its
// SHA-256) and each file that was written with it (the file's SHA-256 and its page digest), so
// that a printed document can later be checked against what was printed and what is stored.
//
// Numbers are planned before anything is written (documents print their own numbers) and
// assigned only when their files exist: a run plans with NumberPlan (reading only), writes its
// files under temporary names, then records numbers, printings and files in ONE transaction
// (record_printings) before it renames the files into place. A run that dies before that
// transaction has assigned nothing; one that dies after it has written everything it
// recorded.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/workspace.hpp"

namespace tuijie::store {

/// What identifies one document: its kind ("enterprise", "summary") and record key ("" for a
/// document about no single record), and the series its number is drawn from ("TJ-2020-E").
struct DocumentIdentity {
  std::string kind;
  std::string record_key;
  std::string series;
};

struct Printing {
  std::string number;
  std::string kind;
  std::string record_key;
  std::string hash;  // SHA-256 of `data`, lower-case hex
  std::string data;  // the canonical data that was printed
};

/// One file written with a printing (a record's sheet; also a file that binds it with others,
/// such as a packet whose first document it is).
struct PrintedFile {
  std::string number;
  std::string hash;          // the printing's hash
  std::string file_name;     // as written, for people (the folder is not kept)
  std::string file_sha256;   // of the file's bytes
  std::string pages_sha256;  // pdf::page_digest of the file
  int pages = 0;
};

/// SHA-256 of text, lower-case hex.
std::string sha256_hex(const std::string& text);

/// The printed form of a hash: its first 12 hex digits (48 bits), enough to tell versions of
/// one document apart and short enough to read out on the telephone.
std::string short_hash(const std::string& hash);

/// The numbers one run will print: a document's number if it has one, else the next free one
/// of its series (series + "-" + sequence with at least `digits` digits), counting on from the
/// numbers this plan already handed out. Planning writes nothing.
class NumberPlan {
 public:
  NumberPlan(Workspace& workspace, int digits);

  std::string number_for(const DocumentIdentity& identity);

 private:
  Workspace& workspace_;
  int digits_;
  std::map<std::pair<std::string, std::string>, std::string> numbers_;  // (kind, key) -> number
  std::map<std::string, int> next_;                                     // series -> sequence
};

/// A planned document that was printed: its identity, the number it was planned under and the
/// data it prints.
struct PrintedDocument {
  DocumentIdentity identity;
  std::string number;
  std::string hash;
  std::string data;
};

/// Records, in one write transaction, the numbers of `documents` that are new, their
/// printings (once per content) and `files`. Throws TuijieError "numbering-conflict" when
/// another command assigned one of the planned numbers (or gave the document another) since
/// the plan was made: nothing is then recorded, and the caller plans again.
void record_printings(Workspace& workspace, const std::vector<PrintedDocument>& documents,
                      const std::vector<PrintedFile>& files);

/// True when `number` was ever assigned in this workspace.
bool number_assigned(Workspace& workspace, const std::string& number);

/// The printing of `number` whose hash starts with `hash_prefix` (a short or a full hash).
std::optional<Printing> find_printing(Workspace& workspace, const std::string& number,
                                      const std::string& hash_prefix);

/// Every file recorded under `number`, oldest first.
std::vector<PrintedFile> printed_files(Workspace& workspace, const std::string& number);

/// True when a file with this SHA-256 was recorded under any number.
bool file_recorded(Workspace& workspace, const std::string& file_sha256);

}  // namespace tuijie::store
