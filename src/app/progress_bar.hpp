// A progress bar on standard error when it is a terminal, nothing otherwise (a log file needs
// no carriage returns). It draws what a job's Env::progress reports.
#pragma once

#include <iosfwd>
#include <memory>

#include "job/env.hpp"

namespace tuijie::app {

class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void show(const job::Progress& progress);

 private:
  std::ostream& err_;
  bool terminal_;
  bool drawn_ = false;
};

}  // namespace tuijie::app
