#include "job/document_identity.hpp"

#include <cctype>
#include <vector>

#include "merge/compiled_template.hpp"
#include "store/document_register.hpp"
#include "store/record_json.hpp"

namespace tuijie::job {
namespace {

// The campaign's letter for a kind of document: kinds.<kind>.number_letter for record kinds,
// documents.<kind>.number_letter for the others, else the kind's initial.
std::string series_of(const store::Campaign& campaign, const std::string& kind) {
  std::string letter = campaign.get("kinds." + kind + ".number_letter");
  if (letter.empty())
    letter = campaign.get("documents." + kind + ".number_letter");
  if (letter.empty())
    letter = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0]))));
  std::string prefix = campaign.get("document_number.prefix");
  if (prefix.empty())
    prefix = campaign.get("id");
  return prefix + "-" + letter;
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

int number_digits(const store::Campaign& campaign) {
  const std::string text = campaign.get("document_number.digits");
  const int digits = text.empty() ? 4 : std::atoi(text.c_str());
  return digits > 0 && digits < 10 ? digits : 4;
}

void DocumentStamp::add_to(std::map<std::string, std::string>& globals) const {
  globals[merge::kDocumentNumber] = number;
  globals[merge::kDocumentHash] = store::short_hash(hash);
}

std::string record_data(const records::Record& record) {
  records::Record stored = record;
  std::erase_if(stored.fields,
                [](const auto& field) { return field.first.starts_with("evaluation."); });
  return store::to_canonical_json(stored);
}

namespace {

std::string members_json(const std::map<std::string, std::string>& members);

}  // namespace

std::string collection_data(const merge::RecordSets& sets,
                            const std::map<std::string, std::string>& counts) {
  std::vector<std::string> kinds;
  for (const auto& [kind, records] : sets)
    kinds.push_back(kind);
  return collection_data(sets, kinds, counts);
}

std::string collection_data(const merge::RecordSets& sets, const std::vector<std::string>& kinds,
                            const std::map<std::string, std::string>& counts) {
  std::map<std::string, std::string> members;  // sorted: the same bytes for the same data
  for (const std::string& kind : kinds) {
    const auto set = sets.find(kind);
    if (set == sets.end())
      continue;
    for (const records::Record& record : set->second)
      members[kind + "|" + record.key] = record_data(record);
  }
  for (const auto& [name, value] : counts)
    members[name] = json_string(value);
  return members_json(members);
}

namespace {

std::string members_json(const std::map<std::string, std::string>& members) {
  // Sized once: a packet of thousands of records keeps this string until it is recorded, and
  // growing it by appending would leave up to twice its size allocated.
  std::vector<std::string> names;
  names.reserve(members.size());
  std::size_t size = 2;
  for (const auto& [name, value] : members) {
    names.push_back(json_string(name));
    size += names.back().size() + 1 + value.size() + 1;
  }
  std::string out;
  out.reserve(size);
  out += '{';
  std::size_t i = 0;
  for (const auto& [name, value] : members) {
    if (i > 0)
      out += ',';
    out += names[i++];
    out += ':';
    out += value;
  }
  out += '}';
  return out;
}

}  // namespace

DocumentStamp stamp_record(const store::Campaign& campaign, store::NumberPlan& plan,
                           const records::Record& record) {
  DocumentStamp stamp;
  stamp.identity = {record.kind, record.key, series_of(campaign, record.kind)};
  stamp.data = record_data(record);
  stamp.hash = store::sha256_hex(stamp.data);
  stamp.number = plan.number_for(stamp.identity);
  return stamp;
}

DocumentStamp stamp_collection(const store::Campaign& campaign, store::NumberPlan& plan,
                               const std::string& kind, std::string data,
                               const std::string& group) {
  DocumentStamp stamp;
  stamp.identity = {kind, group, series_of(campaign, kind)};
  stamp.hash = store::sha256_hex(data);
  stamp.data = std::move(data);
  stamp.number = plan.number_for(stamp.identity);
  return stamp;
}

}  // namespace tuijie::job
