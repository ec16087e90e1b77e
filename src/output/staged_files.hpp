// Files written so that each appears under its final name complete or not at all, and only
// after the run has recorded them.
//
// A run first stages every file: its bytes go to a hidden temporary file beside the final
// name (".NAME.tuijie-PID-N.tmp"), flushed to disk. Only when all are staged, and the run has
// recorded what it wrote (numbers and printings, one transaction), does publish() rename them
// into place. A run that fails before publishing removes its temporary files; one that is
// killed leaves them, and the next run in that folder tidies up (remove_stale_temporaries).
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tuijie::output {

class StagedFiles {
 public:
  StagedFiles() = default;
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;
  /// Removes every temporary file that was not published.
  ~StagedFiles();

  /// Writes `bytes` to a temporary file beside `final_path` (creating its folder) and flushes
  /// it. Safe to call from several threads. Throws TuijieError "output-file" (exit 73) with
  /// the reason (the disk is full, the folder is read-only, …).
  void stage(const std::filesystem::path& final_path, std::string_view bytes);
  /// The same for a file too large to hold in memory: `write` writes it to the open file
  /// descriptor it is given, returning false (errno set) when a write fails. Returns the
  /// temporary file's path, for reading it back before it is published.
  std::filesystem::path stage_written(const std::filesystem::path& final_path,
                                      const std::function<bool(int fd)>& write);

  /// Renames every staged file into place, in the order staged, and flushes the folders.
  /// Throws TuijieError "output-file" naming the file when a rename fails; the files not yet
  /// renamed are then left as they are (they were recorded) for the next run to move.
  void publish();

  size_t size() const;

 private:
  struct Staged {
    std::filesystem::path temporary;
    std::filesystem::path final_path;
  };
  mutable std::mutex mutex_;
  std::vector<Staged> staged_;
};

/// The final name a temporary file of ours stands for, or "" when `name` is not one.
std::string final_name_of_temporary(const std::string& name);

/// Tidies `dir` after runs that were killed: each temporary file left by a process that no
/// longer runs is renamed into place when its final name is free and `recorded` says its
/// content was recorded (the run died between its transaction and its renames), else
/// removed. Returns how many files were moved into place and how many removed.
struct Tidied {
  int published = 0;
  int removed = 0;
};
Tidied remove_stale_temporaries(const std::filesystem::path& dir,
                                const std::function<bool(const std::string& bytes)>& recorded);

}  // namespace tuijie::output
