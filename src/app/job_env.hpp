// What every command that runs a job shares: the --fonts and --out options, the job's Env
// (workspace, resources, output root, fonts, clock, a progress bar), and printing what the
// job wrote and found. So each command only names its own options.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "app/command.hpp"
#include "app/context.hpp"
#include "job/env.hpp"
#include "job/job_result.hpp"

namespace tuijie::app {

/// --fonts MANIFEST (default: fonts/fonts.xml).
OptionSpec fonts_option();
/// --out DIR, its default described as `default_zh` / `default_en` (e.g. 工作区/out/packet).
OptionSpec out_option(std::string_view default_zh, std::string_view default_en);

/// The env a command's job runs with. Names the font manifest (--fonts, else the resources'
/// fonts/fonts.xml; the job loads it) when `with_fonts`; throws TuijieError "fonts-missing"
/// when there is no such file.
/// A progress bar shows on a terminal for jobs of several documents.
job::Env job_env(Context& context, const Command& command, store::Workspace& workspace,
                 bool with_fonts = true);

/// What tidying the output folder after an interrupted run did, when it did anything.
void print_tidied(Context& context, const output::Tidied& tidied);

/// Opens the workspace and runs `job` in it with the command's env; prints what tidying the
/// output folder did, when the job reports it.
template <class Job>
auto run_job(Context& context, const Command& command, const Job& job, bool with_fonts = true) {
  store::Workspace workspace = context.open_workspace();
  auto result = job.run(job_env(context, command, workspace, with_fonts));
  if constexpr (std::is_base_of_v<job::JobResult, decltype(result)>)
    print_tidied(context, result.tidied);
  return result;
}

/// The value of the command's option `name`, or `fallback`.
std::string option(Context& context, const Command& command, std::string_view name,
                   const std::string& fallback = "");

/// "wrote PATH (N pages)" for each PDF, "wrote PATH" for other files.
void print_written(Context& context, const std::vector<job::WrittenFile>& files);

/// Prints the diagnostics, and after errors `refused_zh`/`refused_en` (what was not written);
/// returns the exit code: 0, or that of the errors.
int report_result(Context& context, const job::JobResult& result, std::string_view refused_zh,
                  std::string_view refused_en);

}  // namespace tuijie::app
