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

/// The PDF date of a run: SOURCE_DATE_EPOCH when set, else the campaign's document date at
/// midnight UTC, as "D:20200708000000Z". Never the clock, so that output is reproducible.
std::string pdf_creation_date(const std::string& document_date);

}  // namespace tuijie::app
