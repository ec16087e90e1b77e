#pragma once

namespace tuijie::app {

/// Runs the command line; returns the process exit code.
int run(int argc, char** argv);

}  // namespace tuijie::app
