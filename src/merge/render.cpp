#include "merge/render.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "core/message_text.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/element.hpp"

namespace tuijie::merge {

// File names come from record values: keep them portable, unable to leave the folder, and
// free of anything that steers a terminal or the reading direction (a right-to-left override
// makes "gpj.exe" read "exe.jpg"): each such character is written as '_'.
std::string safe_file_name(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const unsigned char lead = static_cast<unsigned char>(name[i]);
    size_t length = lead < 0xC2 || lead > 0xF4 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    for (size_t k = 1; k < length; ++k) {
      if (i + k >= name.size() || (static_cast<unsigned char>(name[i + k]) & 0xC0) != 0x80)
        length = 1;  // a sequence cut short: its lead byte alone, shown as '_'
    }
    const std::string_view character = std::string_view(name).substr(i, length);
    i += character.size();
    if (character.size() == 1 &&
        std::string_view("/\\:*?\"<>|").find(character.front()) != std::string_view::npos) {
      out += '_';
    } else if (message_text::escape_controls(character) != character) {
      out += '_';  // a control, a bidi mark, or a byte that is not UTF-8
    } else {
      out += character;
    }
  }
  // A leading dot hides the file; separators at either end are what empty fields leave.
  auto trimmed = [](char c) { return c == '.' || c == ' ' || c == '-' || c == '_'; };
  while (!out.empty() && trimmed(out.front()))
    out.erase(0, 1);
  while (!out.empty() && trimmed(out.back()))
    out.pop_back();
  return out;
}

std::string document_file_name(const CompiledTemplate& tpl, const records::Record& record,
                               const std::map<std::string, std::string>& globals) {
  const templates::TextPattern& pattern = tpl.root.pattern("file-name");
  records::Record named = record;
  named.fields.emplace("key", record.key);
  std::string name = safe_file_name(substitute(pattern, named, globals));
  if (name.empty())
    name = safe_file_name(record.key);
  return (name.empty() ? std::string("document") : name) + ".pdf";
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
  out.file_name = document_file_name(tpl, record, globals);
  return out;
}

namespace {

struct Rendered {
  page::PagedDocument document;
  Diagnostics diagnostics;
  int pages = 0;
  bool ok = false;
};

// The values record `index` prints: the job's, and its own over them.
std::map<std::string, std::string> globals_for(const RenderJob& job, size_t index) {
  if (index >= job.record_globals.size() || job.record_globals[index].empty())
    return job.globals;
  std::map<std::string, std::string> globals = job.globals;
  for (const auto& [name, value] : job.record_globals[index])
    globals[name] = value;
  return globals;
}

void write(const RenderJob& job, size_t record, const std::string& path,
           const page::PagedDocument& document) {
  if (job.write_file) {
    job.write_file(record, path, pdf::write_pdf(document));
  } else {
    pdf::write_pdf_file(document, path);
  }
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

  // Every name is decided before any file is written.
  std::vector<std::string> names;
  for (size_t i = 0; i < job.records.size(); ++i)
    names.push_back(document_file_name(tpl, job.records[i], globals_for(job, i)));
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
  auto worker = [&] {
    for (size_t i = next++; i < job.records.size(); i = next++) {
      try {
        ComposedDocument composed =
            compose(tpl, job.records[i], globals_for(job, i), job.creation_date);
        Rendered& out = results[i];
        out.ok = composed.ok();
        out.document = std::move(composed.document);
        out.diagnostics = std::move(composed.diagnostics);
        if (job.per_record && out.ok)
          write(job, i, path_of(names[i]), out.document);
        out.pages = static_cast<int>(out.document.pages.size());
        if (!job.combined)
          out.document.pages.clear();  // free memory early
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
  page::PagedDocument combined;
  for (size_t i = 0; i < results.size(); ++i) {
    Rendered& r = results[i];
    for (auto& d : r.diagnostics)
      report.diagnostics.push_back(std::move(d));
    if (!r.ok)
      continue;
    if (job.per_record)
      report.files.push_back({path_of(names[i]), job.records[i].key, r.pages});
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
    write(job, kCombined, path, combined);
    report.files.push_back({path, "", static_cast<int>(combined.pages.size())});
  }
  return report;
}

}  // namespace tuijie::merge
