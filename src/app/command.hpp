// A tuijie command (init, import, render, help): its options, its help and its work.
//
// Options are bound into the configuration as "<command>.<option>" (e.g. render.threads), so a
// value may equally come from the command line, a --config file or the workspace's
// tuijie.properties; run() reads them from there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <Poco/Util/OptionSet.h>

#include "core/diagnostic.hpp"

namespace tuijie::app {

class Context;

class Command {
 public:
  virtual ~Command() = default;

  virtual std::string_view name() const = 0;
  /// What follows the command name in the usage line, e.g. "DIR [--campaign FILE]".
  virtual std::string synopsis() const = 0;
  /// One line for the command list.
  virtual std::string summary(Lang lang) const = 0;
  /// A paragraph for --help.
  virtual std::string description(Lang lang) const = 0;
  /// The command's own options (global ones are added by the caller). Their values reach
  /// run() through the configuration under binding_for(option name); a flag is "true".
  virtual void define_options(Poco::Util::OptionSet& options, Lang lang) const = 0;
  /// Does the work; returns the exit code. Throws TuijieError for errors that stop it.
  virtual int run(Context& context, const std::vector<std::string>& args) = 0;

  /// "render.threads" for option "threads" of command "render".
  std::string binding_for(std::string_view option) const {
    return std::string(name()) + "." + std::string(option);
  }
};

/// Throws the usage error (exit 64) with its reason in both languages.
[[noreturn]] void throw_usage(std::string reason_zh, std::string reason_en);

}  // namespace tuijie::app
