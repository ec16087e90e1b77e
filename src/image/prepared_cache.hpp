// Process-wide memo of prepared photos, so a photo used on several pages is decoded once.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "image/image.hpp"

namespace tuijie::image {

/// Identifies one preparation: the same file content (judged by size and modification time)
/// prepared to the same pixel size gives the same bytes.
struct PreparedKey {
  std::string path;  // absolute, lexically normalised
  std::uintmax_t file_size = 0;
  std::int64_t mtime = 0;  // file clock ticks
  int width = 0;
  int height = 0;
  auto operator<=>(const PreparedKey&) const = default;
};

class PreparedCache {
 public:
  using Value = std::shared_ptr<const PreparedImage>;

  /// Returns the cached value for `key`, or runs `make` once and caches what it returns. A
  /// concurrent caller with the same key waits for the first one instead of decoding again.
  /// Failures are not cached: the exception reaches every waiting caller and the next call
  /// tries again.
  Value get_or_make(const PreparedKey& key, const std::function<Value()>& make);

  void clear();

  static PreparedCache& instance();

 private:
  std::mutex mutex_;
  std::map<PreparedKey, std::shared_future<Value>> entries_;
};

}  // namespace tuijie::image
