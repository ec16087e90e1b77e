#include "records/xlsx_archive.hpp"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <array>
#include <set>
#include <streambuf>

namespace tuijie::records {
namespace {

std::string mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes / (1024 * 1024));
}

// Passes through the inflated bytes of one entry, counting them, and ends the stream (EOF)
// as soon as a limit is passed, the inflater fails, or the consumer asked to stop. Ending
// with EOF instead of throwing keeps exceptions out of the XML parser's C callbacks.
class CountingBuffer : public std::streambuf {
 public:
  enum class End { None, EntryLimit, TotalLimit, Corrupt, Stopped };

  CountingBuffer(std::istream& source, UnpackLimits limits, std::uint64_t& total, const bool* stop)
      : source_(source), limits_(limits), total_(total), stop_(stop) {}

  End end() const { return end_; }

 protected:
  int_type underflow() override {
    if (end_ != End::None) {
      return traits_type::eof();
    }
    if (stop_ != nullptr && *stop_) {
      end_ = End::Stopped;
      return traits_type::eof();
    }
    source_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    std::streamsize n = source_.gcount();
    if (source_.bad()) {
      end_ = End::Corrupt;  // inflate error or CRC mismatch (Poco reports them as badbit)
      return traits_type::eof();
    }
    if (n <= 0) {
      return traits_type::eof();
    }
    entry_ += static_cast<std::uint64_t>(n);
    total_ += static_cast<std::uint64_t>(n);
    if (limits_.max_entry_bytes > 0 && entry_ > limits_.max_entry_bytes) {
      end_ = End::EntryLimit;
      return traits_type::eof();
    }
    if (limits_.max_total_bytes > 0 && total_ > limits_.max_total_bytes) {
      end_ = End::TotalLimit;
      return traits_type::eof();
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::istream& source_;
  UnpackLimits limits_;
  std::uint64_t& total_;
  const bool* stop_;
  std::uint64_t entry_ = 0;
  End end_ = End::None;
  std::array<char, 16384> buffer_{};
};

std::uint32_t little_endian(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return value;
}

Diagnostic corrupt_directory(const std::string& file, const std::string& zh,
                             const std::string& en) {
  return make_error("bad-xlsx", "不是完整的 XLSX 文件（压缩包已损坏或被截断：" + zh + "）",
                    "not a complete XLSX file (the archive is corrupt or truncated: " + en + ")",
                    file);
}

// Reads the archive's central directory before Poco does: Poco asserts (an internal error with
// its source file name) on a member named twice and trusts offsets, so both are checked here.
// ZIP64 archives are left to Poco.
std::optional<Diagnostic> check_directory(const std::string& bytes, const std::string& file) {
  constexpr std::size_t kEndRecord = 22;
  if (bytes.size() < kEndRecord) {
    return corrupt_directory(file, "文件太短，不是压缩包", "too short to be a ZIP archive");
  }
  std::size_t end = std::string::npos;
  std::size_t lowest = bytes.size() > kEndRecord + 65535 ? bytes.size() - kEndRecord - 65535 : 0;
  for (std::size_t at = bytes.size() - kEndRecord + 1; at-- > lowest;) {
    if (little_endian(bytes, at, 4) == 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end == std::string::npos) {
    return corrupt_directory(file, "找不到压缩包目录", "no ZIP directory was found");
  }
  std::uint32_t count = little_endian(bytes, end + 10, 2);
  std::uint32_t offset = little_endian(bytes, end + 16, 4);
  if (count == 0xFFFF || offset == 0xFFFFFFFF) {
    return std::nullopt;  // ZIP64
  }
  std::set<std::string> names;
  std::size_t at = offset;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (at + 46 > end || little_endian(bytes, at, 4) != 0x02014b50) {
      return corrupt_directory(file, "压缩包目录已损坏", "the ZIP directory is corrupt");
    }
    std::size_t name_size = little_endian(bytes, at + 28, 2);
    std::size_t extra = little_endian(bytes, at + 30, 2);
    std::size_t comment = little_endian(bytes, at + 32, 2);
    // In size_t: a local offset near 2^32 must not wrap round past the bounds check.
    const std::size_t local = little_endian(bytes, at + 42, 4);
    if (at + 46 + name_size > end || local + 30 > bytes.size() ||
        little_endian(bytes, local, 4) != 0x04034b50) {
      return corrupt_directory(file, "压缩包目录已损坏", "the ZIP directory is corrupt");
    }
    std::string name = bytes.substr(at + 46, name_size);
    if (!names.insert(name).second) {
      Diagnostic d = make_error(
          "bad-xlsx", "XLSX 压缩包中的部件“" + name + "”出现了两次，无法确定用哪一个",
          "the XLSX archive holds the member '" + name + "' twice, so which one counts is unknown",
          file, name);
      return d;
    }
    at += 46 + name_size + extra + comment;
  }
  return std::nullopt;
}

}  // namespace

XlsxArchive::ViewBuffer::ViewBuffer(const std::string& bytes) {
  // The get area is only ever read: std::streambuf just wants non-const pointers.
  char* begin = const_cast<char*>(bytes.data());
  setg(begin, begin, begin + bytes.size());
}

std::streambuf::pos_type XlsxArchive::ViewBuffer::seekoff(off_type offset,
                                                          std::ios_base::seekdir direction,
                                                          std::ios_base::openmode which) {
  if ((which & std::ios_base::in) == 0) {
    return pos_type(off_type(-1));
  }
  off_type base = direction == std::ios_base::beg   ? 0
                  : direction == std::ios_base::cur ? gptr() - eback()
                                                    : egptr() - eback();
  off_type target = base + offset;
  if (target < 0 || target > egptr() - eback()) {
    return pos_type(off_type(-1));
  }
  setg(eback(), eback() + target, egptr());
  return pos_type(target);
}

std::streambuf::pos_type XlsxArchive::ViewBuffer::seekpos(pos_type position,
                                                          std::ios_base::openmode which) {
  return seekoff(off_type(position), std::ios_base::beg, which);
}

XlsxArchive::XlsxArchive(const std::string& bytes, const std::string& file, UnpackLimits limits)
    : file_(file), limits_(limits), buffer_(bytes), source_(&buffer_) {
  if ((problem_ = check_directory(bytes, file_))) {
    return;
  }
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(source_);
  } catch (const Poco::AssertionViolationException&) {
    // Poco's own consistency check: its text names Poco's source, which tells a user nothing.
    problem_ = corrupt_directory(file_, "压缩包结构不一致", "the ZIP structure is inconsistent");
  } catch (const Poco::Exception& e) {
    problem_ = make_error(
        "bad-xlsx", "不是完整的 XLSX 文件（压缩包已损坏或被截断）：" + e.displayText(),
        "not a complete XLSX file (the archive is corrupt or truncated): " + e.displayText(),
        file_);
  } catch (const std::exception& e) {
    problem_ = corrupt_directory(file_, "压缩包无法读取", "the ZIP archive cannot be read");
  }
}

XlsxArchive::~XlsxArchive() = default;

bool XlsxArchive::has(const std::string& entry) const {
  return archive_ && archive_->findHeader(entry) != archive_->headerEnd();
}

bool XlsxArchive::read(const std::string& entry, const std::function<void(std::istream&)>& consume,
                       const bool* stop) {
  if (!archive_) {
    return false;
  }
  auto header = archive_->findHeader(entry);
  if (header == archive_->headerEnd()) {
    problem_ = make_error("bad-xlsx", "XLSX 文件缺少部件 " + entry,
                          "the XLSX file lacks its part " + entry, file_, entry);
    return false;
  }
  // The declared size is checked first: an honest bomb is refused without inflating a byte.
  std::uint64_t declared = header->second.getUncompressedSize();
  if ((limits_.max_entry_bytes > 0 && declared > limits_.max_entry_bytes) ||
      (limits_.max_total_bytes > 0 && total_unpacked_ + declared > limits_.max_total_bytes)) {
    problem_ = make_error("xlsx-too-large",
                          "XLSX 部件 " + entry + " 解压后有 " + mebibytes(declared) +
                              " MiB，超过上限（可能是压缩炸弹）",
                          "the XLSX part " + entry + " unpacks to " + mebibytes(declared) +
                              " MiB, more than the limit (possibly a ZIP bomb)",
                          file_, entry);
    return false;
  }
  CountingBuffer::End end = CountingBuffer::End::None;
  try {
    source_.clear();
    Poco::Zip::ZipInputStream zipped(source_, header->second, true);
    CountingBuffer counted(zipped, limits_, total_unpacked_, stop);
    std::istream in(&counted);
    consume(in);
    end = counted.end();
  } catch (const Poco::AssertionViolationException&) {
    problem_ = make_error("bad-xlsx", "XLSX 部件 " + entry + " 已损坏",
                          "the XLSX part " + entry + " is corrupt", file_, entry);
    return false;
  } catch (const Poco::Exception& e) {
    problem_ =
        make_error("bad-xlsx", "XLSX 部件 " + entry + " 已损坏：" + e.displayText(),
                   "the XLSX part " + entry + " is corrupt: " + e.displayText(), file_, entry);
    return false;
  } catch (const std::exception&) {
    problem_ = make_error("bad-xlsx", "XLSX 部件 " + entry + " 已损坏",
                          "the XLSX part " + entry + " is corrupt", file_, entry);
    return false;
  }
  switch (end) {
    case CountingBuffer::End::EntryLimit:
    case CountingBuffer::End::TotalLimit:
      problem_ = make_error(
          "xlsx-too-large",
          "XLSX 部件 " + entry + " 解压后超过 " +
              mebibytes(end == CountingBuffer::End::EntryLimit ? limits_.max_entry_bytes
                                                               : limits_.max_total_bytes) +
              " MiB 的上限（可能是压缩炸弹），已停止读取",
          "the XLSX part " + entry + " unpacks to more than the limit of " +
              mebibytes(end == CountingBuffer::End::EntryLimit ? limits_.max_entry_bytes
                                                               : limits_.max_total_bytes) +
              " MiB (possibly a ZIP bomb); reading stopped",
          file_, entry);
      return false;
    case CountingBuffer::End::Corrupt:
      problem_ = make_error("bad-xlsx", "XLSX 部件 " + entry + " 已损坏或被截断，无法解压",
                            "the XLSX part " + entry + " is corrupt or truncated", file_, entry);
      return false;
    default:
      return true;
  }
}

}  // namespace tuijie::records
