#include "app/command.hpp"

#include <Poco/Util/Option.h>

#include <utility>

#include "app/lang.hpp"

namespace tuijie::app {

Command::Command(CommandSpec spec, Run run) : spec_(std::move(spec)), run_(std::move(run)) {}

std::string Command::summary(Lang lang) const {
  return tr(lang, spec_.summary_zh, spec_.summary_en);
}

std::string Command::description(Lang lang) const {
  return tr(lang, spec_.description_zh, spec_.description_en);
}

void Command::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  for (const OptionSpec& spec : spec_.options) {
    Poco::Util::Option option(spec.name, spec.short_name, tr(lang, spec.help_zh, spec.help_en));
    if (!spec.argument.empty())
      option.argument(spec.argument);
    option.repeatable(spec.repeatable);
    options.addOption(option);
  }
}

int Command::run(Context& context, const std::vector<std::string>& args) const {
  return run_(context, *this, args);
}

void Command::require_no_arguments(const std::vector<std::string>& args) const {
  if (!args.empty()) {
    throw_usage(spec_.name + " 不接受参数 “" + args.front() + "”",
                spec_.name + " takes no arguments, not '" + args.front() + "'");
  }
}

}  // namespace tuijie::app
