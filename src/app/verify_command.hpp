// tuijie verify FILE.pdf...: reads each printed document's number and hash back from the PDF
// and says whether the workspace's record still matches what was printed, naming the fields
// that changed since.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class VerifyCommand final : public Command {
 public:
  std::string_view name() const override { return "verify"; }
  std::string synopsis() const override { return "FILE.pdf..."; }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
