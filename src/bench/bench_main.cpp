// tuijie-bench: renders the peer benchmark's records and prints speed, size and memory.
//
//   tuijie-bench --records peer-records.json [--fonts fonts/peers.xml]
//                [--template templates/peer-form.xml] [-n 500] [--out DIR]
//
// Each mode runs in its own child process, so that its peak memory is its own and each pays
// for loading its fonts, as the peers' one-process-per-run figures do.
//
//   tuijie-bench packet [-n 1,500,2000,5000] [--fonts fonts/fonts.xml] [--keep DIR]
//
// The packet case (packet_bench.cpp, `make bench-packet`): for each N, in its own child, a
// new workspace of the Tianjin campaign (clock fixed at 2020-06-30) gets N generated, eligible
// enterprises (enterprise_generator.hpp, seed 2020) through job::ImportJob; then only
// job::PacketJob is timed (it loads the fonts, as `tuijie packet` does). Each row: N, the
// documents in the records folder, the packet's pages, seconds, pages/s, packet bytes/page,
// peak RSS, and the peak's growth over the N=1 row per extra page, which is what a packet
// costs in memory beyond the fixed cost of fonts and templates (N=1 always runs first). The
// workspace goes to a temporary folder that is removed, or under --keep DIR to DIR/n<N>/.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "bench/packet_bench.hpp"
#include "bench/peer_records.hpp"
#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "job/render_batch.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"

namespace {

struct Options {
  std::string records = "peer-records.json";
  std::string fonts = TUIJIE_SOURCE_DIR "/fonts/peers.xml";
  std::string templ = TUIJIE_SOURCE_DIR "/templates/peer-form.xml";
  std::string out = "bench-out";
  size_t count = 500;
  std::string only;  // run just this mode (for profiling)
};

struct Mode {
  const char* name;
  bool combined;
  int threads;
};

uintmax_t folder_bytes(const std::string& dir) {
  uintmax_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file())
      total += entry.file_size();
  }
  return total;
}

// Runs one mode in this (child) process and prints its row.
int run_mode(const Options& options, const Mode& mode) {
  auto start = std::chrono::steady_clock::now();
  auto fonts = tuijie::fonts::FontSet::load(options.fonts);
  tuijie::job::RenderBatch job;
  job.template_path = options.templ;
  job.fonts = fonts;
  job.records = tuijie::bench::read_peer_records(options.records, options.count);
  job.out_dir = options.out + "/" + mode.name;
  std::filesystem::remove_all(job.out_dir);
  job.per_record = !mode.combined;
  job.combined = mode.combined;
  job.combined_name = "all.pdf";
  job.threads = mode.threads;
  auto loaded = std::chrono::steady_clock::now();
  auto report = tuijie::job::render_batch(job);
  auto end = std::chrono::steady_clock::now();
  int pages = 0;
  for (const auto& f : report.files)
    pages += f.pages;
  if (mode.combined && !report.files.empty())
    pages = report.files.back().pages;
  double wall = std::chrono::duration<double>(end - start).count();
  double render_s = std::chrono::duration<double>(end - loaded).count();
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  uintmax_t bytes = folder_bytes(job.out_dir);
  std::printf("| %-10s | %7d | %5zu | %5d | %8.3f | %8.3f | %9.1f | %10.0f | %8.1f | %5zu |\n",
              mode.combined ? "combined" : "per-file", mode.threads, report.files.size(), pages,
              wall, render_s, pages / wall, pages ? static_cast<double>(bytes) / pages : 0.0,
              usage.ru_maxrss / 1024.0, report.diagnostics.size());
  for (size_t i = 0; i < report.diagnostics.size() && i < 5; ++i) {
    std::fprintf(stderr, "  %s\n", report.diagnostics[i].format(tuijie::Lang::En).c_str());
  }
  return 0;
}

// The second figure: the real candidate form with the samples' camera photos (1.3-2.2 MB
// JPEGs), one file per candidate, with the project's own fonts.
int run_photo_forms(const Options& options) {
  const std::string root = TUIJIE_SOURCE_DIR;
  auto start = std::chrono::steady_clock::now();
  auto schemas = tuijie::records::load_schema_set(root + "/data/records");
  auto campaign = tuijie::store::Campaign::load(root + "/data/campaigns/tianjin-2020.json");
  tuijie::records::ImportOptions import;
  import.campaign_date = campaign.age_date();
  tuijie::job::RenderBatch job;
  for (const char* file : {"candidates.csv", "candidates-extb.csv"}) {
    auto read = tuijie::records::read_records(root + "/samples/" + file, schemas, import);
    for (auto& r : read.records)
      job.records.push_back(r);
  }
  job.template_path = root + "/templates/candidate-form.xml";
  job.fonts = tuijie::fonts::FontSet::load(root + "/fonts/fonts.xml");
  job.globals = campaign.globals();
  job.out_dir = options.out + "/photo-forms";
  std::filesystem::remove_all(job.out_dir);
  auto report = tuijie::job::render_batch(job);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("\nThe candidate form with a camera photo (samples/, fonts/fonts.xml), %.2f s:\n",
              wall);
  std::printf("| file | pages | bytes | photo bytes |\n|---|---|---|---|\n");
  for (size_t i = 0; i < report.files.size(); ++i) {
    const auto& f = report.files[i];
    std::string photo = job.records[i].get("photo");
    std::printf("| %s | %d | %ju | %ju |\n", std::filesystem::path(f.path).filename().c_str(),
                f.pages, std::filesystem::file_size(f.path),
                photo.empty() ? uintmax_t{0} : std::filesystem::file_size(photo));
  }
  return report.diagnostics.empty() ? 0 : 65;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "packet") == 0)
    return tuijie::bench::packet_main(argc - 1, argv + 1);
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--records")
      options.records = value();
    else if (arg == "--fonts")
      options.fonts = value();
    else if (arg == "--template")
      options.templ = value();
    else if (arg == "--out")
      options.out = value();
    else if (arg == "-n")
      options.count = std::stoul(value());
    else if (arg == "--mode")
      options.only = value();
    else {
      std::fprintf(
          stderr,
          "usage: tuijie-bench --records FILE [--fonts M] [--template T] [-n N] [--out DIR]\n"
          "       tuijie-bench packet [-n 1,500,2000,5000] [--fonts M] [--keep DIR]\n");
      return 64;
    }
  }
  std::printf("records %s, template %s, fonts %s, %u cores\n", options.records.c_str(),
              options.templ.c_str(), options.fonts.c_str(),
              std::max(1u, std::thread::hardware_concurrency()));
  std::printf(
      "| mode       | threads | files | pages | wall s   | render s | pages/s   | bytes/page | "
      "peak MiB | diags |\n");
  std::printf(
      "|------------|---------|-------|-------|----------|----------|-----------|------------|-----"
      "-----|-------|\n");
  std::fflush(stdout);
  const Mode modes[] = {{"per-file-1", false, 1},
                        {"per-file-2", false, 2},
                        {"combined-1", true, 1},
                        {"combined-2", true, 2}};
  int status_all = 0;
  for (const Mode& mode : modes) {
    if (!options.only.empty() && options.only != mode.name)
      continue;
    pid_t child = fork();
    if (child == 0) {
      int code = 70;
      try {
        code = run_mode(options, mode);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", mode.name, e.what());
      }
      std::fflush(stdout);  // _Exit does not flush
      std::_Exit(code);
    }
    int status = 0;
    waitpid(child, &status, 0);
    std::fflush(stdout);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      status_all = 70;
  }
  if (options.only.empty() || options.only == "photo-forms") {
    std::fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
      int code = 70;
      try {
        code = run_photo_forms(options);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "photo-forms: %s\n", e.what());
      }
      std::fflush(stdout);
      std::_Exit(code);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      status_all = 70;
  }
  return status_all;
}
