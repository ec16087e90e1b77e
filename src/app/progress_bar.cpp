#include "app/progress_bar.hpp"

#include <unistd.h>

#include <ostream>
#include <string>

#include "core/message_text.hpp"

namespace tuijie::app {

ProgressBar::ProgressBar(std::ostream& err) : err_(err), terminal_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  if (drawn_)
    err_ << "\r\x1b[K" << std::flush;
}

void ProgressBar::show(const job::Progress& progress) {
  if (!terminal_ || progress.total < 2 || progress.done > progress.total)
    return;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = progress.done * kWidth / progress.total;
  err_ << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
       << progress.done << '/' << progress.total << ' '
       << message_text::shown(progress.what, 24, Lang::En) << "\x1b[K" << std::flush;
  drawn_ = true;
}

}  // namespace tuijie::app
