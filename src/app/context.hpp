// What a running command may use: the language, the merged configuration, the output
// streams, the resources folder and the workspace.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <Poco/Util/AbstractConfiguration.h>

#include "core/diagnostic.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

class Context {
 public:
  /// `workspace_dir` is where a workspace was found (or named with --workspace), if anywhere.
  Context(Lang lang, Poco::Util::AbstractConfiguration& config, std::ostream& out,
          std::ostream& err, std::optional<std::filesystem::path> workspace_dir);

  Lang lang() const { return lang_; }
  std::string tr(std::string_view zh, std::string_view en) const;
  Poco::Util::AbstractConfiguration& config() { return config_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  /// Prints each diagnostic on its own line of the error stream, in the user's language.
  void report(const Diagnostics& diagnostics);

  /// The resources folder: --resources (config "resources") when given, else found from the
  /// executable's location. Throws TuijieError "resources-missing".
  std::filesystem::path resources() const;
  /// A path relative to the resources folder, e.g. resource("fonts/fonts.xml").
  std::string resource(const std::string& relative) const;

  /// Opens the workspace, its clock set from the environment (SOURCE_DATE_EPOCH). Throws
  /// TuijieError "workspace-missing" when there is none.
  store::Workspace open_workspace();

 private:
  Lang lang_;
  Poco::Util::AbstractConfiguration& config_;
  std::ostream& out_;
  std::ostream& err_;
  std::optional<std::filesystem::path> workspace_dir_;
};

}  // namespace tuijie::app
