// The campaign file: the names, notices, contacts, deadlines and thresholds of one campaign
// (data/campaigns/*.json, described key by key in data/README.md).
//
// Code never hard-codes a campaign's wording: it asks this class. Templates see the same
// values flattened into "campaign.<dotted.path>" globals, e.g. "campaign.person.deadline".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tuijie::store {

/// An award category of the booklet (awards.categories): its name and the kind of record its
/// winners are.
struct AwardCategory {
  std::string name;
  std::string kind;  // enterprise, park, institution or candidate
};

/// One part of the bureau's packet (packet.parts), in the packet's order: a document over the
/// recommended records (a cover letter, summary tables), or the sheets of one record kind.
struct PacketPartSpec {
  std::string document;       // the document's kind, e.g. cover_letter; "" for sheets
  std::string kind;           // the sheets' record kind, e.g. enterprise; "" for a document
  std::string template_path;  // relative to the resources; for sheets "" = the kind's template
  /// A document that prints only the counts it states (the cover letter), not the records:
  /// a corrected figure then changes the summary's identity but not the letter's.
  bool counts_only = false;
  /// An attachment of the letter (its 附件 list): the title it is listed under; "" for the
  /// letter itself and for the sheets that follow their attachment's separator page.
  std::string attachment;
  /// The record kinds an attachment is about (a summary of one kind, the sheets of several),
  /// in the order they print; an attachment whose kinds have no records is left out and the
  /// list renumbered.
  std::vector<std::string> of;
};

class Campaign {
 public:
  /// Reads and checks a campaign file. Throws TuijieError: code "campaign-missing" when the
  /// file cannot be read, "campaign-invalid" (listing every problem) when it is not a usable
  /// campaign.
  static Campaign load(const std::string& path);

  /// Checks campaign text already read (e.g. the copy stored in a workspace). `file_name`
  /// names it in diagnostics. Throws TuijieError "campaign-invalid".
  static Campaign parse(std::string content, std::string file_name);

  /// The file name as given (without folders), the exact text and its SHA-256 (lower-case hex).
  const std::string& file_name() const { return file_name_; }
  const std::string& content() const { return content_; }
  const std::string& sha256() const { return sha256_; }

  /// The value at a dotted path ("person.deadline", "organisers.hosts.1") as text, or ""
  /// when absent. Lists also answer as a whole ("organisers.hosts": items joined with "、")
  /// and with their length ("organisers.hosts.count").
  std::string get(std::string_view path) const;

  /// Every value under its global name: "campaign." + dotted path. For RenderJob::globals.
  const std::map<std::string, std::string>& globals() const { return globals_; }

  std::string name() const { return get("name"); }
  /// The date on generated documents, "YYYY-MM-DD".
  std::string document_date() const { return get("dates.document"); }
  /// The day ages are counted at, "YYYY-MM-DD".
  std::string age_date() const { return get("dates.ages"); }
  /// The template a kind's documents are rendered with, relative to the resources folder;
  /// "" when the campaign names none.
  std::string template_for(std::string_view kind) const;

  /// The award categories, in the campaign file's order (the booklet's sections); empty when
  /// the file has no awards.
  std::vector<AwardCategory> award_categories() const;

  /// The packet's parts, in order (packet.parts); empty when the file lists none.
  std::vector<PacketPartSpec> packet_parts() const;

  /// The campaign file format this program reads ("format" key).
  static constexpr int kFormat = 1;

 private:
  Campaign() = default;

  std::string file_name_;
  std::string content_;
  std::string sha256_;
  std::map<std::string, std::string> globals_;
};

}  // namespace tuijie::store
