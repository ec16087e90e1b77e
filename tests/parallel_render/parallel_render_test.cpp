// render --threads N: documents composed and written by a pool of workers that share the fonts,
// the faces' glyph caches and the prepared photos. Whatever the number of threads, the same
// records give the same files, byte for byte, and the same report.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fonts/font_set.hpp"
#include "job/render_batch.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"

using namespace tuijie;
namespace fs = std::filesystem;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The sample candidates (their camera photos included), repeated under new numbers to make
// `count` records, so that several workers print the same photos and characters at once.
std::vector<records::Record> candidates(std::size_t count, const store::Campaign& campaign) {
  const auto schemas = records::load_schema_set(kSource + "/data/records");
  records::ImportOptions options;
  options.campaign_date = campaign.age_date();
  std::vector<records::Record> samples;
  for (const char* file : {"candidates.csv", "candidates-extb.csv"}) {
    auto result = records::read_records(kSource + "/samples/" + file, schemas, options);
    REQUIRE(result.ok());
    samples.insert(samples.end(), result.records.begin(), result.records.end());
  }
  REQUIRE(samples.size() >= 7);
  std::vector<records::Record> out;
  for (std::size_t i = 0; i < count; ++i) {
    records::Record r = samples[i % samples.size()];
    r.key += "-" + std::to_string(i);
    r.fields["candidate_id"] = "T" + std::to_string(1000 + i);  // the file name: {id}-{name}
    out.push_back(std::move(r));
  }
  return out;
}

struct Run {
  std::map<std::string, std::string> files;  // file name -> bytes
  std::vector<std::string> report;           // rendered files and diagnostics, in order
};

Run render_with(job::RenderBatch job, int threads, const fs::path& dir) {
  fs::remove_all(dir);
  job.out_dir = dir.string();
  job.threads = threads;
  const job::RenderReport report = job::render_batch(job);
  Run run;
  for (const auto& file : report.files) {
    run.report.push_back(fs::path(file.path).filename().string() + " " + file.record_key + " " +
                         std::to_string(file.pages));
  }
  for (const auto& d : report.diagnostics) {
    run.report.push_back(d.format_bilingual());
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    run.files[entry.path().filename().string()] = read_bytes(entry.path());
  }
  return run;
}

}  // namespace

TEST_CASE("render on several threads writes the same files as on one", "[threads]") {
  const auto campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
  job::RenderBatch job;
  job.template_path = kSource + "/templates/candidate-form.xml";
  job.fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  job.globals = campaign.globals();
  job.combined = true;
  job.creation_date = "D:20200630000000Z";
  const std::size_t count = GENERATE(3, 12);
  job.records = candidates(count, campaign);

  const fs::path base =
      fs::temp_directory_path() / ("tuijie-parallel-render-" + std::to_string(::getpid()));
  const Run one = render_with(job, 1, base / "one");
  REQUIRE(one.files.size() == count + 1);  // one per record and the combined file
  for (int threads : {2, 4}) {
    INFO(count << " records on " << threads << " threads");
    const Run many = render_with(job, threads, base / ("threads-" + std::to_string(threads)));
    CHECK(many.report == one.report);
    REQUIRE(many.files.size() == one.files.size());
    for (const auto& [name, bytes] : one.files) {
      INFO(name);
      REQUIRE(many.files.count(name) == 1);
      CHECK(many.files.at(name) == bytes);
    }
  }
  fs::remove_all(base);
}
