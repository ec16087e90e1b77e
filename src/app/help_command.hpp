// tuijie help [COMMAND]: the program's help, or a command's (same as tuijie COMMAND --help).
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class HelpCommand final : public Command {
 public:
  std::string_view name() const override { return "help"; }
  std::string synopsis() const override { return "[COMMAND]"; }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
