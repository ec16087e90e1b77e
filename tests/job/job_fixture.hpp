// A workspace for calling jobs in process, as the app and the server do: the Tianjin campaign,
// a fixed clock (2020-06-30), the project's resources and the tests' font manifest.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "job/env.hpp"
#include "job/import_job.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace tuijie::testing {

// The tests' fixed font manifest (tests/fonts/test-fonts.xml), never the tree's fonts.xml.
inline const char* const kJobFonts = TUIJIE_TEST_FONTS;

inline constexpr std::int64_t k20200630 = 1593475200;

struct JobWorkspace {
  TempDir tmp;
  store::Workspace workspace;
  std::vector<job::Progress> steps;  // every progress report, in order

  explicit JobWorkspace(const std::string& campaign = tianjin_campaign_path())
      : workspace(store::Workspace::create((tmp.path() / "ws").string(), campaign,
                                           RunClock{k20200630})) {}

  job::Env env() {
    job::Env env;
    env.workspace = &workspace;
    env.resources = TUIJIE_SOURCE_DIR;
    env.output_root = tmp.path() / "ws" / "out";
    env.fonts_manifest = kJobFonts;
    env.clock = RunClock{k20200630};
    env.progress = [this](const job::Progress& p) { steps.push_back(p); };
    return env;
  }

  /// Imports samples/<file> as `kind`; every file must import cleanly.
  void import(const std::string& kind, const std::string& file) {
    job::ImportJob job;
    job.kind = kind;
    job.files = {std::string(TUIJIE_SOURCE_DIR) + "/samples/" + file};
    const job::ImportResult result = job.run(env());
    REQUIRE(result.files.size() == 1);
    INFO(file);
    REQUIRE(result.files[0].refusal == job::FileImport::Refusal::None);
    REQUIRE(result.files[0].stored.has_value());
  }

  void import_organisations() {
    import("enterprise", "enterprises.csv");
    import("park", "parks.csv");
    import("institution", "institutions.csv");
  }

  std::filesystem::path out() const { return tmp.path() / "ws" / "out"; }
};

}  // namespace tuijie::testing
