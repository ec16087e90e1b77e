// Runs the built tuijie program from a test, as a user would: in a folder, with a neutral
// locale, capturing standard output, standard error and the exit code.
#pragma once

#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "store/test_support.hpp"

namespace tuijie::testing {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

/// `text` quoted for /bin/sh.
inline std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

/// The settings every test run of the program starts from: the test font manifest
/// (tests/fonts/test-fonts.xml) for each command that renders, so that a font dropped into
/// fonts/ changes no test. A --config file, so it outranks the workspace's tuijie.properties;
/// options on the command line (--fonts) still win. The program takes one --config: for
/// `args` that give their own (tests of the settings themselves), none.
inline std::string test_settings(const std::string& args = "") {
  if (args.find("--config") != std::string::npos)
    return "";
  return "--config " + quote(TUIJIE_TEST_SETTINGS);
}

/// Runs `tuijie ARGS` in `cwd` with LANG=C unless `env` says otherwise
/// ("LANG=zh_CN.UTF-8 ...") and with test_settings(). `args` is shell text: quote paths with
/// quote().
inline CliRun run_cli(const std::string& args, const std::filesystem::path& cwd,
                      const std::string& env = "") {
  const TempDir streams;
  const std::string err_file = streams / "stderr";
  const std::string command = "cd " + quote(cwd.string()) +
                              " && env -u LC_ALL -u LC_MESSAGES -u SOURCE_DATE_EPOCH LANG=C " +
                              env + " " + quote(TUIJIE_EXE) + " " + test_settings(args) + " " +
                              args + " 2>" + quote(err_file);
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    run.out.append(buffer, n);
  }
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = read_file(err_file);
  return run;
}

}  // namespace tuijie::testing
