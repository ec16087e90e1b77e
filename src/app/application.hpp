// The tuijie program: tuijie [global options] <command> [options] [arguments].
//
// A Poco::Util::Application that parses the global options, hands the rest of the line to
// one Command (init, import, render, help) and turns every outcome into an exit code and a
// message in the user's language. No exception leaves run().
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Util/Application.h>

#include "app/command.hpp"
#include "core/diagnostic.hpp"

namespace tuijie::app {

/// Runs the command line; returns the process exit code.
int run(int argc, char** argv);

class TuijieApplication final : public Poco::Util::Application {
 public:
  TuijieApplication(std::ostream& out, std::ostream& err);

  /// Parses `argv` (argv[0] is the program name) and runs the command; returns the exit code.
  int execute(const std::vector<std::string>& argv);

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const ArgVec& args) override;

 private:
  ~TuijieApplication() override = default;  // reference counted, like every Poco Application

  /// --lang, else the `lang` setting, else the locale.
  Lang lang() const;
  int dispatch();
  /// Parses the command's part of the line: options go into the configuration (global ones
  /// through handleOption); returns the positional arguments.
  std::vector<std::string> parse_command_line(const Command& command);
  /// Stores a command option's value under "<command>.<option>".
  void set_command_option(const Command& command, const Poco::Util::Option& option,
                          const std::string& value, std::set<std::string>& given);
  /// --workspace, else the nearest folder upwards with a tuijie.db; loads its
  /// tuijie.properties when there is one.
  std::optional<std::filesystem::path> locate_workspace();
  void load_settings_file(const std::string& path);
  /// Prints the exception being handled; returns its exit code.
  int report_current_exception();

  std::ostream& out_;
  std::ostream& err_;
  std::string command_name_;
  std::vector<std::string> command_args_;
  bool help_ = false;
  bool version_ = false;
};

}  // namespace tuijie::app
