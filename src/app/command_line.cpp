#include "app/command_line.hpp"

#include <Poco/Exception.h>
#include <Poco/Util/OptionProcessor.h>

namespace tuijie::app {

namespace {

// The option an argument names, or nullptr when it names none (or several) of `options`.
const Poco::Util::Option* option_named(const std::string& arg, const Poco::Util::OptionSet& options,
                                       bool& inline_value) {
  std::string name;
  bool is_short = false;
  if (arg.starts_with("--")) {
    name = arg.substr(2, arg.find_first_of("=:") - 2);
    inline_value = arg.find_first_of("=:") != std::string::npos;
  } else {
    name = arg.substr(1, 1);
    is_short = true;
    inline_value = arg.size() > 2;
  }
  try {
    return &options.getOption(name, is_short);
  } catch (const Poco::Exception&) {
    return nullptr;
  }
}

}  // namespace

SplitCommandLine split_command_line(const std::vector<std::string>& args,
                                    const Poco::Util::OptionSet& globals) {
  SplitCommandLine split;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      break;
    }
    split.global_args.push_back(arg);
    bool inline_value = false;
    const Poco::Util::Option* option = option_named(arg, globals, inline_value);
    if (option != nullptr && option->argumentRequired() && !inline_value && i + 1 < args.size()) {
      split.global_args.push_back(args[++i]);
    }
  }
  if (i < args.size()) {
    split.command = args[i];
    split.command_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
  }
  return split;
}

std::vector<std::string> parse_arguments(const std::vector<std::string>& args,
                                         const Poco::Util::OptionSet& options,
                                         const OptionHandler& handle) {
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  std::vector<std::string> positionals;
  for (const std::string& arg : args) {
    // The processor itself handles "--" (everything after it is not an option) and options
    // whose value is the next argument (then it returns an empty name for now).
    std::string name;
    std::string value;
    if (!processor.process(arg, name, value)) {
      positionals.push_back(arg);
    } else if (!name.empty()) {
      handle(name, value);
    }
  }
  processor.checkRequired();  // throws when the last option still waits for its value
  return positionals;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--") {
      return false;
    }
    if (arg == "-h" || arg == "--help") {
      return true;
    }
  }
  return false;
}

}  // namespace tuijie::app
