// tuijie help [COMMAND]: the program's help, or a command's (same as tuijie COMMAND --help).
#include "app/commands.hpp"

#include "app/commands.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/help_text.hpp"
#include "app/lang.hpp"

namespace tuijie::app {

namespace {

int run_help(Context& context, const Command&, const std::vector<std::string>& args) {
  if (args.empty()) {
    print_program_help(context.out(), context.lang());
    return kExitOk;
  }
  if (args.size() > 1) {
    throw_usage("help 最多接受一个命令名", "help takes at most one command name");
  }
  const Command* command = find_command(args[0]);
  if (command == nullptr) {
    throw_usage("没有这个命令：" + args[0], "no such command: " + args[0]);
  }
  print_command_help(context.out(), *command, context.lang());
  return kExitOk;
}

}  // namespace

Command help_command() {
  return Command({"help",
                  "[COMMAND]",
                  "显示帮助",
                  "show help",
                  "显示 tuijie 的帮助，或某个命令的帮助。",
                  "Shows tuijie's help, or a command's.",
                  {}},
                 run_help);
}

}  // namespace tuijie::app
