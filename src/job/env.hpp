// What a job runs with, given by its caller (a command, the server, a test): the workspace,
// the resources folder, where output goes, the fonts, the clock and a progress callback. A
// job reads nothing else from its surroundings: no environment variables, no clock of its
// own, no current directory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/run_clock.hpp"
#include "fonts/font_set.hpp"
#include "store/workspace.hpp"
#include "text/unbroken_terms.hpp"

namespace tuijie::job {

/// One step of a long job: `done` of `total` documents, the last one named `what`.
struct Progress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string what;
};

struct Env {
  store::Workspace* workspace = nullptr;
  /// Holds templates/, data/ (record schemas, reference lists) and fonts/.
  std::filesystem::path resources;
  /// Where a job's default output folder goes (a job's own --out wins): WORKSPACE/out.
  std::filesystem::path output_root;
  /// Loaded once by the caller (a server keeps one for all its requests), or left empty for
  /// the job to load from `fonts_manifest` when it first needs them: after the cheaper checks
  /// of its other inputs.
  mutable std::shared_ptr<const fonts::FontSet> fonts;
  std::string fonts_manifest;
  /// Words no line breaks inside; loaded from data/reference/terms.json when first needed.
  mutable std::shared_ptr<const text::UnbrokenTerms> terms;
  RunClock clock;
  /// Called after each document; may be empty.
  std::function<void(const Progress&)> progress;

  /// The workspace; throws TuijieError "internal" when the caller gave none.
  store::Workspace& store() const;
  /// The font set, loaded from `fonts_manifest` at the first call when not given. Throws
  /// TuijieError "fonts-missing" when there is neither, or the manifest's own errors.
  const fonts::FontSet& font_set() const;
  std::shared_ptr<const fonts::FontSet> shared_fonts() const;
  /// The term list (null when the resources have none). Throws TuijieError naming the file
  /// when it is not a list of texts.
  std::shared_ptr<const text::UnbrokenTerms> unbroken_terms() const;
  /// A path under the resources folder, e.g. resource("templates/booklet.xml").
  std::string resource(const std::string& relative) const;
  /// `given` when not empty, else output_root / `fallback`.
  std::filesystem::path output_folder(const std::string& given, const std::string& fallback) const;
  void step(std::size_t done, std::size_t total, const std::string& what) const;
};

}  // namespace tuijie::job
