// tuijie booklet: the committee's award booklet (推介结果手册) from the imported results — a
// cover, the contents, one section per award category — and, for a print shop, the same
// pages imposed for saddle stitching.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class BookletCommand final : public Command {
 public:
  std::string_view name() const override { return "booklet"; }
  std::string synopsis() const override {
    return "[--out DIR] [--paper A5|A4] [--impose saddle] [--template FILE] [--fonts MANIFEST]";
  }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
