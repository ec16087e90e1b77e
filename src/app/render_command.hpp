// tuijie render: the workspace's records of one kind, merged into their template, as PDFs.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class RenderCommand final : public Command {
 public:
  std::string_view name() const override { return "render"; }
  std::string synopsis() const override {
    return "[--kind KIND] [--template FILE] [--fonts MANIFEST] [--out DIR] [--combined] "
           "[--key KEY]... [--threads N]";
  }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
