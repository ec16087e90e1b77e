#include "app/nominations_command.hpp"

#include <Poco/Util/Option.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "app/context.hpp"
#include "app/document_identity.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/nomination_bundles.hpp"
#include "app/publishing.hpp"
#include "app/read_file.hpp"
#include "app/render_command.hpp"
#include "app/stages.hpp"
#include "merge/compiled_template.hpp"
#include "merge/field_catalog.hpp"
#include "merge/packet.hpp"
#include "output/file_names.hpp"
#include "pdf/pdf_writer.hpp"
#include "store/workspace.hpp"
#include "template/element.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKind = "candidate";
constexpr const char* kListKind = "nomination_list";  // its numbers: documents.<kind> series
constexpr const char* kDefaultFonts = "fonts/fonts.xml";
constexpr const char* kListTemplate = "templates/nomination-list.xml";
// What the list template prints about its bundle besides the campaign values.
constexpr const char* kBundleNominator = "bundle.nominator";
constexpr const char* kBundleName = "bundle.name";
constexpr const char* kBundleCount = "bundle.count";

// One bundle composed and ready to write.
struct ComposedBundle {
  const NominationBundle* bundle = nullptr;
  std::string stem;  // of the PDF and of the photo folder
  std::vector<merge::PacketPart> parts;
  page::DocumentInfo info;
  DocumentStamp list;
  std::vector<DocumentStamp> forms;  // one per candidate, in the bundle's order
};

// The fields the list orders its candidates by (its <repeat records> order-by), so that the
// forms follow in the order the list prints them.
std::vector<std::string> list_order(const templates::Element& element) {
  if (element.name == "repeat" && element.attr("records") == kKind) {
    std::vector<std::string> fields;
    std::istringstream order(element.attr("order-by"));
    for (std::string field; order >> field;)
      fields.push_back(field);
    return fields;
  }
  for (const templates::Element& child : element.children) {
    std::vector<std::string> fields = list_order(child);
    if (!fields.empty())
      return fields;
  }
  return {};
}

// What a bundle is called (its list's title and file name): the nominating body, or for a
// self-nomination the channel that makes it one, the candidate's key and name.
std::string bundle_name(const NominationBundle& bundle,
                        const std::optional<records::Condition>& alone_when) {
  if (!bundle.nominator.empty())
    return bundle.nominator;
  const records::Record& candidate = bundle.candidates.front();
  std::string name;
  for (const std::string& part : {alone_when ? candidate.get(alone_when->field) : std::string(),
                                  candidate.key, candidate.get("name")}) {
    if (!part.empty())
      name += (name.empty() ? "" : "-") + part;
  }
  return name;
}

Diagnostic missing_photo(const records::Record& candidate) {
  Diagnostic d = make_error(
      "photo-missing", "找不到参选人照片文件（导入后被移动或删除？）；请放回原处或重新导入",
      "the candidate's photo file is missing (moved or deleted since the import?); put it "
      "back or import the record again",
      candidate.get("photo"));
  d.record = candidate.key + " " + candidate.get("name");
  d.column_name = "photo";
  return d;
}

}  // namespace

std::string NominationsCommand::summary(Lang lang) const {
  return tr(lang, "按推荐机构写出候选人推荐材料（名单、申报表、照片）",
            "write the nomination bundles per nominating body (list, forms, photos)");
}

std::string NominationsCommand::description(Lang lang) const {
  return tr(lang,
            "把工作区中的候选人按推荐机构分组，每个推荐机构写一个 PDF：前面是候选人推荐名单"
            "（含各候选人申报表的文档编号），后面依次是各候选人的申报表和推荐说明，带书签；"
            "个人自荐的候选人各自成一份。PDF 旁边的同名文件夹中是各候选人的原始照片文件，以"
            "文档编号命名。输出文件夹中的 manifest.csv 列出所有文件（文件、文档编号、记录、"
            "页数、SHA-256）。",
            "Groups the workspace's candidates by their nominating body (推荐机构) and writes one "
            "PDF per body: a list of the candidates (with the document number of each form) in "
            "front, then each candidate's form and statement, with bookmarks; self-nominated "
            "candidates get a bundle each. Beside each PDF, a folder of the same name holds the "
            "candidates' original photo files, named by document number. manifest.csv in the "
            "output folder lists every file (file, document number, record, pages, SHA-256).");
}

void NominationsCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(Option("out", "o",
                           tr(lang, "输出文件夹（默认：工作区/out/nominations）",
                              "output folder (default: WORKSPACE/out/nominations)"))
                        .argument("DIR"));
  options.addOption(Option("fonts", "f",
                           tr(lang, "字体清单（默认 fonts/fonts.xml）",
                              "font manifest (default: fonts/fonts.xml)"))
                        .argument("MANIFEST"));
}

int NominationsCommand::run(Context& context, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("nominations 不接受参数 “" + args.front() + "”",
                "nominations takes no arguments, not '" + args.front() + "'");
  }
  auto& config = context.config();
  store::Workspace workspace = context.open_workspace();
  const store::Campaign& campaign = workspace.campaign();
  const std::vector<records::Record> candidates = workspace.records(kKind);
  if (candidates.empty()) {
    throw TuijieError(make_error("no-records", "工作区中没有候选人记录；请先导入",
                                 "the workspace holds no candidate records; import some first"));
  }
  const std::string form_template = campaign.template_for(kKind);
  if (form_template.empty()) {
    throw TuijieError(make_error("template-missing", "活动文件没有为候选人指定模板",
                                 "the campaign names no template for candidates",
                                 campaign.file_name()));
  }

  const std::string resources = context.resources().string();
  const records::SchemaSet schemas = load_schemas(resources);
  const std::map<std::string, std::string>& globals = campaign.globals();
  std::map<std::string, std::string> list_names = globals;  // what the list may print
  for (const char* name : {kBundleNominator, kBundleName, kBundleCount})
    list_names.emplace(name, "");
  const auto fonts =
      load_fonts(config.has(binding_for("fonts")) ? config.getString(binding_for("fonts"))
                                                  : context.resource(kDefaultFonts));
  const merge::CompiledTemplate list_template =
      merge::compile_template(templates::parse_template_file(context.resource(kListTemplate)),
                              *fonts, merge::collection_catalog(schemas, list_names));
  const merge::CompiledTemplate form =
      merge::compile_template(templates::parse_template_file(context.resource(form_template)),
                              *fonts, template_fields(resources, kKind, globals));

  const std::optional<records::Condition> alone_when = self_nomination_rule(schemas.find(kKind));
  const std::vector<NominationBundle> bundles =
      group_by_nominator(candidates, list_order(list_template.root), alone_when);
  const std::string date = pdf_creation_date(campaign.document_date());
  const records::Record none;

  const fs::path out_dir = config.getString(
      binding_for("out"), (fs::path(workspace.dir()) / "out" / "nominations").string());
  tidy_output(context, workspace, out_dir);

  const int status = with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    Diagnostics problems;
    std::vector<ComposedBundle> composed;
    for (const NominationBundle& bundle : bundles) {
      ComposedBundle out;
      out.bundle = &bundle;
      // The forms are numbered first: the list prints their numbers.
      merge::RecordSets rows{{kKind, bundle.candidates}};
      for (records::Record& row : rows[kKind]) {
        out.forms.push_back(stamp_record(campaign, publication.numbers(), row));
        row.fields[merge::kDocumentNumber] = out.forms.back().number;
        if (!fs::is_regular_file(row.get("photo")))
          problems.push_back(missing_photo(row));
      }
      std::map<std::string, std::string> own = globals;
      own[kBundleNominator] = bundle.nominator;
      own[kBundleName] = bundle_name(bundle, alone_when);
      own[kBundleCount] = std::to_string(bundle.candidates.size());
      // The list's hash covers the candidates as stored (so `tuijie verify` can name what
      // changed) and the body it names; the forms' numbers follow from the candidates.
      const merge::RecordSets listed{{kKind, bundle.candidates}};
      const std::map<std::string, std::string> named{{kBundleNominator, bundle.nominator}};
      out.list = stamp_collection(campaign, publication.numbers(), kListKind,
                                  collection_data(listed, named), bundle.key);
      out.list.add_to(own);
      merge::ComposedDocument list = merge::compose(list_template, none, own, date, &rows);
      problems.insert(problems.end(), list.diagnostics.begin(), list.diagnostics.end());
      out.stem = list.file_name.substr(0, list.file_name.size() - 4);
      out.info = list.document.info;
      // Bookmarked by what it is: 候选人推荐名单 from its title.
      const std::string& title = list.document.info.title;
      const std::string list_label = title.substr(0, title.find(' '));
      out.parts.push_back({list_label, {}});
      out.parts.back().entries.push_back(
          {list_label, bundle.key, out.list.number, std::move(list)});

      for (size_t i = 0; i < bundle.candidates.size(); ++i) {
        const records::Record& candidate = bundle.candidates[i];
        std::map<std::string, std::string> form_globals = globals;
        out.forms[i].add_to(form_globals);
        merge::ComposedDocument doc = merge::compose(form, candidate, form_globals, date);
        problems.insert(problems.end(), doc.diagnostics.begin(), doc.diagnostics.end());
        // A part of one entry named as its entry: one flat bookmark per candidate.
        const std::string& name = candidate.get("name");
        out.parts.push_back({name, {}});
        out.parts.back().entries.push_back(
            {name, candidate.key, out.forms[i].number, std::move(doc)});
      }
      composed.push_back(std::move(out));
    }
    context.report(problems);
    if (has_errors(problems)) {
      context.err() << context.tr("有问题，未写出推荐材料，见上。",
                                  "Problems found; no bundle was written, see above.")
                    << '\n';
      return int{kExitDataError};
    }

    // Every name is decided before anything is written: two bodies whose names differ only in
    // characters a file system cannot hold get their lists' numbers appended.
    std::vector<output::NameRequest> requests;
    for (const ComposedBundle& bundle : composed)
      requests.push_back({bundle.stem + ".pdf", bundle.list.number});
    const std::vector<std::string> names =
        output::unique_file_names(requests, out_dir, {"manifest.csv"});
    std::vector<merge::ManifestRow> manifest;
    std::ostringstream report;
    for (size_t b = 0; b < composed.size(); ++b) {
      ComposedBundle& bundle = composed[b];
      const std::string& pdf_name = names[b];
      bundle.stem = pdf_name.substr(0, pdf_name.size() - 4);
      const page::PagedDocument packet = merge::bind_packet(bundle.parts, bundle.info);
      const std::string sha = publication.add_document(out_dir / pdf_name, pdf::write_pdf(packet),
                                                       bundle.list.printed());
      manifest.push_back({pdf_name, bundle.list.number, bundle.bundle->key,
                          static_cast<int>(packet.pages.size()), sha});
      for (size_t i = 0; i < bundle.forms.size(); ++i) {
        const records::Record& candidate = bundle.bundle->candidates[i];
        publication.add_printing(bundle.forms[i].printed());
        const fs::path original = candidate.get("photo");
        const std::string photo_name =
            bundle.stem + "/" + bundle.forms[i].number + original.extension().string();
        manifest.push_back(
            {photo_name, bundle.forms[i].number, candidate.key, 0,
             publication.add_plain_file(out_dir / photo_name, read_whole_file(original.string()))});
      }
      report << context.tr("已写入 ", "wrote ") << (out_dir / pdf_name).string()
             << context.tr("（", " (") << packet.pages.size() << context.tr(" 页，", " pages, ")
             << bundle.forms.size()
             << context.tr(" 名候选人）", bundle.forms.size() == 1 ? " candidate)" : " candidates)")
             << '\n';
    }
    publication.add_plain_file(out_dir / "manifest.csv", merge::manifest_csv(manifest));
    publication.commit();
    context.out() << report.str();
    return int{kExitOk};
  });
  if (status != kExitOk)
    return status;
  context.out() << context.tr("照片在各 PDF 旁的同名文件夹中，清单见 ",
                              "the photos are in a folder beside each PDF, listed in ")
                << (out_dir / "manifest.csv").string() << '\n';
  return kExitOk;
}

}  // namespace tuijie::app
