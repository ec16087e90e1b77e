#include "app/commands.hpp"

#include "app/backup_command.hpp"
#include "app/booklet_command.hpp"
#include "app/check_command.hpp"
#include "app/help_command.hpp"
#include "app/import_command.hpp"
#include "app/init_command.hpp"
#include "app/nominations_command.hpp"
#include "app/packet_command.hpp"
#include "app/render_command.hpp"
#include "app/verify_command.hpp"

namespace tuijie::app {

const std::vector<std::unique_ptr<Command>>& commands() {
  static const std::vector<std::unique_ptr<Command>> all = [] {
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(std::make_unique<InitCommand>());
    list.push_back(std::make_unique<ImportCommand>());
    list.push_back(std::make_unique<RenderCommand>());
    list.push_back(std::make_unique<CheckCommand>());
    list.push_back(std::make_unique<PacketCommand>());
    list.push_back(std::make_unique<NominationsCommand>());
    list.push_back(std::make_unique<BookletCommand>());
    list.push_back(std::make_unique<VerifyCommand>());
    list.push_back(std::make_unique<BackupCommand>());
    list.push_back(std::make_unique<HelpCommand>());
    return list;
  }();
  return all;
}

Command* find_command(std::string_view name) {
  for (const auto& command : commands()) {
    if (command->name() == name) {
      return command.get();
    }
  }
  return nullptr;
}

}  // namespace tuijie::app
