// One run's output: its files and what the workspace records about them, made visible
// together.
//
// A run plans its document numbers (numbers()), composes its documents, and hands each file
// here: add_document stages a document's PDF and notes its printing, the file's SHA-256 and
// its page digest; add_printing notes a document printed inside another file (a form inside
// a nomination bundle); add_file_of stages another file that carries a document (a packet
// whose first document it is); add_plain_file stages a file that is no document (a manifest,
// a photo). commit() records every number, printing and file in one transaction and only then
// moves the files into place. Until commit() nothing is visible and nothing is recorded;
// destroying an uncommitted Publication removes its temporary files.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "output/staged_files.hpp"
#include "store/document_register.hpp"

namespace tuijie::output {

class Publication {
 public:
  /// `digits`: the least number of digits of a document number's sequence.
  Publication(store::Workspace& workspace, int digits);

  store::NumberPlan& numbers() { return plan_; }

  /// Stages the PDF of `document` under `final_path`. Safe to call from several threads.
  /// Returns the file's SHA-256.
  std::string add_document(const std::filesystem::path& final_path, std::string_view pdf,
                           const store::PrintedDocument& document);
  /// Notes a document printed inside a file added otherwise.
  void add_printing(const store::PrintedDocument& document);
  /// Stages another PDF that carries `document`'s printing (verify then knows it too).
  std::string add_file_of(const std::filesystem::path& final_path, std::string_view pdf,
                          const store::PrintedDocument& document);
  /// The same for a PDF too large to hold in memory (a packet of thousands of pages): `write`
  /// writes it to the file descriptor it is given (returning false, errno set, when a write
  /// fails); its hashes are then read back from the file.
  std::string add_file_of_written(const std::filesystem::path& final_path,
                                  const std::function<bool(int fd)>& write,
                                  const store::PrintedDocument& document);
  /// Stages a file that is no document. Returns its SHA-256.
  std::string add_plain_file(const std::filesystem::path& final_path, std::string_view bytes);

  /// Records, then publishes. Throws TuijieError "numbering-conflict" (nothing recorded, no
  /// file published: plan again) or "output-file".
  void commit();

 private:
  std::string stage_pdf(const std::filesystem::path& final_path, std::string_view pdf,
                        const store::PrintedDocument& document);

  store::Workspace& workspace_;
  store::NumberPlan plan_;
  StagedFiles files_;
  std::mutex mutex_;
  std::vector<store::PrintedDocument> documents_;
  std::vector<store::PrintedFile> printed_files_;
};

/// SHA-256 of bytes, lower-case hex.
std::string bytes_sha256(std::string_view bytes);

/// Tidies `dir` after killed runs (see remove_stale_temporaries): a left-over PDF is moved
/// into place only when the workspace recorded its bytes.
Tidied tidy_output_folder(store::Workspace& workspace, const std::filesystem::path& dir);

}  // namespace tuijie::output
