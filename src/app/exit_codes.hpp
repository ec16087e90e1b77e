// The process exit codes tuijie promises (BSD sysexits, as Poco::Util::Application names
// them) and which stopping error leads to which.
#pragma once

#include <string>

#include "core/diagnostic.hpp"

namespace tuijie::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 64,       // unknown command or option, wrong arguments
  kExitDataError = 65,   // an error in input data; a render problem such as overflow
  kExitNoInput = 66,     // an input file, the workspace or a resource is missing
  kExitSoftware = 70,    // internal failure
  kExitCantCreate = 73,  // the workspace, a folder or a file cannot be created; disk full
  kExitTempFail = 75,    // the workspace is busy with another command: try again later
};

/// The exit code of one category of error.
int exit_code_for(Category category);

/// The exit code for errors that stopped a command: that of the most severe category among
/// them (internal, cannot create, missing input, usage, data, busy). Warnings do not count;
/// no error at all is itself a bug (70).
int exit_code_for(const Diagnostics& diagnostics);

/// The exit-code table printed at the end of every --help.
std::string exit_codes_help(Lang lang);

}  // namespace tuijie::app
