// tuijie check [--as-of DATE] [--format text|csv|json] [--kind KIND]: whether every stored
// record is complete and eligible and why not, then the campaign's deadlines.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class CheckCommand final : public Command {
 public:
  std::string_view name() const override { return "check"; }
  std::string synopsis() const override {
    return "[--as-of DATE] [--format text|csv|json] [--kind KIND]";
  }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
