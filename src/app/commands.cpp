#include "app/commands.hpp"

namespace tuijie::app {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      init_command(),   import_command(),      render_command(),  check_command(),
      packet_command(), nominations_command(), booklet_command(), verify_command(),
      backup_command(), help_command(),
  };
  return all;
}

const Command* find_command(std::string_view name) {
  for (const Command& command : commands()) {
    if (command.name() == name)
      return &command;
  }
  return nullptr;
}

}  // namespace tuijie::app
