// --help output: the program's and each command's, in the user's language.
#pragma once

#include <iosfwd>

#include "app/command.hpp"

namespace tuijie::app {

/// Usage, global options, the command list and the exit codes.
void print_program_help(std::ostream& out, Lang lang);

/// The command's usage, description, options and the exit codes.
void print_command_help(std::ostream& out, const Command& command, Lang lang);

/// The version line, "tuijie 0.1.0".
const char* version_text();

}  // namespace tuijie::app
