// tuijie import FILE... [--kind K] [--encoding E] [--partial]: reads record files into the
// workspace, one transaction per file.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class ImportCommand final : public Command {
 public:
  std::string_view name() const override { return "import"; }
  std::string synopsis() const override {
    return "FILE... [--kind KIND] [--encoding ENCODING] [--partial]";
  }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
