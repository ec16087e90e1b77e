#include "job/nominations_job.hpp"

#include <filesystem>

#include "core/read_file.hpp"
#include "job/document_identity.hpp"
#include "job/packet_binder.hpp"
#include "job/publishing.hpp"
#include "job/templates.hpp"
#include "merge/nomination_bundles.hpp"
#include "merge/render.hpp"
#include "output/file_names.hpp"
#include "output/manifest.hpp"
#include "pdf/pdf_writer.hpp"

namespace tuijie::job {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKind = "candidate";
constexpr const char* kListKind = "nomination_list";  // its numbers: documents.<kind> series
constexpr const char* kListTemplate = "templates/nomination-list.xml";
// What the list template prints about its bundle besides the campaign values.
constexpr const char* kBundleNominator = "bundle.nominator";
constexpr const char* kBundleName = "bundle.name";
constexpr const char* kBundleCount = "bundle.count";

// The fields the list orders its candidates by (its <repeat records> order-by), so that the
// forms follow in the order the list prints them.
std::vector<std::string> list_order(const templates::Element& element) {
  if (element.name == "repeat" && element.attr("records") == kKind)
    return element.fields("order-by");
  for (const templates::Element& child : element.children) {
    std::vector<std::string> fields = list_order(child);
    if (!fields.empty())
      return fields;
  }
  return {};
}

// What a bundle is called (its list's title and file name): the nominating body, or for a
// self-nomination the channel that makes it one, the candidate's key and name.
std::string bundle_name(const merge::NominationBundle& bundle,
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

// One bundle composed and ready to write.
struct ComposedBundle {
  const merge::NominationBundle* bundle = nullptr;
  std::string stem;  // of the PDF and of the photo folder
  std::string pdf;   // the bound bundle
  int pages = 0;
  DocumentStamp list;
  std::vector<DocumentStamp> forms;  // one per candidate, in the bundle's order
};

}  // namespace

NominationsResult NominationsJob::run(const Env& env) const {
  store::Workspace& workspace = env.store();
  const store::Campaign& campaign = workspace.campaign();
  const std::vector<records::Record> candidates = workspace.records(kKind);
  if (candidates.empty()) {
    throw TuijieError(make_error(Category::MissingInput, "no-records",
                                 "工作区中没有候选人记录；请先导入",
                                 "the workspace holds no candidate records; import some first"));
  }
  const std::string form_template = campaign.template_for(kKind);
  if (form_template.empty()) {
    throw TuijieError(
        make_error(Category::MissingInput, "template-missing", "活动文件没有为候选人指定模板",
                   "the campaign names no template for candidates", campaign.file_name()));
  }

  const records::SchemaSet schemas = load_schemas(env);
  const std::map<std::string, std::string>& globals = campaign.globals();
  std::map<std::string, std::string> list_names = globals;  // what the list may print
  for (const char* name : {kBundleNominator, kBundleName, kBundleCount})
    list_names.emplace(name, "");
  const merge::CompiledTemplate list_template = compile_template_file(
      env, env.resource(kListTemplate), merge::collection_catalog(schemas, list_names));
  const merge::CompiledTemplate form = compile_template_file(
      env, env.resource(form_template), template_fields(schemas, kKind, globals));
  const std::string list_label = bookmark_label(list_template, "候选人推荐名单");

  const std::optional<records::Condition> alone_when =
      merge::self_nomination_rule(schemas.find(kKind));
  const std::vector<merge::NominationBundle> bundles =
      merge::group_by_nominator(candidates, list_order(list_template.root), alone_when);
  const std::string date = pdf_creation_date(env.clock, campaign.document_date());
  const records::Record none;

  const fs::path out = env.output_folder(out_dir, "nominations");
  NominationsResult result;
  result.diagnostics = font_substitutes(env, {&list_template, &form});
  result.tidied = output::tidy_output_folder(workspace, out);
  std::size_t total = 0;
  for (const merge::NominationBundle& bundle : bundles)
    total += 1 + bundle.candidates.size();

  with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    Diagnostics problems;
    std::vector<ComposedBundle> composed;
    std::size_t done = 0;
    for (const merge::NominationBundle& bundle : bundles) {
      ComposedBundle one;
      one.bundle = &bundle;
      // The forms are numbered first: the list prints their numbers.
      merge::RecordSets rows{{kKind, bundle.candidates}};
      for (records::Record& row : rows[kKind]) {
        one.forms.push_back(stamp_record(campaign, publication.numbers(), row));
        row.fields[merge::kDocumentNumber] = one.forms.back().number;
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
      one.list = stamp_collection(campaign, publication.numbers(), kListKind,
                                  collection_data(listed, named), bundle.key);
      one.list.add_to(own);
      merge::ComposedDocument list = merge::compose(list_template, none, own, date, &rows);
      problems.insert(problems.end(), list.diagnostics.begin(), list.diagnostics.end());
      env.step(++done, total, own[kBundleName]);
      one.stem = list.file_name.substr(0, list.file_name.size() - 4);
      // Flat bookmarks: the list, then one per candidate.
      PacketBinder binder;
      // After a problem the rest are still composed, so that one run reports them all, but no
      // more is painted.
      if (!has_errors(problems)) {
        binder.start_part(list_label, 1, list_label);
        binder.add(list_label, list.document);
      }
      for (size_t i = 0; i < bundle.candidates.size(); ++i) {
        const records::Record& candidate = bundle.candidates[i];
        std::map<std::string, std::string> form_globals = globals;
        one.forms[i].add_to(form_globals);
        merge::ComposedDocument doc = merge::compose(form, candidate, form_globals, date);
        problems.insert(problems.end(), doc.diagnostics.begin(), doc.diagnostics.end());
        const std::string& name = candidate.get("name");
        env.step(++done, total, name);
        if (!has_errors(problems)) {
          binder.start_part(name, 1, name);
          binder.add(name, doc.document);
        }
      }
      if (!has_errors(problems)) {
        one.pages = static_cast<int>(binder.pages());
        one.pdf = binder.finish(list.document.info);
      }
      composed.push_back(std::move(one));
    }
    result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
    if (has_errors(problems))
      return 0;

    // Every name is decided before anything is written: two bodies whose names differ only in
    // characters a file system cannot hold get their lists' numbers appended.
    std::vector<output::NameRequest> requests;
    for (const ComposedBundle& bundle : composed)
      requests.push_back({bundle.stem + ".pdf", bundle.list.number});
    const std::vector<std::string> names =
        output::unique_file_names(requests, out, {"manifest.csv"});
    std::vector<output::ManifestRow> manifest;
    for (size_t b = 0; b < composed.size(); ++b) {
      ComposedBundle& bundle = composed[b];
      const std::string& pdf_name = names[b];
      bundle.stem = pdf_name.substr(0, pdf_name.size() - 4);
      const int pages = bundle.pages;
      const std::string sha =
          publication.add_document(out / pdf_name, bundle.pdf, bundle.list.printed());
      std::string().swap(bundle.pdf);
      manifest.push_back({pdf_name, bundle.list.number, bundle.bundle->key, pages, sha});
      for (size_t i = 0; i < bundle.forms.size(); ++i) {
        const records::Record& candidate = bundle.bundle->candidates[i];
        publication.add_printing(bundle.forms[i].printed());
        const fs::path original = candidate.get("photo");
        const std::string photo_name =
            bundle.stem + "/" + bundle.forms[i].number + original.extension().string();
        manifest.push_back(
            {photo_name, bundle.forms[i].number, candidate.key, 0,
             publication.add_plain_file(out / photo_name, read_whole_file(original.string()))});
      }
      result.bundles.push_back(
          {(out / pdf_name).string(), pages, static_cast<int>(bundle.forms.size())});
    }
    publication.add_plain_file(out / "manifest.csv", output::manifest_csv(manifest));
    publication.commit();
    for (const output::ManifestRow& row : manifest)
      result.files.push_back(
          {(out / row.file).string(), row.pages, row.document_number, row.record_key});
    result.manifest_path = (out / "manifest.csv").string();
    return 0;
  });
  return result;
}

}  // namespace tuijie::job
