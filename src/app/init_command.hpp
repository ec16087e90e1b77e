// tuijie init DIR [--campaign FILE]: makes DIR a new workspace for a campaign.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class InitCommand final : public Command {
 public:
  std::string_view name() const override { return "init"; }
  std::string synopsis() const override { return "DIR [--campaign FILE]"; }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
