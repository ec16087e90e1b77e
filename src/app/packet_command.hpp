// tuijie packet: the city bureau's recommendation packet for the organisation track — the
// cover letter, the summary tables and every recommended organisation's sheet in one
// bookmarked PDF, and beside it a folder of the same documents with manifest.csv.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class PacketCommand final : public Command {
 public:
  std::string_view name() const override { return "packet"; }
  std::string synopsis() const override {
    return "[--out DIR] [--include-ineligible] [--fonts MANIFEST]";
  }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
