#include "job/render_batch.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "merge/compiled_template.hpp"
#include "merge/render.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/element.hpp"

namespace tuijie::job {

namespace {

struct Rendered {
  page::PagedDocument document;
  Diagnostics diagnostics;
  int pages = 0;
  bool ok = false;
};

// The values record `index` prints: the job's, and its own over them.
std::map<std::string, std::string> globals_for(const RenderBatch& job, size_t index) {
  if (index >= job.record_globals.size() || job.record_globals[index].empty())
    return job.globals;
  std::map<std::string, std::string> globals = job.globals;
  for (const auto& [name, value] : job.record_globals[index])
    globals[name] = value;
  return globals;
}

void write(const RenderBatch& job, size_t record, const std::string& path,
           const page::PagedDocument& document) {
  if (job.write_file) {
    job.write_file(record, path, pdf::write_pdf(document));
  } else {
    pdf::write_pdf_file(document, path);
  }
}

}  // namespace

RenderReport render_batch(const RenderBatch& job) {
  if (!job.fonts) {
    throw TuijieError(make_error(Category::MissingInput, "fonts-missing", "没有加载字体清单",
                                 "no font manifest loaded"));
  }
  merge::CompiledTemplate tpl = merge::compile_template(
      templates::parse_template_file(job.template_path), *job.fonts, job.catalog);
  std::error_code ec;
  std::filesystem::create_directories(job.out_dir, ec);
  if (ec) {
    throw TuijieError(make_error(Category::CannotCreate, "output-folder",
                                 "无法创建输出文件夹：" + ec.message(),
                                 "cannot create the output folder: " + ec.message(), job.out_dir));
  }

  // Every name is decided before any file is written.
  std::vector<std::string> names;
  for (size_t i = 0; i < job.records.size(); ++i)
    names.push_back(merge::document_file_name(tpl, job.records[i], globals_for(job, i)));
  if (job.name_files)
    names = job.name_files(names);
  auto path_of = [&](const std::string& name) {
    return (std::filesystem::path(job.out_dir) / name).string();
  };

  // Documents are independent: render them on `threads` workers, report in record order.
  std::vector<Rendered> results(job.records.size());
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::mutex progress_mutex;
  size_t done = 0;
  auto worker = [&] {
    for (size_t i = next++; i < job.records.size(); i = next++) {
      try {
        merge::ComposedDocument composed =
            merge::compose(tpl, job.records[i], globals_for(job, i), job.creation_date);
        Rendered& out = results[i];
        out.ok = composed.ok();
        out.document = std::move(composed.document);
        out.diagnostics = std::move(composed.diagnostics);
        if (job.per_record && out.ok)
          write(job, i, path_of(names[i]), out.document);
        out.pages = static_cast<int>(out.document.pages.size());
        if (!job.combined)
          out.document.pages.clear();  // free memory early
        if (job.progress) {
          std::lock_guard<std::mutex> lock(progress_mutex);
          job.progress(++done, job.records[i].key);
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure)
          failure = std::current_exception();
        next = job.records.size();  // the job stops: no more documents
      }
    }
  };
  int threads = std::max(1, std::min<int>(job.threads, static_cast<int>(job.records.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& t : pool)
    t.join();
  if (failure)
    std::rethrow_exception(failure);

  RenderReport report;
  // Which stand-in faces the documents print in, said once for the batch.
  report.diagnostics = job.fonts->substitutions_for(tpl.font_roles);
  page::PagedDocument combined;
  for (size_t i = 0; i < results.size(); ++i) {
    Rendered& r = results[i];
    for (auto& d : r.diagnostics)
      report.diagnostics.push_back(std::move(d));
    if (!r.ok)
      continue;
    if (job.per_record)
      report.files.push_back({path_of(names[i]), job.records[i].key, r.pages, i});
    if (job.combined) {
      combined.bookmarks.push_back(
          {r.document.info.title.empty() ? job.records[i].key : r.document.info.title,
           static_cast<int>(combined.pages.size()), 0, 0});
      if (combined.info.title.empty()) {
        // The combined file is titled by what its documents are (their subject).
        combined.info = r.document.info;
        combined.info.title = r.document.info.subject;
        combined.info.keywords.clear();
      }
      for (auto& page : r.document.pages)
        combined.pages.push_back(std::move(page));
    }
  }
  if (job.combined && !combined.pages.empty()) {
    const std::string path = path_of(job.combined_name);
    const auto number = job.combined_globals.find(merge::kDocumentNumber);
    const auto hash = job.combined_globals.find(merge::kDocumentHash);
    if (number != job.combined_globals.end() && hash != job.combined_globals.end())
      merge::mark_document(combined.info, number->second, hash->second);
    write(job, kCombined, path, combined);
    report.files.push_back({path, "", static_cast<int>(combined.pages.size())});
  }
  return report;
}

}  // namespace tuijie::job
