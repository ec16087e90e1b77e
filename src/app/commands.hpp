// The commands tuijie knows, in the order help lists them.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "app/command.hpp"

namespace tuijie::app {

const std::vector<std::unique_ptr<Command>>& commands();

/// The command of that exact name, or nullptr.
Command* find_command(std::string_view name);

}  // namespace tuijie::app
