#include "job/verify_job.hpp"

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <optional>
#include <set>
#include <sstream>

#include "core/read_file.hpp"
#include "job/document_identity.hpp"
#include "job/templates.hpp"
#include "output/publication.hpp"
#include "pdf/page_digest.hpp"
#include "pdf/pdf_info.hpp"
#include "store/document_register.hpp"
#include "store/record_json.hpp"

namespace tuijie::job {

namespace {

using State = FileVerdict::State;

std::optional<records::Record> stored_record(store::Workspace& workspace, const std::string& kind,
                                             const std::string& key) {
  for (records::Record& record : workspace.records(kind)) {
    if (record.key == key)
      return std::move(record);
  }
  return std::nullopt;
}

// The fields whose values differ, by their names on the form (schema order, then lists).
std::vector<std::string> changed_fields(const records::Record& printed, const records::Record& now,
                                        const records::Schema* schema) {
  std::set<std::string> keys;
  for (const auto* r : {&printed, &now}) {
    for (const auto& [key, value] : r->fields)
      keys.insert(key);
    for (const auto& [key, value] : r->lists)
      keys.insert(key);
  }
  std::vector<std::string> names;
  auto differs = [&](const std::string& key) {
    return printed.get(key) != now.get(key) ||
           (printed.lists.count(key) ? printed.lists.at(key) : std::vector<records::Entry>{}) !=
               (now.lists.count(key) ? now.lists.at(key) : std::vector<records::Entry>{});
  };
  if (schema) {
    for (const records::FieldSpec& field : schema->fields) {
      if (keys.erase(field.key) && differs(field.key))
        names.push_back(field.name_zh);
    }
  }
  for (const std::string& key : keys) {
    if (differs(key))
      names.push_back(key);
  }
  return names;
}

// How a file compares with the files recorded under its number.
enum class FileState {
  Identical,  // byte for byte a file tuijie wrote
  Resaved,    // other bytes, the same pages (a viewer or qpdf saved it again)
  Different,  // pages that were never printed under this number
  Unrecorded  // printed before tuijie kept file hashes (schema 4): only the data can be checked
};

struct Compared {
  FileState state = FileState::Unrecorded;
  std::string hash;  // the printing the file belongs to (from its record, not its keywords)
};

Compared compare_file(store::Workspace& workspace, const std::string& number,
                      const std::string& file) {
  const std::vector<store::PrintedFile> recorded = store::printed_files(workspace, number);
  if (recorded.empty())
    return {FileState::Unrecorded, ""};
  const std::string bytes = read_whole_file(file);
  const std::string sha = output::bytes_sha256(bytes);
  for (const store::PrintedFile& printed : recorded) {
    if (printed.file_sha256 == sha)
      return {FileState::Identical, printed.hash};
  }
  const pdf::PageDigest digest = pdf::page_digest(bytes, file);
  for (const store::PrintedFile& printed : recorded) {
    if (printed.pages_sha256 == digest.sha256)
      return {FileState::Resaved, printed.hash};
  }
  return {FileState::Different, ""};
}

FileVerdict verify_file(store::Workspace& workspace, const records::SchemaSet& schemas,
                        const std::string& file) {
  FileVerdict verdict;
  verdict.file = file;
  const auto info = pdf::read_pdf_info(file);
  const auto keywords = info.find("Keywords");
  const auto mark = keywords == info.end() ? std::nullopt : pdf::document_mark(keywords->second);
  if (!mark) {
    verdict.state = State::NoNumber;
    return verdict;
  }
  verdict.number = mark->number;
  if (!store::number_assigned(workspace, mark->number)) {
    verdict.state = State::NeverPrinted;
    return verdict;
  }
  const Compared compared = compare_file(workspace, mark->number, file);
  if (compared.state == FileState::Different) {
    verdict.state = State::PagesChanged;
    return verdict;
  }
  verdict.check = compared.state == FileState::Identical ? FileVerdict::FileCheck::Identical
                  : compared.state == FileState::Resaved ? FileVerdict::FileCheck::Resaved
                                                         : FileVerdict::FileCheck::DataOnly;
  const auto printing = store::find_printing(workspace, mark->number,
                                             compared.hash.empty() ? mark->hash : compared.hash);
  if (!printing) {
    verdict.state = State::NoPrinting;
    return verdict;
  }
  // A record's document is of a record kind; a list per group (a nominating body's
  // nomination list) keeps the group as its key but is a document over several records.
  if (!printing->record_key.empty() && schemas.find(printing->kind) != nullptr) {
    const records::Schema* schema = schemas.find(printing->kind);
    auto now = stored_record(workspace, printing->kind, printing->record_key);
    if (!now) {
      verdict.changes.push_back({"", true, {}});
    } else if (store::sha256_hex(record_data(*now)) != printing->hash) {
      const records::Record printed =
          store::from_canonical_json(printing->kind, printing->record_key, printing->data);
      verdict.changes.push_back({"", false, changed_fields(printed, *now, schema)});
    }
  } else {
    // A document over several records: the records it listed, one by one.
    Poco::JSON::Object::Ptr members =
        Poco::JSON::Parser().parse(printing->data).extract<Poco::JSON::Object::Ptr>();
    for (const std::string& member : members->getNames()) {
      const size_t bar = member.find('|');
      if (bar == std::string::npos)
        continue;  // a count, which follows from the records
      const std::string kind = member.substr(0, bar), key = member.substr(bar + 1);
      auto now = stored_record(workspace, kind, key);
      std::ostringstream was;
      members->get(member).extract<Poco::JSON::Object::Ptr>()->stringify(was);
      const records::Record printed = store::from_canonical_json(kind, key, was.str());
      if (!now) {
        verdict.changes.push_back({printed.get("name"), true, {}});
      } else if (record_data(*now) != record_data(printed)) {
        verdict.changes.push_back(
            {now->get("name"), false, changed_fields(printed, *now, schemas.find(kind))});
      }
    }
  }
  verdict.state = verdict.changes.empty() ? State::Matches : State::RecordChanged;
  return verdict;
}

}  // namespace

std::vector<FileVerdict> VerifyJob::run(const Env& env) const {
  if (files.empty()) {
    throw_usage("verify 需要至少一个 PDF 文件", "verify needs at least one PDF file");
  }
  store::Workspace& workspace = env.store();
  const records::SchemaSet schemas = load_schemas(env);
  std::vector<FileVerdict> verdicts;
  for (const std::string& file : files) {
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(file, ignored))
      throw TuijieError(
          make_error(Category::MissingInput, "file-missing", "找不到文件", "no such file", file));
    verdicts.push_back(verify_file(workspace, schemas, file));
    env.step(verdicts.size(), files.size(), file);
  }
  return verdicts;
}

}  // namespace tuijie::job
