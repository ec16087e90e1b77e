#include "app/packet_command.hpp"

#include <Poco/Util/Option.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>

#include "app/context.hpp"
#include "app/document_identity.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/publishing.hpp"
#include "app/recommendations.hpp"
#include "app/render_command.hpp"
#include "app/stages.hpp"
#include "merge/field_catalog.hpp"
#include "merge/packet.hpp"
#include "output/file_names.hpp"
#include "pdf/pdf_writer.hpp"
#include "store/workspace.hpp"
#include "template/element.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kProvinces = "data/reference/provinces.json";
constexpr const char* kDefaultFonts = "fonts/fonts.xml";
constexpr const char* kCoverLetter = "templates/cover-letter.xml";
constexpr const char* kSummary = "templates/summary-tables.xml";

// A progress bar on a terminal, nothing otherwise (a log file needs no carriage returns).
class Progress {
 public:
  Progress(std::ostream& err, size_t total)
      : err_(err), total_(total), shown_(isatty(STDERR_FILENO) != 0 && total > 1) {}
  void step(const std::string& what) {
    ++done_;
    if (!shown_)
      return;
    constexpr size_t kWidth = 30;
    const size_t filled = done_ * kWidth / total_;
    err_ << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << done_
         << '/' << total_ << ' ' << what.substr(0, 40) << "\x1b[K" << std::flush;
  }
  ~Progress() {
    if (shown_)
      err_ << "\r\x1b[K" << std::flush;
  }

 private:
  std::ostream& err_;
  size_t total_;
  size_t done_ = 0;
  bool shown_;
};

merge::CompiledTemplate compile(const std::string& path, const fonts::FontSet& fonts,
                                const merge::FieldCatalog& catalog) {
  return merge::compile_template(templates::parse_template_file(path), fonts, catalog);
}

}  // namespace

std::string PacketCommand::summary(Lang lang) const {
  return tr(lang, "写出推荐材料包（推荐函、汇总表、各单位信息表）",
            "write the recommendation packet (cover letter, summary tables, sheets)");
}

std::string PacketCommand::description(Lang lang) const {
  return tr(lang,
            "按活动文件评估工作区中的企业、园区和培训机构，把推荐函、推荐汇总表和每个符合条件的"
            "单位的信息表合成一个带书签的 PDF，并在旁边的 records 文件夹中写出各文件和 "
            "manifest.csv（文件、文档编号、记录、页数、SHA-256）。不符合条件的记录不收入，除非"
            "给出 --include-ineligible（此时在汇总表中标明）。",
            "Evaluates the workspace's enterprises, parks and institutions against the campaign "
            "and binds the cover letter, the summary tables and the sheet of every recommended "
            "organisation into one bookmarked PDF; beside it, a records folder holds each "
            "document and manifest.csv (file, document number, record, pages, SHA-256). "
            "Records that are not recommendable are left out unless --include-ineligible is "
            "given (the summary then marks them).");
}

void PacketCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(Option("out", "o",
                           tr(lang, "输出文件夹（默认：工作区/out/packet）",
                              "output folder (default: WORKSPACE/out/packet)"))
                        .argument("DIR"));
  options.addOption(Option("include-ineligible", "",
                           tr(lang, "也收入不符合条件的记录（在汇总表中标明）",
                              "include records that are not recommendable (marked)")));
  options.addOption(Option("fonts", "f",
                           tr(lang, "字体清单（默认 fonts/fonts.xml）",
                              "font manifest (default: fonts/fonts.xml)"))
                        .argument("MANIFEST"));
}

int PacketCommand::run(Context& context, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("packet 不接受参数 “" + args.front() + "”",
                "packet takes no arguments, not '" + args.front() + "'");
  }
  auto& config = context.config();
  store::Workspace workspace = context.open_workspace();
  const store::Campaign& campaign = workspace.campaign();
  const bool include_ineligible = config.getBool(binding_for("include-ineligible"), false);
  Recommendations chosen =
      recommendations(workspace, context.resource(kProvinces), include_ineligible);
  context.report(chosen.problems);

  // The counts the cover letter states are of recommended records, whatever the tables hold.
  std::map<std::string, std::string> globals = campaign.globals();
  int all = 0;
  for (const std::string& kind : chosen.kinds) {
    globals["count." + kind] = std::to_string(chosen.recommended[kind]);
    globals["listed." + kind] = std::to_string(chosen.records[kind].size());
    all += chosen.recommended[kind];
  }
  globals["count.all"] = std::to_string(all);

  const std::string resources = context.resources().string();
  const records::SchemaSet schemas = load_schemas(resources);
  merge::FieldCatalog catalog = merge::collection_catalog(schemas, globals);
  for (const char* field : kEvaluationFields)
    catalog.fields.insert(field);
  const auto fonts =
      load_fonts(config.has(binding_for("fonts")) ? config.getString(binding_for("fonts"))
                                                  : context.resource(kDefaultFonts));
  const std::string date = pdf_creation_date(campaign.document_date());
  const records::Record none;

  const fs::path out_dir =
      config.getString(binding_for("out"), (fs::path(workspace.dir()) / "out" / "packet").string());
  const fs::path records_dir = out_dir / "records";
  tidy_output(context, workspace, out_dir);

  std::map<std::string, std::string> counts;
  for (const auto& [name, value] : globals) {
    if (name.starts_with("count.") || name.starts_with("listed."))
      counts[name] = value;
  }
  // The summary prints the listed records; the cover letter only the counts it states, so that
  // a corrected figure changes the summary but not the letter.
  const std::string listed = collection_data(chosen.records, counts);
  const std::string stated = collection_data({}, counts);
  std::string packet_name;
  size_t packet_pages = 0;

  const int status = with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    size_t total = 2;
    for (const auto& [kind, list] : chosen.records)
      total += list.size();
    Progress progress(context.err(), total);
    Diagnostics problems;
    std::vector<merge::PacketPart> parts;
    std::vector<DocumentStamp> stamps;  // one per entry, in the parts' order
    auto collection_part = [&](const std::string& template_file, const std::string& kind,
                               const std::string& title, const std::string& data) {
      merge::CompiledTemplate tpl = compile(context.resource(template_file), *fonts, catalog);
      DocumentStamp stamp = stamp_collection(campaign, publication.numbers(), kind, data);
      std::map<std::string, std::string> own = globals;
      stamp.add_to(own);
      merge::ComposedDocument doc = merge::compose(tpl, none, own, date, &chosen.records);
      problems.insert(problems.end(), doc.diagnostics.begin(), doc.diagnostics.end());
      progress.step(title);
      merge::PacketPart part{title, {}};
      part.entries.push_back({title, "", stamp.number, std::move(doc)});
      parts.push_back(std::move(part));
      stamps.push_back(std::move(stamp));
    };
    collection_part(kCoverLetter, "cover_letter", "推荐函", stated);
    collection_part(kSummary, "summary", "推荐汇总表", listed);
    for (const std::string& kind : chosen.kinds) {
      const records::Schema* schema = schemas.find(kind);
      const std::string named = campaign.template_for(kind);
      if (schema == nullptr || named.empty() || chosen.records[kind].empty())
        continue;
      merge::CompiledTemplate tpl =
          compile(context.resource(named), *fonts, merge::field_catalog(*schema, globals));
      merge::PacketPart part{tpl.root.attr("subject").empty() ? kind : "", {}};
      for (const records::Record& record : chosen.records[kind]) {
        DocumentStamp stamp = stamp_record(campaign, publication.numbers(), record);
        std::map<std::string, std::string> own = globals;
        stamp.add_to(own);
        merge::ComposedDocument doc = merge::compose(tpl, record, own, date);
        problems.insert(problems.end(), doc.diagnostics.begin(), doc.diagnostics.end());
        progress.step(record.get("name"));
        if (part.title.empty()) {
          // The part is named by what its documents are: 企业基本信息表 from the first's title.
          const std::string& title = doc.document.info.title;
          part.title = title.substr(0, title.find(' '));
        }
        part.entries.push_back({record.get("name"), record.key, stamp.number, std::move(doc)});
        stamps.push_back(std::move(stamp));
      }
      parts.push_back(std::move(part));
    }
    context.report(problems);
    if (has_errors(problems)) {
      context.err() << context.tr("有问题，未写出材料包，见上。",
                                  "Problems found; the packet was not written, see above.")
                    << '\n';
      return int{kExitDataError};
    }

    // Every name is decided before anything is written: two organisations whose names differ
    // only in characters a file system cannot hold get their numbers appended.
    std::vector<output::NameRequest> requests;
    for (const merge::PacketPart& part : parts) {
      for (const merge::PacketEntry& entry : part.entries)
        requests.push_back({entry.composed.file_name, entry.document_number});
    }
    const std::vector<std::string> names =
        output::unique_file_names(requests, records_dir, {"manifest.csv"});
    packet_name = merge::safe_file_name(campaign.globals().at("campaign.city") +
                                        campaign.globals().at("campaign.year") + "年推荐材料包") +
                  ".pdf";
    // The packet carries the cover letter's number (its first document), so it is its file.
    packet_name =
        output::unique_file_names({{packet_name, stamps.front().number}}, out_dir, {"records"})
            .front();

    std::vector<merge::ManifestRow> manifest;
    size_t written = 0;
    for (const merge::PacketPart& part : parts) {
      for (const merge::PacketEntry& entry : part.entries) {
        const std::string& name = names[written];
        const std::string pdf = pdf::write_pdf(entry.composed.document);
        const std::string sha =
            publication.add_document(records_dir / name, pdf, stamps[written].printed());
        manifest.push_back({name, entry.document_number, entry.record_key,
                            static_cast<int>(entry.composed.document.pages.size()), sha});
        ++written;
      }
    }
    publication.add_plain_file(records_dir / "manifest.csv", merge::manifest_csv(manifest));

    page::DocumentInfo info = parts.front().entries.front().composed.document.info;
    info.title = campaign.globals().at("campaign.city") + "推荐材料包";
    info.subject = campaign.globals().at("campaign.organisation.name") + " 推荐材料包";
    const page::PagedDocument packet = merge::bind_packet(parts, info);
    packet_pages = packet.pages.size();
    publication.add_file_of(out_dir / packet_name, pdf::write_pdf(packet),
                            stamps.front().printed());
    publication.commit();
    return int{kExitOk};
  });
  if (status != kExitOk)
    return status;

  context.out() << context.tr("已写入 ", "wrote ") << (out_dir / packet_name).string()
                << context.tr("（", " (") << packet_pages << context.tr(" 页）", " pages)") << '\n'
                << context.tr("各文件及 manifest.csv 在 ", "the documents and manifest.csv are in ")
                << records_dir.string() << '\n';
  for (const std::string& kind : chosen.kinds) {
    context.out() << "  " << kind << ": " << chosen.recommended[kind]
                  << context.tr(" 条推荐", " recommended") << '\n';
  }
  return kExitOk;
}

}  // namespace tuijie::app
