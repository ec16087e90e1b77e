#include "app/application.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "app/command_line.hpp"
#include "app/commands.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/global_options.hpp"
#include "app/help_text.hpp"
#include "app/lang.hpp"
#include "app/locations.hpp"
#include "core/message_text.hpp"
#include "store/database_errors.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

// Settings precedence, highest first: the command line (Poco's application layer, -100),
// --config files (PRIO_DEFAULT, 0), then the workspace's tuijie.properties.
constexpr int kWorkspaceSettingsPriority = 10;
constexpr const char* kWorkspaceSettings = "tuijie.properties";

// An exception's text may quote a file name or a value: shown escaped and cut, as
// Diagnostic::format shows its parts.
constexpr std::size_t kExceptionChars = 500;
std::string shown(const std::string& text, Lang lang) {
  return message_text::shown(text, kExceptionChars, lang);
}

}  // namespace

int run(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv, argv + argc);
    Poco::AutoPtr<TuijieApplication> app = new TuijieApplication(std::cout, std::cerr);
    return app->execute(args);
  } catch (const std::exception& e) {
    std::cerr << "tuijie: internal error: " << shown(e.what(), Lang::En) << '\n';
  } catch (...) {
    std::cerr << "tuijie: internal error\n";
  }
  return kExitSoftware;
}

TuijieApplication::TuijieApplication(std::ostream& out, std::ostream& err) : out_(out), err_(err) {
  setUnixOptions(true);
}

int TuijieApplication::execute(const std::vector<std::string>& argv) {
  if (argv.empty()) {
    return execute({"tuijie"});
  }
  try {
    Poco::Util::OptionSet globals;
    define_global_options(globals, Lang::En);
    SplitCommandLine split =
        split_command_line(std::vector<std::string>(argv.begin() + 1, argv.end()), globals);
    command_name_ = std::move(split.command);
    command_args_ = std::move(split.command_args);
    std::vector<std::string> global_argv = {argv.front()};
    global_argv.insert(global_argv.end(), split.global_args.begin(), split.global_args.end());
    init(global_argv);  // Poco parses the global options, calling handleOption()
    return Application::run();
  } catch (...) {
    return report_current_exception();
  }
}

void TuijieApplication::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  define_global_options(options, lang());
}

void TuijieApplication::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);  // applies the option's binding
  if (name == "help") {
    help_ = true;
  } else if (name == "version") {
    version_ = true;
  } else if (name == "config") {
    load_settings_file(value);
  } else if (name == "lang" && !parse_lang(value)) {
    throw_usage("--lang 只能是 zh 或 en", "--lang must be zh or en");
  }
}

void TuijieApplication::load_settings_file(const std::string& path) {
  std::error_code ignored;
  if (!fs::is_regular_file(path, ignored)) {
    throw TuijieError(make_error(Category::MissingInput, "config-missing", "找不到设置文件",
                                 "no such settings file", path));
  }
  try {
    loadConfiguration(path, PRIO_DEFAULT);
  } catch (const Poco::Exception& e) {
    throw TuijieError(make_error("config-invalid", "设置文件无法读取：" + e.displayText(),
                                 "cannot read the settings file: " + e.displayText(), path));
  }
}

Lang TuijieApplication::lang() const {
  if (config().has("lang")) {
    if (auto chosen = parse_lang(config().getString("lang"))) {
      return *chosen;
    }
  }
  return lang_from_environment();
}

int TuijieApplication::main(const ArgVec&) {
  try {
    return dispatch();
  } catch (...) {
    return report_current_exception();
  }
}

int TuijieApplication::dispatch() {
  if (version_) {
    out_ << version_text() << '\n';
    return kExitOk;
  }
  if (command_name_.empty()) {
    if (help_) {
      print_program_help(out_, lang());
      return kExitOk;
    }
    throw_usage("缺少命令", "no command given");
  }
  const Command* command = find_command(command_name_);
  if (command == nullptr) {
    throw_usage("没有这个命令：" + command_name_, "no such command: " + command_name_);
  }
  if (help_ || asks_for_help(command_args_)) {
    // Help wins over any other mistake on the line, but should still honour --lang.
    try {
      parse_command_line(*command);
    } catch (...) {
      // The mistake is what the user is about to read the help for.
    }
    print_command_help(out_, *command, lang());
    return kExitOk;
  }
  const std::vector<std::string> args = parse_command_line(*command);
  if (version_) {
    out_ << version_text() << '\n';
    return kExitOk;
  }

  const std::optional<fs::path> workspace = locate_workspace();
  Context context(lang(), config(), out_, err_, workspace);
  return command->run(context, args);
}

std::optional<fs::path> TuijieApplication::locate_workspace() {
  std::optional<fs::path> workspace;
  if (config().has("workspace")) {
    workspace = fs::path(config().getString("workspace"));
  } else {
    std::error_code ignored;
    workspace = find_workspace(fs::current_path(ignored));
  }
  if (workspace) {
    const fs::path settings = *workspace / kWorkspaceSettings;
    std::error_code ignored;
    if (fs::is_regular_file(settings, ignored)) {
      config().add(new Poco::Util::PropertyFileConfiguration(settings.string()),
                   kWorkspaceSettingsPriority, false);
    }
  }
  return workspace;
}

std::vector<std::string> TuijieApplication::parse_command_line(const Command& command) {
  // The command's options plus the global ones, which may follow the command name too.
  Poco::Util::OptionSet options;
  command.define_options(options, lang());
  Poco::Util::OptionSet globals;
  define_global_options(globals, lang());
  for (const Poco::Util::Option& option : globals) {
    options.addOption(option);
  }
  std::set<std::string> given;  // settings this command line has set so far
  return parse_arguments(command_args_, options,
                         [&](const std::string& name, const std::string& value) {
                           if (globals.hasOption(name)) {
                             handleOption(name, value);
                           } else {
                             set_command_option(command, options.getOption(name), value, given);
                           }
                         });
}

void TuijieApplication::set_command_option(const Command& command, const Poco::Util::Option& option,
                                           const std::string& value, std::set<std::string>& given) {
  const std::string key = command.binding_for(option.fullName());
  const std::string text = option.takesArgument() ? value : "true";
  // A repeated option collects its values; a setting from a file is replaced, not extended.
  if (option.repeatable() && !given.insert(key).second) {
    config().setString(key, config().getRawString(key) + "," + text);
  } else {
    given.insert(key);
    config().setString(key, text);
  }
}

int TuijieApplication::report_current_exception() {
  const Lang language = lang();
  const std::string help_hint = command_name_.empty() || find_command(command_name_) == nullptr
                                    ? "tuijie help"
                                    : "tuijie help " + command_name_;
  const auto usage_hint = [&] {
    err_ << tr(language, "用法见 ", "See ") << help_hint << tr(language, "", " for usage") << '\n';
  };
  try {
    throw;
  } catch (const TuijieError& e) {
    for (const Diagnostic& d : e.diagnostics()) {
      err_ << d.format(language) << '\n';
    }
    const int code = exit_code_for(e.diagnostics());
    if (code == kExitUsage) {
      usage_hint();
    }
    return code;
  } catch (const Poco::Util::OptionException& e) {
    err_ << tr(language, "错误：命令行选项有误：", "error: bad command-line option: ")
         << shown(e.displayText(), language) << '\n';
    usage_hint();
    return kExitUsage;
  } catch (const Poco::Data::SQLite::SQLiteException& e) {
    // A database failure no command translated: a lock, a full disk or a damaged file still
    // gets its own message and exit code (75, 73, 65); anything else is internal.
    const TuijieError error = store::database_error(
        e, "", Category::Internal, "internal", "内部错误（数据库）", "internal error (database)");
    for (const Diagnostic& d : error.diagnostics()) {
      err_ << d.format(language) << '\n';
    }
    return exit_code_for(error.diagnostics());
  } catch (const Poco::Exception& e) {
    err_ << tr(language, "内部错误：", "internal error: ") << shown(e.displayText(), language)
         << '\n';
  } catch (const std::exception& e) {
    err_ << tr(language, "内部错误：", "internal error: ") << shown(e.what(), language) << '\n';
  } catch (...) {
    err_ << tr(language, "内部错误", "internal error") << '\n';
  }
  return kExitSoftware;
}

}  // namespace tuijie::app
