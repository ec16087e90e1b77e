// Splitting and parsing the command line: tuijie [global options] <command> [options] [args].
//
// Poco::Util::Application parses options only, all of argv at once, so the command's own
// options would be "unknown" to it. The line is therefore split at the command name first;
// each part is then parsed with Poco's OptionProcessor against its own OptionSet.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

namespace tuijie::app {

struct SplitCommandLine {
  std::vector<std::string> global_args;   // options before the command, with their values
  std::string command;                    // "" when there is none
  std::vector<std::string> command_args;  // everything after the command
};

/// Splits `args` (without the program name) at the first argument that is neither an option
/// of `globals` nor the value of such an option. After "--" the next argument is the command.
/// Unknown options before the command stay in global_args, for the parser to report.
SplitCommandLine split_command_line(const std::vector<std::string>& args,
                                    const Poco::Util::OptionSet& globals);

/// Receives each option as it is parsed: its full name and its value ("" for a flag).
using OptionHandler = std::function<void(const std::string& name, const std::string& value)>;

/// Parses Unix-style options ("--out DIR", "--out=DIR", "-o DIR", "-oDIR", partial long
/// names), handing each to `handle` in command-line order (so that an early --lang already
/// applies to the report of a later mistake); after "--" everything is positional. Returns
/// the positional arguments. Throws Poco::Util::OptionException (unknown, ambiguous,
/// repeated or argument-less option) for the caller to report as a usage error.
std::vector<std::string> parse_arguments(const std::vector<std::string>& args,
                                         const Poco::Util::OptionSet& options,
                                         const OptionHandler& handle);

/// True when "-h" or "--help" comes before any "--": help wins over every other mistake.
bool asks_for_help(const std::vector<std::string>& args);

}  // namespace tuijie::app
