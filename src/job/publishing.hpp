// How a command writes its output: names decided first, files staged, numbers and printings
// recorded in one transaction, then files moved into place (output::Publication), and the
// whole run done again when another command took a number it planned.
#pragma once

#include <filesystem>

#include "core/diagnostic.hpp"
#include "core/run_clock.hpp"
#include "output/publication.hpp"
#include "store/workspace.hpp"

namespace tuijie::job {

/// How often a run plans its numbers again when other commands keep taking them.
inline constexpr int kNumberingAttempts = 5;

/// True for the error record_printings throws when a planned number was taken meanwhile.
bool is_numbering_conflict(const TuijieError& error);

/// The error a run gives up with when its numbers were taken kNumberingAttempts times
/// (exit 75: try again later).
[[noreturn]] void throw_numbering_busy(const TuijieError& last);

/// Runs `attempt` (which makes its own Publication, plans, composes and commits) until it
/// commits, planning again after a numbering conflict.
template <class Attempt>
auto with_fresh_numbers(Attempt&& attempt) -> decltype(attempt()) {
  for (int round = 1;; ++round) {
    try {
      return attempt();
    } catch (const TuijieError& error) {
      if (!is_numbering_conflict(error))
        throw;
      if (round == kNumberingAttempts)
        throw_numbering_busy(error);
    }
  }
}

/// The PDF CreationDate a job's documents carry: the campaign's document date, or the fixed
/// day of a reproducible run (SOURCE_DATE_EPOCH, read by the app): "D:20200630000000Z".
std::string pdf_creation_date(const RunClock& clock, const std::string& document_date);

}  // namespace tuijie::job
