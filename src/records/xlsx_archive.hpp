// The ZIP container of an XLSX workbook, opened defensively: every entry is inflated through a
// counting stream that stops at the unpacked-size limits, so a ZIP bomb costs at most the limit
// in time and nothing in memory, and a truncated or corrupt archive becomes a diagnostic.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>

#include "core/diagnostic.hpp"

namespace Poco::Zip {
class ZipArchive;
}

namespace tuijie::records {

struct UnpackLimits {
  std::uint64_t max_entry_bytes = 0;  // unpacked bytes of one entry; 0 = no limit
  std::uint64_t max_total_bytes = 0;  // unpacked bytes of all entries read; 0 = no limit
};

class XlsxArchive {
 public:
  /// Reads the archive's directory. On failure `problem()` holds the diagnostic. The archive
  /// reads `bytes` in place (no copy): they must outlive it.
  XlsxArchive(const std::string& bytes, const std::string& file, UnpackLimits limits);
  ~XlsxArchive();
  XlsxArchive(const XlsxArchive&) = delete;
  XlsxArchive& operator=(const XlsxArchive&) = delete;

  const std::optional<Diagnostic>& problem() const { return problem_; }
  bool has(const std::string& entry) const;

  /// Streams one entry's unpacked bytes to `consume`, which reads the stream to its end or
  /// stops early by returning. The stream ends early (EOF) when a limit is passed or the data
  /// is corrupt; then false is returned and problem() says why. `stop` lets the consumer end
  /// the stream itself (e.g. at the row limit): the stream then reports EOF at its next read.
  bool read(const std::string& entry, const std::function<void(std::istream&)>& consume,
            const bool* stop = nullptr);

 private:
  std::string file_;
  UnpackLimits limits_;
  // The file's bytes as a seekable stream, without copying them.
  class ViewBuffer : public std::streambuf {
   public:
    explicit ViewBuffer(const std::string& bytes);

   protected:
    pos_type seekoff(off_type offset, std::ios_base::seekdir direction,
                     std::ios_base::openmode which) override;
    pos_type seekpos(pos_type position, std::ios_base::openmode which) override;
  };
  ViewBuffer buffer_;
  std::istream source_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::uint64_t total_unpacked_ = 0;
  std::optional<Diagnostic> problem_;
};

}  // namespace tuijie::records
