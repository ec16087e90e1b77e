// Times the PDF writer on benchmark-like documents and prints the figures (not a test: the
// machine is shared, so timings are read, not asserted).
//
//   pdf_writer_timing [forms]   (default 300)
//
// Layout is done before timing starts: only write_pdf / write_pdf_file are measured.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pdf/pdf_writer.hpp"
#include "sample_documents.hpp"

using namespace tuijie;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of the calling thread: steadier than wall time on a shared machine.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * (values.size() - 1))];
}

size_t distinct_characters(const page::PagedDocument& doc) {
  std::set<char32_t> seen;
  for (const auto& page : doc.pages) {
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<page::GlyphRun>(&item)) {
        seen.insert(run->text.begin(), run->text.end());
      }
    }
  }
  return seen.size();
}

}  // namespace

int main(int argc, char** argv) {
  const size_t forms = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
  std::vector<page::PagedDocument> docs;
  std::vector<double> distinct;
  for (size_t i = 0; i < forms; ++i) {
    docs.push_back(testing::sample_form(static_cast<unsigned>(i + 1)));
    distinct.push_back(static_cast<double>(distinct_characters(docs.back())));
  }
  std::printf("%zu one-page forms, distinct characters per form: median %.0f, max %.0f\n", forms,
              percentile(distinct, 0.5), percentile(distinct, 1.0));

  auto start = Clock::now();
  pdf::write_pdf(docs[0]);  // loads and preprocesses the fonts once per process
  std::printf("first document (font preprocessing included): %.1f ms\n", ms_since(start));

  std::vector<double> times, cpu_times, sizes;
  for (const auto& doc : docs) {
    start = Clock::now();
    double cpu_start = thread_cpu_ms();
    std::string bytes = pdf::write_pdf(doc);
    cpu_times.push_back(thread_cpu_ms() - cpu_start);
    times.push_back(ms_since(start));
    sizes.push_back(static_cast<double>(bytes.size()));
  }
  std::printf("one thread, in memory: median %.3f ms, p90 %.3f ms, mean %.3f ms per document\n",
              percentile(times, 0.5), percentile(times, 0.9),
              std::accumulate(times.begin(), times.end(), 0.0) / times.size());
  std::printf("  CPU time: median %.3f ms, p10 %.3f ms, p90 %.3f ms per document\n",
              percentile(cpu_times, 0.5), percentile(cpu_times, 0.1), percentile(cpu_times, 0.9));
  std::printf("size: median %.1f KB, max %.1f KB\n", percentile(sizes, 0.5) / 1024,
              percentile(sizes, 1.0) / 1024);

  const std::string dir = (std::filesystem::temp_directory_path() / "tuijie-pdf-timing").string();
  std::filesystem::create_directories(dir);
  start = Clock::now();
  for (size_t i = 0; i < docs.size(); ++i) {
    pdf::write_pdf_file(docs[i], dir + "/" + std::to_string(i) + ".pdf");
  }
  std::printf("one thread, to files: %.3f ms per document\n", ms_since(start) / docs.size());

  start = Clock::now();
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&docs, t] {
      for (size_t i = t; i < docs.size(); i += 2) {
        pdf::write_pdf(docs[i]);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::printf("two threads, in memory: %.3f ms of wall time per document\n",
              ms_since(start) / docs.size());
  std::filesystem::remove_all(dir);

  page::PagedDocument combined;
  for (size_t i = 0; i < 500; ++i) {
    page::PagedDocument form = testing::sample_form(static_cast<unsigned>(i + 1));
    combined.bookmarks.push_back({form.info.title, static_cast<int>(i), 0, 0});
    combined.pages.push_back(std::move(form.pages[0]));
  }
  start = Clock::now();
  std::string bytes = pdf::write_pdf(combined);
  std::printf("500-page document: %.1f ms, %.0f KB, %.2f KB per page\n", ms_since(start),
              bytes.size() / 1024.0, bytes.size() / 1024.0 / 500);
  return 0;
}
