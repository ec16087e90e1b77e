#include "app/verify_command.hpp"

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <ostream>
#include <set>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "core/message_text.hpp"
#include "core/read_file.hpp"
#include "job/document_identity.hpp"
#include "output/publication.hpp"
#include "pdf/page_digest.hpp"
#include "pdf/pdf_info.hpp"
#include "records/schema.hpp"
#include "store/document_register.hpp"
#include "store/record_json.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

namespace {

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

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts)
    out += (out.empty() ? "" : ", ") + part;
  return out;
}

}  // namespace

std::string VerifyCommand::summary(Lang lang) const {
  return tr(lang, "核对打印出的 PDF 与工作区记录是否一致",
            "check printed PDFs against the workspace's records");
}

std::string VerifyCommand::description(Lang lang) const {
  return tr(lang,
            "从每个 PDF 读出 tuijie 打印时写入的文档编号，把文件与以该编号记录的文件比较，再把"
            "工作区中的记录与打印时的数据比较：\n"
            "  一致            文件与 tuijie 写出的完全相同，记录未改动（另存过的文件：页面内容"
            "与打印时相同）\n"
            "  已变更：页面…   页面与以该编号打印的任何文件都不同（页面被替换或改动）\n"
            "  已变更：字段…   文件如打印时，但记录此后改过，列出改动的字段\n"
            "  未知            没有 tuijie 文档编号，或本工作区从未打印过该编号\n"
            "全部一致时退出码为 0，有变更或未知时为 65。",
            "Reads the document number tuijie wrote into each PDF, compares the file with the "
            "files recorded under that number, then the workspace's record with the data "
            "printed:\n"
            "  matches            the file is byte for byte one tuijie wrote and the record is "
            "unchanged (for a file saved again by another program: its pages are as "
            "printed)\n"
            "  changed: pages...  the pages differ from every file printed under the number "
            "(pages replaced or edited)\n"
            "  changed: FIELDS    the file is as printed, but the record changed since; the "
            "fields that differ\n"
            "  unknown            no tuijie number, or one this workspace never printed\n"
            "Exits 0 when every file matches, 65 when any changed or is unknown.");
}

void VerifyCommand::define_options(Poco::Util::OptionSet&, Lang) const {}

namespace {

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

}  // namespace

int VerifyCommand::run(Context& context, const std::vector<std::string>& args) {
  if (args.empty()) {
    throw_usage("verify 需要至少一个 PDF 文件", "verify needs at least one PDF file");
  }
  store::Workspace workspace = context.open_workspace();
  const records::SchemaSet schemas = records::load_schema_set(context.resource("data/records"));
  bool all_match = true;
  for (const std::string& file : args) {
    if (!std::filesystem::is_regular_file(file)) {
      throw TuijieError(make_error("file-missing", "找不到文件", "no such file", file));
    }
    const auto info = pdf::read_pdf_info(file);
    const auto keywords = info.find("Keywords");
    const auto mark = keywords == info.end() ? std::nullopt : pdf::document_mark(keywords->second);
    if (!mark) {
      context.out() << message_text::escape_controls(file) << ": "
                    << context.tr("未知：", "unknown: ")
                    << context.tr("没有 tuijie 文档编号（不是 tuijie 打印的文档？）",
                                  "no tuijie document number (not printed by tuijie?)")
                    << '\n';
      all_match = false;
      continue;
    }
    if (!store::number_assigned(workspace, mark->number)) {
      context.out() << message_text::escape_controls(file) << ": "
                    << context.tr("未知：", "unknown: ") << mark->number << ' '
                    << context.tr("在本工作区中没有打印记录",
                                  "was never printed from this workspace")
                    << '\n';
      all_match = false;
      continue;
    }
    const Compared compared = compare_file(workspace, mark->number, file);
    if (compared.state == FileState::Different) {
      context.out() << message_text::escape_controls(file) << ": "
                    << context.tr("已变更：", "changed: ")
                    << context.tr("页面内容与以此编号打印的文件不同（页面被替换或改动过）",
                                  "its pages are not those printed under this number (pages "
                                  "replaced or edited)")
                    << " (" << mark->number << ")\n";
      all_match = false;
      continue;
    }
    const auto printing = store::find_printing(workspace, mark->number,
                                               compared.hash.empty() ? mark->hash : compared.hash);
    if (!printing) {
      context.out() << message_text::escape_controls(file) << ": "
                    << context.tr("未知：", "unknown: ") << mark->number << ' '
                    << context.tr("没有与文件中的摘要相符的打印记录",
                                  "has no printing with the hash the file carries")
                    << '\n';
      all_match = false;
      continue;
    }
    std::vector<std::string> changes;
    // A record's document is of a record kind; a list per group (a nominating body's
    // nomination list) keeps the group as its key but is a document over several records.
    if (!printing->record_key.empty() && schemas.find(printing->kind) != nullptr) {
      const records::Schema* schema = schemas.find(printing->kind);
      auto now = stored_record(workspace, printing->kind, printing->record_key);
      if (!now) {
        changes.push_back(context.tr("记录已不在工作区", "the record is no longer stored"));
      } else if (store::sha256_hex(job::record_data(*now)) != printing->hash) {
        const records::Record printed =
            store::from_canonical_json(printing->kind, printing->record_key, printing->data);
        changes = changed_fields(printed, *now, schema);
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
          changes.push_back(printed.get("name") + context.tr("（已删除）", " (removed)"));
        } else if (job::record_data(*now) != job::record_data(printed)) {
          changes.push_back(now->get("name") + "（" +
                            joined(changed_fields(printed, *now, schemas.find(kind))) + "）");
        }
      }
    }
    std::string how;
    if (compared.state == FileState::Resaved) {
      how = context.tr("；文件经过另存，页面与打印时相同",
                       "; the file was saved again, its pages are as printed");
    } else if (compared.state == FileState::Unrecorded) {
      how = context.tr("；打印时尚未记录文件摘要，只核对了数据摘要",
                       "; printed before file hashes were kept: only the data hash was checked");
    }
    if (changes.empty()) {
      context.out() << message_text::escape_controls(file) << ": " << context.tr("一致", "matches")
                    << " (" << mark->number << how << ")\n";
    } else {
      all_match = false;
      context.out() << message_text::escape_controls(file) << ": "
                    << context.tr("已变更：", "changed: ") << joined(changes) << " ("
                    << mark->number << how << ")\n";
    }
  }
  return all_match ? kExitOk : kExitDataError;
}

}  // namespace tuijie::app
