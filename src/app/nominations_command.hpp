// tuijie nominations: the person track's nomination bundles — per nominating body (推荐机构)
// one PDF of a list of names followed by each of its candidates' forms and statements, and
// beside it a folder of the candidates' original photos named by document number; a
// self-nominated candidate is a bundle alone. manifest.csv lists every file written.
#pragma once

#include "app/command.hpp"

namespace tuijie::app {

class NominationsCommand final : public Command {
 public:
  std::string_view name() const override { return "nominations"; }
  std::string synopsis() const override { return "[--out DIR] [--fonts MANIFEST]"; }
  std::string summary(Lang lang) const override;
  std::string description(Lang lang) const override;
  void define_options(Poco::Util::OptionSet& options, Lang lang) const override;
  int run(Context& context, const std::vector<std::string>& args) override;
};

}  // namespace tuijie::app
