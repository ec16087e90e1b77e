// The identity of each document the app prints (documents.md, Identity): its number, assigned
// at first print from the campaign's series (document_number.prefix + the kind's letter) and
// kept for good, and the hash of the data it prints, recorded in the workspace so that
// `tuijie verify` can later say whether a printed page still matches the stored record.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "merge/record_sets.hpp"
#include "records/record.hpp"
#include "store/document_register.hpp"
#include "store/workspace.hpp"

namespace tuijie::job {

struct DocumentStamp {
  store::DocumentIdentity identity;
  std::string number;  // TJ-2020-E-0007, as planned (assigned when its file is recorded)
  std::string hash;    // SHA-256 of `data`
  std::string data;    // the canonical data hashed

  /// The globals a template prints: document.number and document.hash (short form).
  void add_to(std::map<std::string, std::string>& globals) const;
  /// What the register keeps of it once printed.
  store::PrintedDocument printed() const& { return {identity, number, hash, data}; }
  /// The same, taking the data along: a packet of thousands keeps each record's data once.
  store::PrintedDocument printed() && { return {identity, number, hash, std::move(data)}; }
};

/// The least number of digits of a sequence, from the campaign (document_number.digits).
int number_digits(const store::Campaign& campaign);

/// The canonical data of a stored record as it is hashed: the record's stored JSON, without
/// the evaluation.* fields a packet adds for printing.
std::string record_data(const records::Record& record);

/// The canonical data of a document over several records (a summary, a cover letter): the
/// listed records' data by "kind|key", plus the counts it states.
std::string collection_data(const merge::RecordSets& sets,
                            const std::map<std::string, std::string>& counts);
/// The same over the sets named in `kinds` only.
std::string collection_data(const merge::RecordSets& sets, const std::vector<std::string>& kinds,
                            const std::map<std::string, std::string>& counts);

/// Numbers a record's document (kind = the record's kind) in the run's plan.
DocumentStamp stamp_record(const store::Campaign& campaign, store::NumberPlan& plan,
                           const records::Record& record);

/// Numbers a document about no single record: `kind` names it ("summary", "cover_letter").
/// `group` tells apart the documents of one kind that list different groups of records (a
/// nomination list per nominating body): each group keeps its own number; "" for a kind
/// printed once per workspace.
DocumentStamp stamp_collection(const store::Campaign& campaign, store::NumberPlan& plan,
                               const std::string& kind, std::string data,
                               const std::string& group = "");

}  // namespace tuijie::job
