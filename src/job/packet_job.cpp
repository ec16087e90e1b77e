#include "job/packet_job.hpp"

#include <algorithm>
#include <filesystem>

#include "check/campaign_rules.hpp"
#include "check/recommendations.hpp"
#include "job/document_identity.hpp"
#include "job/packet_binder.hpp"
#include "job/publishing.hpp"
#include "job/templates.hpp"
#include "merge/render.hpp"
#include "merge/repeat_order.hpp"
#include "output/file_names.hpp"
#include "output/manifest.hpp"
#include "pdf/pdf_writer.hpp"

namespace tuijie::job {

namespace fs = std::filesystem;

namespace {

// One part of the packet as it will be composed: its template and its documents.
struct Part {
  store::PacketPartSpec spec;
  merge::CompiledTemplate tpl;
  std::string title;                                      // its bookmark
  const std::vector<records::Record>* records = nullptr;  // sheets; nullptr for a document
  /// An attachment of the letter: its number in the 附件 list (1, 2, ...), its title, and the
  /// records it is about (a summary's kind, the sheet list's kinds); 0 otherwise.
  int attachment = 0;
  std::string attachment_title;
  merge::RecordSets sets;
  std::size_t entries() const { return records ? records->size() : 1; }
  bool is_sheet_list() const { return attachment > 0 && spec.of.size() > 1; }
};

// Fields the sheet list prints of each sheet besides the record's own.
constexpr const char* kSheetListFields[] = {"packet.sequence", "packet.page", "packet.number"};

// "各单位基本信息表（共{count}份）": the number of records the attachment is about.
std::string attachment_title(std::string title, std::size_t count) {
  const std::string mark = "{count}";
  if (const std::size_t at = title.find(mark); at != std::string::npos)
    title.replace(at, mark.size(), std::to_string(count));
  return title;
}

Diagnostic no_parts(const store::Campaign& campaign) {
  return make_error("packet-parts-missing",
                    "活动文件没有列出材料包的组成部分（packet.parts），见 data/README.md",
                    "the campaign file lists no packet parts (packet.parts); see data/README.md",
                    campaign.file_name());
}

// The records an attachment prints (its own kinds), else every listed record.
const merge::RecordSets& sets_of(const Part& part, const check::Recommendations& chosen) {
  return part.is_sheet_list() ? part.sets : chosen.records;
}

std::map<std::string, std::string> with_attachment(std::map<std::string, std::string> globals,
                                                   const Part& part) {
  if (part.attachment > 0) {
    globals["attachment.number"] = std::to_string(part.attachment);
    globals["attachment.title"] = part.attachment_title;
    globals["attachment.kind"] = part.spec.of.front();
  }
  return globals;
}

}  // namespace

PacketResult PacketJob::run(const Env& env) const {
  store::Workspace& workspace = env.store();
  const store::Campaign& campaign = workspace.campaign();
  PacketResult result;
  check::Recommendations chosen =
      check::recommendations(workspace, env.resource(check::kProvincesFile), include_ineligible);
  result.diagnostics = chosen.problems;
  for (const std::string& kind : chosen.kinds)
    result.recommended.emplace_back(kind, chosen.recommended[kind]);
  const std::vector<store::PacketPartSpec> specs = campaign.packet_parts();
  if (specs.empty())
    throw TuijieError(no_parts(campaign));

  // The counts the cover letter states are of recommended records, whatever the tables hold.
  std::map<std::string, std::string> globals = campaign.globals();
  std::map<std::string, std::string> counts;
  int all = 0;
  for (const std::string& kind : chosen.kinds) {
    counts["count." + kind] = std::to_string(chosen.recommended[kind]);
    counts["listed." + kind] = std::to_string(chosen.records[kind].size());
    all += chosen.recommended[kind];
  }
  counts["count.all"] = std::to_string(all);
  globals.insert(counts.begin(), counts.end());
  const std::map<std::string, std::string> letter =
      letter_fields(campaign, letterhead, letter_number);
  globals.insert(letter.begin(), letter.end());

  const records::SchemaSet schemas = load_schemas(env);
  merge::FieldCatalog collection = merge::collection_catalog(schemas, globals);
  for (const char* field : check::kEvaluationFields)
    collection.fields.insert(field);
  for (const char* field : kSheetListFields)
    collection.fields.insert(field);
  collection.fields.insert("attachment.number");
  collection.fields.insert("attachment.title");
  collection.fields.insert("attachment.kind");
  collection.fields.insert("letter.attachments");
  std::vector<Part> parts;
  int attachments = 0;
  std::string attachment_list;  // the letter's 附件 list, one attachment a line
  for (const store::PacketPartSpec& spec : specs) {
    Part part;
    part.spec = spec;
    if (!spec.kind.empty()) {
      const std::vector<records::Record>& listed = chosen.records[spec.kind];
      if (listed.empty())
        continue;
      const std::string named =
          spec.template_path.empty() ? campaign.template_for(spec.kind) : spec.template_path;
      part.tpl = compile_template_file(env, env.resource(named),
                                       template_fields(schemas, spec.kind, globals));
      part.records = &listed;
    } else {
      if (!spec.of.empty()) {
        // An attachment about records none of which is listed is left out, and the list
        // renumbered, so that the letter never announces an empty table.
        std::size_t count = 0;
        for (const std::string& kind : spec.of) {
          count += chosen.records[kind].size();
        }
        if (count == 0)
          continue;
        part.attachment = ++attachments;
        part.attachment_title = attachment_title(spec.attachment, count);
        attachment_list += (attachment_list.empty() ? "" : "\n") + std::to_string(attachments) +
                           ". " + part.attachment_title;
      }
      part.tpl = compile_template_file(env, env.resource(spec.template_path), collection);
    }
    part.title = part.attachment > 0
                     ? "附件" + std::to_string(part.attachment) + " " + part.attachment_title
                     : bookmark_label(part.tpl, spec.kind.empty() ? spec.document : spec.kind);
    parts.push_back(std::move(part));
  }
  globals["letter.attachments"] = attachment_list;

  // Each kind's records in the order of its summary's 序号 (the summary's <repeat> order),
  // so that its sheets, bound in that order, follow the table row for row.
  for (const Part& part : parts) {
    if (part.attachment == 0 || part.is_sheet_list() || part.spec.of.size() != 1)
      continue;
    std::vector<records::Record>& listed = chosen.records[part.spec.of.front()];
    listed = merge::in_repeat_order(part.tpl, part.spec.of.front(), std::move(listed),
                                    with_attachment(globals, part));
  }
  // The sheet list adds each sheet's place to its rows: it keeps a slim copy of them (what
  // it prints). A summary reads the recommended records themselves (sets_of): a packet of
  // thousands holds them once.
  for (Part& part : parts) {
    if (!part.is_sheet_list())
      continue;
    for (const std::string& kind : part.spec.of) {
      for (const records::Record& record : chosen.records[kind]) {
        records::Record slim;
        slim.kind = record.kind;
        slim.key = record.key;
        slim.fields["name"] = record.get("name");
        part.sets[kind].push_back(std::move(slim));
      }
    }
  }
  std::vector<const merge::CompiledTemplate*> templates;
  for (const Part& part : parts)
    templates.push_back(&part.tpl);
  for (Diagnostic& d : font_substitutes(env, templates))
    result.diagnostics.push_back(std::move(d));

  const std::string date = pdf_creation_date(env.clock, campaign.document_date());
  const records::Record none;
  const fs::path out = env.output_folder(out_dir, "packet");
  const fs::path records_dir = out / "records";
  result.records_dir = records_dir.string();
  result.tidied = output::tidy_output_folder(workspace, out);
  std::size_t total = 0;
  for (const Part& part : parts)
    total += part.entries();

  with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    // Every number and name is decided before anything is composed: two organisations whose
    // names differ only in characters a file system cannot hold get their numbers appended.
    std::vector<DocumentStamp> stamps;  // one per entry, in the parts' order
    std::vector<output::NameRequest> requests;
    for (const Part& part : parts) {
      if (part.records == nullptr) {
        // A summary prints the listed records of its kind; the cover letter only the counts
        // it states, so that a corrected figure changes a summary but not the letter. Each
        // summary keeps its own number (its kind is its group).
        std::string group;
        for (const std::string& kind : part.spec.of)
          group += (group.empty() ? "" : " ") + kind;
        stamps.push_back(stamp_collection(
            campaign, publication.numbers(), part.spec.document,
            part.spec.counts_only  ? collection_data({}, counts)
            : part.spec.of.empty() ? collection_data(chosen.records, counts)
                                   : collection_data(chosen.records, part.spec.of, counts),
            group));
        std::map<std::string, std::string> own = with_attachment(globals, part);
        stamps.back().add_to(own);
        requests.push_back({merge::document_file_name(part.tpl, none, own), stamps.back().number});
        continue;
      }
      for (const records::Record& record : *part.records) {
        stamps.push_back(stamp_record(campaign, publication.numbers(), record));
        std::map<std::string, std::string> own = globals;
        stamps.back().add_to(own);
        requests.push_back(
            {merge::document_file_name(part.tpl, record, own), stamps.back().number});
      }
    }
    const std::vector<std::string> names =
        output::unique_file_names(requests, records_dir, {"manifest.csv"});
    // The packet carries the cover letter's number (its first document), so it is its file.
    const std::string packet_name =
        output::unique_file_names(
            {{merge::safe_file_name(globals.at("campaign.city") + globals.at("campaign.year") +
                                    "年推荐材料包") +
                  ".pdf",
              stamps.front().number}},
            out, {"records"})
            .front();

    // Where each sheet starts in the packet, for the sheet list: every sheet is composed once
    // ahead to count its pages (its own number printed, as it will be bound).
    struct SheetPlace {
      int pages = 0;
      std::string number;
    };
    std::map<const records::Record*, SheetPlace> sheets;
    if (std::any_of(parts.begin(), parts.end(), [](const Part& p) { return p.is_sheet_list(); })) {
      std::size_t at = 0;
      for (const Part& part : parts) {
        for (std::size_t i = 0; i < part.entries(); ++i, ++at) {
          if (!part.records)
            continue;
          std::map<std::string, std::string> own = globals;
          stamps[at].add_to(own);
          const merge::ComposedDocument doc =
              merge::compose(part.tpl, (*part.records)[i], own, date);
          sheets[&(*part.records)[i]] = {static_cast<int>(doc.document.pages.size()),
                                         stamps[at].number};
        }
      }
    }
    // Fills the sheet list's records with each sheet's place, its first page counted from
    // `first_page` (the list's own first page in the packet) and the list's own pages.
    auto list_sheets = [&](Part& list, std::size_t list_entry, int first_page) {
      auto fill = [&](int list_pages) {
        int page = first_page + list_pages, sequence = 0;
        for (const Part& part : parts) {
          if (!part.records || std::find(list.spec.of.begin(), list.spec.of.end(),
                                         part.spec.kind) == list.spec.of.end())
            continue;
          std::vector<records::Record>& listed = list.sets[part.spec.kind];
          for (std::size_t i = 0; i < part.records->size() && i < listed.size(); ++i) {
            const SheetPlace& place = sheets[&(*part.records)[i]];
            listed[i].fields["packet.sequence"] = std::to_string(++sequence);
            listed[i].fields["packet.page"] = std::to_string(page);
            listed[i].fields["packet.number"] = place.number;
            page += place.pages;
          }
        }
      };
      // The list's own length moves every page after it: laid out once to count its pages
      // (page numbers of as many digits as the final ones), then filled in for good.
      fill(1);
      std::map<std::string, std::string> own = with_attachment(globals, list);
      stamps[list_entry].add_to(own);
      const int list_pages = static_cast<int>(
          merge::compose(list.tpl, none, own, date, &list.sets).document.pages.size());
      fill(list_pages);
    };

    // Each document is composed, written and bound before the next: the packet never holds
    // more than one document's page model. After a problem the rest are still composed, so
    // that one run reports them all, but nothing more is written.
    Diagnostics problems;
    PacketBinder binder;
    std::vector<output::ManifestRow> manifest;
    page::DocumentInfo packet_info;
    std::size_t entry = 0;
    for (Part& part : parts) {
      const std::string first_bookmark =
          part.records ? part.records->front().get("name") : part.title;
      binder.start_part(part.title, part.entries(), first_bookmark);
      if (part.is_sheet_list())
        list_sheets(part, entry, static_cast<int>(binder.pages()) + 1);
      for (std::size_t i = 0; i < part.entries(); ++i, ++entry) {
        const records::Record& record = part.records ? (*part.records)[i] : none;
        std::map<std::string, std::string> own = with_attachment(globals, part);
        stamps[entry].add_to(own);
        const merge::RecordSets& sets = sets_of(part, chosen);
        merge::ComposedDocument doc =
            merge::compose(part.tpl, record, own, date, part.records ? nullptr : &sets);
        problems.insert(problems.end(), doc.diagnostics.begin(), doc.diagnostics.end());
        if (letterhead == Letterhead::Black)
          page::print_in_black(doc.document);
        const std::string bookmark = part.records ? record.get("name") : part.title;
        env.step(entry + 1, total, bookmark);
        if (has_errors(problems))
          continue;
        if (entry == 0)
          packet_info = doc.document.info;
        // The packet's own printing (the letter's) is recorded from stamps.front() below.
        const std::string sha = publication.add_document(
            records_dir / names[entry], pdf::write_pdf(doc.document),
            entry == 0 ? stamps[entry].printed() : std::move(stamps[entry]).printed());
        manifest.push_back({names[entry], stamps[entry].number, record.key,
                            static_cast<int>(doc.document.pages.size()), sha});
        binder.add(bookmark, doc.document);
      }
    }
    result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
    if (has_errors(problems))
      return 0;
    publication.add_plain_file(records_dir / "manifest.csv", output::manifest_csv(manifest));
    packet_info.title = globals.at("campaign.city") + "推荐材料包";
    packet_info.subject = globals.at("campaign.organisation.name") + " 推荐材料包";
    result.packet_pages = static_cast<int>(binder.pages());
    // Written straight to its file: a packet of thousands of pages is not held twice.
    publication.add_file_of_written(
        out / packet_name, [&](int fd) { return binder.finish(packet_info, fd); },
        stamps.front().printed());
    publication.commit();
    for (std::size_t i = 0; i < manifest.size(); ++i)
      result.files.push_back({(records_dir / manifest[i].file).string(), manifest[i].pages,
                              manifest[i].document_number, manifest[i].record_key});
    result.packet_path = (out / packet_name).string();
    result.files.push_back({result.packet_path, result.packet_pages, stamps.front().number, ""});
    return 0;
  });
  return result;
}

}  // namespace tuijie::job
