// tuijie backup FILE: a consistent copy of the workspace database, safe while other commands
// run (see store/backup.hpp).
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class BackupCommand final : public Command {
 public:
  std::string_view name() const override { return "backup"; }
  std::string synopsis() const override { return "FILE"; }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
