// The commands tuijie knows, in the order help lists them. Each is defined in its own
// <name>_command.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "app/command.hpp"

namespace tuijie::app {

Command init_command();         // tuijie init DIR: a new workspace for a campaign
Command import_command();       // tuijie import FILE...: records validated and stored
Command render_command();       // tuijie render: one kind's records as PDFs
Command check_command();        // tuijie check: completeness, eligibility, deadlines
Command packet_command();       // tuijie packet: the bureau's recommendation packet
Command nominations_command();  // tuijie nominations: bundles per nominating body
Command booklet_command();      // tuijie booklet: the committee's award booklet
Command verify_command();       // tuijie verify PDF...: printed files against the records
Command backup_command();       // tuijie backup FILE: a consistent copy of the database
Command help_command();         // tuijie help [COMMAND]

const std::vector<Command>& commands();

/// The command of that exact name, or nullptr.
const Command* find_command(std::string_view name);

}  // namespace tuijie::app
