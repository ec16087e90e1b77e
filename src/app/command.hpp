// A tuijie command (init, import, render, help): what its help says, its options, and the
// function that does its work.
//
// A command is data (CommandSpec) and one run function, so that adding one is a table entry
// and a function, not a class of boilerplate. Options are bound into the configuration as
// "<command>.<option>" (e.g. render.threads), so a value may equally come from the command
// line, a --config file or the workspace's tuijie.properties; the run function reads them
// from there.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Util/OptionSet.h>

#include "core/diagnostic.hpp"

namespace tuijie::app {

class Context;

/// One option of a command, as its help shows it.
struct OptionSpec {
  std::string name;        // "kind": --kind
  std::string short_name;  // "k": -k; "" for none
  std::string help_zh;
  std::string help_en;
  std::string argument = {};  // its value's name in the help ("KIND"); "" for a flag
  bool repeatable = false;    // given several times, the values are joined with commas
};

/// What a command is called and what its help says.
struct CommandSpec {
  std::string name;
  /// What follows the command name in the usage line, e.g. "DIR [--campaign FILE]".
  std::string synopsis;
  std::string summary_zh;  // one line for the command list
  std::string summary_en;
  std::string description_zh;  // a paragraph for --help
  std::string description_en;
  std::vector<OptionSpec> options;  // the command's own (the global ones are added by the caller)
};

class Command {
 public:
  /// Does the work; returns the exit code. Throws TuijieError for errors that stop it.
  using Run = std::function<int(Context&, const Command&, const std::vector<std::string>& args)>;

  Command(CommandSpec spec, Run run);

  std::string_view name() const { return spec_.name; }
  const std::string& synopsis() const { return spec_.synopsis; }
  std::string summary(Lang lang) const;
  std::string description(Lang lang) const;
  /// Adds the command's options to `options`, their help in `lang`.
  void define_options(Poco::Util::OptionSet& options, Lang lang) const;
  int run(Context& context, const std::vector<std::string>& args) const;

  /// "render.threads" for option "threads" of command "render".
  std::string binding_for(std::string_view option) const {
    return spec_.name + "." + std::string(option);
  }
  /// Throws the usage error "<name> takes no arguments, not 'x'" unless `args` is empty.
  void require_no_arguments(const std::vector<std::string>& args) const;

 private:
  CommandSpec spec_;
  Run run_;
};

}  // namespace tuijie::app
