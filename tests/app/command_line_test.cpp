#include "app/command_line.hpp"

#include <Poco/Util/OptionException.h>

#include <catch2/catch.hpp>

#include <utility>

#include "app/global_options.hpp"

using tuijie::app::asks_for_help;
using tuijie::app::parse_arguments;
using tuijie::app::split_command_line;
using Strings = std::vector<std::string>;

namespace {

Poco::Util::OptionSet globals() {
  Poco::Util::OptionSet options;
  tuijie::app::define_global_options(options, tuijie::Lang::En);
  return options;
}

Poco::Util::OptionSet render_like() {
  using Poco::Util::Option;
  Poco::Util::OptionSet options;
  options.addOption(Option("out", "o", "").argument("DIR"));
  options.addOption(Option("combined", "", ""));
  options.addOption(Option("key", "", "").argument("KEY").repeatable(true));
  return options;
}

using Seen = std::vector<std::pair<std::string, std::string>>;

Strings parse(const Strings& args, Seen& seen) {
  return parse_arguments(args, render_like(), [&](const std::string& n, const std::string& v) {
    seen.emplace_back(n, v);
  });
}

}  // namespace

TEST_CASE("the line splits at the command, global option values included") {
  auto s = split_command_line({"--workspace", "ws", "-l", "zh", "render", "--out", "x"}, globals());
  CHECK(s.global_args == Strings{"--workspace", "ws", "-l", "zh"});
  CHECK(s.command == "render");
  CHECK(s.command_args == Strings{"--out", "x"});

  s = split_command_line({"--lang=en", "-wws", "init", "dir"}, globals());
  CHECK(s.global_args == Strings{"--lang=en", "-wws"});
  CHECK(s.command == "init");
  CHECK(s.command_args == Strings{"dir"});

  // A value that looks like a command name is still the option's value.
  s = split_command_line({"--workspace", "init", "import", "a.csv"}, globals());
  CHECK(s.command == "import");
  CHECK(s.command_args == Strings{"a.csv"});
}

TEST_CASE("a line without a command, or with -- before it, splits sensibly") {
  auto s = split_command_line({"--help"}, globals());
  CHECK(s.command.empty());
  CHECK(s.global_args == Strings{"--help"});

  s = split_command_line({}, globals());
  CHECK(s.command.empty());

  s = split_command_line({"--", "--odd-name", "x"}, globals());
  CHECK(s.command == "--odd-name");
  CHECK(s.command_args == Strings{"x"});

  // Unknown options stay with the global part, for Poco to report.
  s = split_command_line({"--bogus", "init"}, globals());
  CHECK(s.global_args == Strings{"--bogus"});
  CHECK(s.command == "init");
}

TEST_CASE("command options come in every Unix spelling, positionals in between") {
  Seen seen;
  const Strings positionals =
      parse({"a", "--key", "k1", "b", "--key=k2", "--comb", "--key:k3", "-od"}, seen);
  CHECK(positionals == Strings{"a", "b"});
  CHECK(seen == Seen{{"key", "k1"}, {"key", "k2"}, {"combined", ""}, {"key", "k3"}, {"out", "d"}});
  seen.clear();
  parse({"-o", "d"}, seen);
  CHECK(seen == Seen{{"out", "d"}});
}

TEST_CASE("after -- everything is positional") {
  Seen seen;
  CHECK(parse({"--combined", "--", "--out", "-x"}, seen) == Strings{"--out", "-x"});
  CHECK(seen == Seen{{"combined", ""}});
}

TEST_CASE("option mistakes are Poco option exceptions, reported after earlier options") {
  Seen seen;
  CHECK_THROWS_AS(parse({"--out", "d", "--bogus"}, seen), Poco::Util::UnknownOptionException);
  CHECK(seen == Seen{{"out", "d"}});
  CHECK_THROWS_AS(parse({"--out"}, seen), Poco::Util::MissingArgumentException);
  CHECK_THROWS_AS(parse({"--combined=yes"}, seen), Poco::Util::UnexpectedArgumentException);
  CHECK_THROWS_AS(parse({"--out", "a", "--out", "b"}, seen), Poco::Util::DuplicateOptionException);
}

TEST_CASE("help is asked for anywhere before --") {
  CHECK(asks_for_help({"a", "--help"}));
  CHECK(asks_for_help({"-h", "--bogus"}));
  CHECK_FALSE(asks_for_help({"a", "--", "--help"}));
  CHECK_FALSE(asks_for_help({"--helpful"}));
}
