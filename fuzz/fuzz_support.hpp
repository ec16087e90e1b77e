// What every fuzz target shares: the source tree's resources, a scratch folder for inputs the
// code under test reads by path, and the contract checks.
//
// The contract (README.md): bad input is reported as diagnostics or a TuijieError, never as a
// crash, a hang or another exception (the program would say "internal error", exit 70). A
// target aborts on anything else, so libFuzzer keeps the input as a crash artifact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tuijie::fuzz {

/// A file of the source tree, e.g. "data/records".
std::string source_path(std::string_view relative);

/// `bytes` written to `name` in this process's scratch folder (on /dev/shm when there is one,
/// removed at exit); returns the file's path.
std::string write_scratch_file(const std::string& name, const uint8_t* data, std::size_t size);

/// Aborts when a diagnostic lacks what every diagnostic must have: a code and a reason in
/// both languages.
void check_diagnostics(const Diagnostics& diagnostics, const char* where);

/// Runs `body`; a TuijieError (with well-formed diagnostics) is a proper refusal, any other
/// exception aborts with its message.
void expect_refusal_or_success(const char* where, const std::function<void()>& body);

/// Aborts with `what`: the input broke the contract.
[[noreturn]] void contract_broken(const char* where, const std::string& what);

}  // namespace tuijie::fuzz
