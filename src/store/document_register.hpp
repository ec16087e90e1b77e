// Document identity: every document tuijie prints has a number (campaign prefix, kind letter,
// sequence: TJ-2020-E-0007) assigned at its first print and never reused, and the workspace
// keeps, per number, each content that was printed under it (the canonical data and its
// SHA-256), so that a printed page can later be checked against the stored record.
#pragma once

#include <optional>
#include <string>

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

/// SHA-256 of text, lower-case hex.
std::string sha256_hex(const std::string& text);

/// The printed form of a hash: its first 12 hex digits (48 bits), enough to tell versions of
/// one document apart and short enough to read out on the telephone.
std::string short_hash(const std::string& hash);

/// The document's number: the one it was given before, else the next free one of its series
/// (series + "-" + sequence with at least `digits` digits). Assigning is its own transaction.
std::string document_number(Workspace& workspace, const DocumentIdentity& identity, int digits);

/// Records that `data` (hashed as `hash`) was printed under `number` (kept once per content).
void record_printing(Workspace& workspace, const std::string& number, const std::string& hash,
                     const std::string& data);

/// The printing of `number` whose hash starts with `hash_prefix` (a short or a full hash).
std::optional<Printing> find_printing(Workspace& workspace, const std::string& number,
                                      const std::string& hash_prefix);

}  // namespace tuijie::store
