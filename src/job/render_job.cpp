#include "job/render_job.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "job/document_identity.hpp"
#include "job/publishing.hpp"
#include "job/render_batch.hpp"
#include "job/templates.hpp"
#include "output/file_names.hpp"

namespace tuijie::job {

namespace fs = std::filesystem;

namespace {

// The records to render: all of the kind, or those `keys` names (in that order).
std::vector<records::Record> select(std::vector<records::Record> all, const std::string& kind,
                                    const std::vector<std::string>& keys) {
  if (all.empty()) {
    throw TuijieError(make_error(Category::MissingInput, "no-records",
                                 "工作区中没有 " + kind + " 记录；请先导入",
                                 "the workspace holds no " + kind + " records; import some first"));
  }
  if (keys.empty())
    return all;
  std::vector<records::Record> chosen;
  Diagnostics unknown;
  std::set<std::string> seen;
  for (const std::string& key : keys) {
    if (!seen.insert(key).second)
      continue;
    const auto it =
        std::ranges::find_if(all, [&](const records::Record& r) { return r.key == key; });
    if (it == all.end()) {
      Diagnostic d = make_error(Category::Usage, "unknown-record-key", "工作区中没有此记录",
                                "the workspace has no such record");
      d.record = kind + " " + key;
      unknown.push_back(std::move(d));
    } else {
      chosen.push_back(*it);
    }
  }
  if (!unknown.empty())
    throw TuijieError(std::move(unknown));
  return chosen;
}

}  // namespace

JobResult RenderJob::run(const Env& env) const {
  store::Workspace& workspace = env.store();
  const store::Campaign& campaign = workspace.campaign();
  RenderBatch batch;
  batch.template_path = template_path;
  if (batch.template_path.empty()) {
    const std::string named = campaign.template_for(kind);
    if (named.empty()) {
      Diagnostic d = make_error(
          Category::Usage, "usage", "活动文件没有为 " + kind + " 指定模板；请用 --template 指定",
          "the campaign names no template for " + kind + "; give one with --template");
      throw TuijieError(std::move(d));
    }
    batch.template_path = env.resource(named);
  }
  std::error_code missing;
  if (!fs::is_regular_file(batch.template_path, missing)) {
    throw TuijieError(make_error(Category::MissingInput, "template-missing", "找不到模板文件",
                                 "no such template file", batch.template_path));
  }
  batch.records = select(workspace.records(kind), kind, keys);
  batch.out_dir = env.output_folder(out_dir, kind).string();
  batch.combined = combined;
  batch.threads = threads;
  batch.globals = campaign.globals();
  batch.catalog = template_fields(load_schemas(env), kind, batch.globals);
  batch.creation_date = pdf_creation_date(env.clock, campaign.document_date());

  // The folder is made (or found unmakeable) before the slower template compiling.
  std::error_code error;
  fs::create_directories(batch.out_dir, error);
  if (error) {
    throw TuijieError(make_error(
        Category::CannotCreate, "cannot-create-output", "无法创建输出文件夹：" + error.message(),
        "cannot create the output folder: " + error.message(), batch.out_dir));
  }
  batch.fonts = env.shared_fonts();
  JobResult result;
  result.tidied = output::tidy_output_folder(workspace, batch.out_dir);

  const RenderReport report = with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    // Each document's number (assigned when its file is recorded, kept for good) and the hash
    // of what it prints.
    std::vector<DocumentStamp> stamps;
    batch.record_globals.clear();
    for (const records::Record& record : batch.records) {
      stamps.push_back(stamp_record(campaign, publication.numbers(), record));
      std::map<std::string, std::string> identity;
      stamps.back().add_to(identity);
      batch.record_globals.push_back(std::move(identity));
    }
    // The combined file is a document of its own: its number (documents.combined), and the
    // data of the records it binds, which verify compares one by one.
    std::optional<DocumentStamp> combined_stamp;
    batch.combined_globals.clear();
    if (batch.combined) {
      combined_stamp = stamp_collection(campaign, publication.numbers(), "combined",
                                        collection_data({{kind, batch.records}}, {}), kind);
      combined_stamp->add_to(batch.combined_globals);
    }
    batch.name_files = [&](const std::vector<std::string>& asked) {
      std::vector<output::NameRequest> requests;
      for (size_t i = 0; i < asked.size(); ++i)
        requests.push_back({asked[i], stamps[i].number});
      std::vector<std::string> reserved;
      if (batch.combined)
        reserved.push_back(batch.combined_name);
      return output::unique_file_names(requests, batch.out_dir, reserved);
    };
    batch.write_file = [&](size_t index, const std::string& path, std::string pdf) {
      if (index == kCombined) {
        publication.add_document(path, pdf, combined_stamp->printed());
      } else {
        publication.add_document(path, pdf, stamps[index].printed());
      }
    };
    batch.progress = [&](size_t done, const std::string& what) {
      env.step(done, batch.records.size(), what);
    };
    RenderReport rendered = render_batch(batch);
    publication.commit();
    return rendered;
  });
  for (const RenderedFile& file : report.files) {
    const std::string number = file.record == kCombined
                                   ? batch.combined_globals.at(merge::kDocumentNumber)
                                   : batch.record_globals[file.record].at(merge::kDocumentNumber);
    result.files.push_back({file.path, file.pages, number, file.record_key});
  }
  result.diagnostics = report.diagnostics;
  return result;
}

}  // namespace tuijie::job
