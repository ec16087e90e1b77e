#include "app/help_text.hpp"

#include <Poco/Util/HelpFormatter.h>

#include <ostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/global_options.hpp"
#include "app/lang.hpp"

namespace tuijie::app {

namespace {

// HelpFormatter wraps by counting bytes and may cut a long word anywhere, which would split a
// UTF-8 sequence: Chinese help is therefore not wrapped (the terminal wraps it).
int help_width(Lang lang) {
  return lang == Lang::Zh ? 10000 : 100;
}

void format(std::ostream& out, Lang lang, const Poco::Util::OptionSet& options,
            const std::string& command, const std::string& usage, const std::string& header,
            const std::string& footer) {
  Poco::Util::HelpFormatter formatter(options);
  formatter.setUnixStyle(true);
  formatter.setAutoIndent();
  formatter.setWidth(help_width(lang));
  formatter.setCommand(command);
  formatter.setUsage(usage);
  formatter.setHeader(header);
  formatter.setFooter(footer);
  formatter.format(out);
}

}  // namespace

void print_program_help(std::ostream& out, Lang lang) {
  Poco::Util::OptionSet options;
  define_global_options(options, lang);
  std::string footer = tr(lang, "命令：\n", "Commands:\n");
  for (const auto& command : commands()) {
    std::string name(command.name());
    footer += "  " + name + std::string(name.size() < 8 ? 8 - name.size() : 1, ' ') +
              command.summary(lang) + "\n";
  }
  footer += tr(lang, "“tuijie help 命令” 显示该命令的帮助。\n\n",
               "'tuijie help COMMAND' shows a command's help.\n\n");
  footer += exit_codes_help(lang);
  format(
      out, lang, options, "tuijie",
      tr(lang, "[全局选项] 命令 [选项] [参数]", "[global options] COMMAND [options] [arguments]"),
      tr(lang, "tuijie（推介）：把申报记录排成可打印的中文 PDF 文件。",
         "tuijie (推介): submission records in, print-ready Chinese PDF documents out."),
      footer);
}

void print_command_help(std::ostream& out, const Command& command, Lang lang) {
  Poco::Util::OptionSet options;
  command.define_options(options, lang);
  options.addOption(Poco::Util::Option("help", "h", tr(lang, "显示帮助", "show help")));
  const std::string footer =
      tr(lang, "全局选项（--workspace、--lang、--config、--resources）见 tuijie --help。\n\n",
         "Global options (--workspace, --lang, --config, --resources): see tuijie --help.\n\n") +
      exit_codes_help(lang);
  format(out, lang, options, "tuijie " + std::string(command.name()), command.synopsis(),
         command.description(lang), footer);
}

const char* version_text() {
  return "tuijie " TUIJIE_VERSION;
}

}  // namespace tuijie::app
