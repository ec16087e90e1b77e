#include "merge/render.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/element.hpp"

namespace tuijie::merge {

// File names come from record values: keep them portable and unable to leave the folder.
std::string safe_file_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (c < 0x20 ||
        std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string::npos) {
      out += '_';
    } else {
      out += static_cast<char>(c);
    }
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' '))
    out.erase(0, 1);
  return out.empty() ? "record" : out;
}

ComposedDocument compose(const CompiledTemplate& tpl, const records::Record& record,
                         const std::map<std::string, std::string>& globals,
                         const std::string& creation_date, const RecordSets* sets) {
  ComposedDocument out;
  layout::DocumentModel model = build_document(tpl, record, globals, out.diagnostics, sets);
  layout::LayoutResult laid = layout::layout_document(model);
  for (auto& d : laid.diagnostics)
    out.diagnostics.push_back(std::move(d));
  out.document.pages = std::move(laid.pages);
  out.document.bookmarks = std::move(laid.bookmarks);
  out.document.info = model.info;
  out.document.info.creator = "tuijie";
  out.document.info.producer = "tuijie (libharu)";
  out.document.info.creation_date = creation_date;
  auto number = globals.find(kDocumentNumber);
  auto hash = globals.find(kDocumentHash);
  if (number != globals.end() && hash != globals.end()) {
    std::string& keywords = out.document.info.keywords;
    keywords += (keywords.empty() ? "" : " ") + std::string("tuijie:") + number->second + ":" +
                hash->second;
  }
  std::string pattern = tpl.root.attr("file-name", "{key}");
  records::Record named = record;
  named.fields.emplace("key", record.key);
  out.file_name = safe_file_name(substitute(pattern, named, globals)) + ".pdf";
  return out;
}

namespace {

struct Rendered {
  layout::PagedDocument document;
  Diagnostics diagnostics;
  std::string file;
  int pages = 0;
  bool ok = false;
};

Rendered render_one(const CompiledTemplate& tpl, const RenderJob& job, size_t index) {
  const records::Record& record = job.records[index];
  ComposedDocument composed;
  if (index < job.record_globals.size() && !job.record_globals[index].empty()) {
    std::map<std::string, std::string> globals = job.globals;
    for (const auto& [name, value] : job.record_globals[index])
      globals[name] = value;
    composed = compose(tpl, record, globals, job.creation_date);
  } else {
    composed = compose(tpl, record, job.globals, job.creation_date);
  }
  Rendered out;
  out.ok = composed.ok();
  out.document = std::move(composed.document);
  out.diagnostics = std::move(composed.diagnostics);
  out.file = std::move(composed.file_name);
  return out;
}

}  // namespace

RenderReport render(const RenderJob& job) {
  if (!job.fonts) {
    throw TuijieError(make_error("fonts-missing", "没有加载字体清单", "no font manifest loaded"));
  }
  CompiledTemplate tpl =
      compile_template(templates::parse_template_file(job.template_path), *job.fonts, job.catalog);
  std::error_code ec;
  std::filesystem::create_directories(job.out_dir, ec);
  if (ec) {
    throw TuijieError(make_error("output-folder", "无法创建输出文件夹：" + ec.message(),
                                 "cannot create the output folder: " + ec.message(), job.out_dir));
  }

  // Documents are independent: render them on `threads` workers, report in record order.
  std::vector<Rendered> results(job.records.size());
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    for (size_t i = next++; i < job.records.size(); i = next++) {
      try {
        results[i] = render_one(tpl, job, i);
        if (job.per_record && results[i].ok) {
          pdf::write_pdf_file(results[i].document,
                              (std::filesystem::path(job.out_dir) / results[i].file).string());
        }
        results[i].pages = static_cast<int>(results[i].document.pages.size());
        if (!job.combined) {
          results[i].document.pages.clear();  // free memory early
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure)
          failure = std::current_exception();
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
  layout::PagedDocument combined;
  for (size_t i = 0; i < results.size(); ++i) {
    Rendered& r = results[i];
    for (auto& d : r.diagnostics)
      report.diagnostics.push_back(std::move(d));
    if (!r.ok)
      continue;
    int pages = r.pages;
    if (job.per_record) {
      report.files.push_back(
          {(std::filesystem::path(job.out_dir) / r.file).string(), job.records[i].key, pages});
    }
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
    std::string path = (std::filesystem::path(job.out_dir) / job.combined_name).string();
    pdf::write_pdf_file(combined, path);
    report.files.push_back({path, "", static_cast<int>(combined.pages.size())});
  }
  return report;
}

}  // namespace tuijie::merge
