#include "bench/packet_bench.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/enterprise_generator.hpp"
#include "core/diagnostic.hpp"
#include "job/env.hpp"
#include "job/import_job.hpp"
#include "job/packet_job.hpp"
#include "records/schema.hpp"
#include "store/workspace.hpp"

namespace tuijie::bench {

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t k20200630 = 1593475200;  // the campaign's age date, as the tests use
constexpr const char* kCampaign = TUIJIE_SOURCE_DIR "/data/campaigns/tianjin-2020.json";

struct PacketOptions {
  std::vector<std::size_t> counts = {1, 500, 2000, 5000};
  std::string fonts = TUIJIE_SOURCE_DIR "/fonts/fonts.xml";
  std::string keep;  // "" = a temporary folder, removed afterwards
};

// What a later row needs of the N=1 row: the fixed cost every packet pays.
struct Baseline {
  int pages = 0;
  long peak_kib = 0;
};

// The folder one N runs in: DIR/n<N> under --keep (made afresh), else a temporary folder that
// is removed when the run ends.
class RunFolder {
 public:
  RunFolder(const std::string& keep, std::size_t count) {
    if (keep.empty()) {
      std::string pattern = (fs::temp_directory_path() / "tuijie-bench-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder in " +
                                 fs::temp_directory_path().string());
      path_ = pattern;
      temporary_ = true;
    } else {
      path_ = fs::path(keep) / ("n" + std::to_string(count));
      fs::remove_all(path_);
      fs::create_directories(path_);
    }
  }
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;
  ~RunFolder() {
    std::error_code ignored;
    if (temporary_)
      fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  bool temporary_ = false;
};

void print_diagnostics(const Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < diagnostics.size() && i < 5; ++i)
    std::fprintf(stderr, "  %s\n", diagnostics[i].format(Lang::En).c_str());
  if (diagnostics.size() > 5)
    std::fprintf(stderr, "  ... %zu more\n", diagnostics.size() - 5);
}

// Generates and imports `count` enterprises; false (after printing why) unless every record
// was stored without a single diagnostic.
bool import_enterprises(const job::Env& env, const fs::path& folder, std::size_t count) {
  const records::SchemaSet schemas = records::load_schema_set(env.resource("data/records"));
  const records::Schema* enterprise = schemas.find("enterprise");
  if (enterprise == nullptr)
    throw std::runtime_error("data/records has no enterprise schema");
  const fs::path file = folder / "enterprises.json";
  {
    std::ofstream out(file);
    generate_enterprises(*enterprise, count).stringify(out);
    if (!out)
      throw std::runtime_error("cannot write " + file.string());
  }
  job::ImportJob import;
  import.kind = "enterprise";
  import.files = {file.string()};
  const job::ImportResult imported = import.run(env);
  const job::FileImport& result = imported.files.at(0);
  const bool clean = result.refusal == job::FileImport::Refusal::None && result.stored &&
                     result.diagnostics.empty() &&
                     result.stored->inserted == static_cast<long>(count);
  if (!clean) {
    std::fprintf(stderr, "packet N=%zu: the generated enterprises did not import cleanly (%s)\n",
                 count, file.c_str());
    print_diagnostics(result.diagnostics);
  }
  return clean;
}

// One N, in this (child) process: prints its row and writes "pages peak_kib" to `report`.
int run_count(const PacketOptions& options, std::size_t count,
              const std::optional<Baseline>& baseline, int report) {
  RunFolder folder(options.keep, count);
  const std::string dir = (folder.path() / "ws").string();
  job::Env env;
  env.resources = TUIJIE_SOURCE_DIR;
  env.output_root = folder.path() / "ws" / "out";
  env.fonts_manifest = options.fonts;  // loaded by the job, as `tuijie packet` does
  env.clock = RunClock{k20200630};
  // The records are generated and imported by a process of their own, as a bureau imports
  // before it runs `tuijie packet`: this process's peak is the packet's alone.
  const pid_t importer = fork();
  if (importer == 0) {
    int code = 70;
    try {
      store::Workspace created = store::Workspace::create(dir, kCampaign, RunClock{k20200630});
      env.workspace = &created;
      code = import_enterprises(env, folder.path(), count) ? 0 : 65;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "packet N=%zu: import: %s\n", count, e.what());
    }
    std::_Exit(code);
  }
  int status = 0;
  waitpid(importer, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
  store::Workspace workspace = store::Workspace::open(dir);
  workspace.set_clock(RunClock{k20200630});
  env.workspace = &workspace;

  const auto start = std::chrono::steady_clock::now();
  const job::PacketResult packet = job::PacketJob{}.run(env);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int recommended = 0;
  for (const auto& [kind, n] : packet.recommended)
    recommended += kind == "enterprise" ? n : 0;
  if (!packet.ok() || packet.packet_path.empty() || recommended != static_cast<int>(count)) {
    std::fprintf(stderr, "packet N=%zu: %d of the enterprises recommended, %zu diagnostics\n",
                 count, recommended, packet.diagnostics.size());
    print_diagnostics(packet.diagnostics);
    return 65;
  }

  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  const long peak_kib = usage.ru_maxrss;  // Linux: KiB
  const int pages = packet.packet_pages;
  const std::size_t documents = packet.files.size() - 1;  // all but the packet itself
  const auto bytes = static_cast<double>(fs::file_size(packet.packet_path));
  char growth[32] = "-";
  if (baseline && pages > baseline->pages)
    std::snprintf(growth, sizeof growth, "%.1f",
                  static_cast<double>(peak_kib - baseline->peak_kib) / (pages - baseline->pages));
  std::printf("| %5zu | %9zu | %12d | %8.2f | %7.1f | %10.0f | %8.1f | %15s |\n", count, documents,
              pages, seconds, pages / seconds, bytes / pages, peak_kib / 1024.0, growth);
  std::fflush(stdout);
  const std::string figures = std::to_string(pages) + " " + std::to_string(peak_kib) + "\n";
  if (write(report, figures.data(), figures.size()) != static_cast<ssize_t>(figures.size()))
    return 70;
  return 0;
}

std::optional<PacketOptions> parse(int argc, char** argv) {
  PacketOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc)
      return std::nullopt;
    const std::string value = argv[++i];
    if (arg == "-n") {
      options.counts.clear();
      std::stringstream list(value);
      for (std::string item; std::getline(list, item, ',');) {
        if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos ||
            std::stoul(item) == 0)
          return std::nullopt;
        options.counts.push_back(std::stoul(item));
      }
      if (options.counts.empty())
        return std::nullopt;
    } else if (arg == "--fonts") {
      options.fonts = value;
    } else if (arg == "--keep") {
      options.keep = fs::absolute(value).string();
    } else {
      return std::nullopt;
    }
  }
  // The N=1 row is every later row's baseline: it runs first, asked for or not.
  std::erase(options.counts, std::size_t{1});
  options.counts.insert(options.counts.begin(), 1);
  return options;
}

}  // namespace

int packet_main(int argc, char** argv) {
  const std::optional<PacketOptions> parsed = parse(argc, argv);
  if (!parsed) {
    std::fprintf(
        stderr,
        "usage: tuijie-bench packet [-n 1,500,2000,5000] [--fonts MANIFEST] [--keep DIR]\n");
    return 64;
  }
  const PacketOptions& options = *parsed;
  std::printf("packet of N generated enterprises, campaign %s, fonts %s, %u cores\n", kCampaign,
              options.fonts.c_str(), std::max(1u, std::thread::hardware_concurrency()));
  std::printf(
      "|     N | documents | packet pages | seconds  | pages/s | bytes/page | peak MiB | KiB/page "
      "over N=1 |\n");
  std::printf(
      "|-------|-----------|--------------|----------|---------|------------|----------|----------"
      "-------|\n");
  std::fflush(stdout);
  std::optional<Baseline> baseline;
  int status_all = 0;
  for (std::size_t count : options.counts) {
    int report[2];
    if (pipe(report) != 0) {
      std::perror("pipe");
      return 70;
    }
    const pid_t child = fork();
    if (child == 0) {
      close(report[0]);
      int code = 70;
      try {
        code = run_count(options, count, baseline, report[1]);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "packet N=%zu: %s\n", count, e.what());
      }
      std::fflush(stdout);  // _Exit does not flush
      std::_Exit(code);
    }
    close(report[1]);
    std::string figures;
    char buffer[64];
    for (ssize_t got; (got = read(report[0], buffer, sizeof buffer)) > 0;)
      figures.append(buffer, static_cast<std::size_t>(got));
    close(report[0]);
    int status = 0;
    waitpid(child, &status, 0);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 70;
    if (code != 0) {
      status_all = status_all == 0 ? code : status_all;
      if (count == 1)
        break;  // without the baseline the other rows mean little; the error says why
      continue;
    }
    if (!baseline) {
      Baseline first;
      std::istringstream(figures) >> first.pages >> first.peak_kib;
      baseline = first;
    }
  }
  return status_all;
}

}  // namespace tuijie::bench
