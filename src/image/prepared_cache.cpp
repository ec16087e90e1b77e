#include "image/prepared_cache.hpp"

namespace tuijie::image {

PreparedCache::Value PreparedCache::get_or_make(const PreparedKey& key,
                                                const std::function<Value()>& make) {
  std::promise<Value> promise;
  std::shared_future<Value> result;
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(key);
    if (inserted) {
      it->second = promise.get_future().share();
      first = true;
    }
    result = it->second;
  }
  if (!first) {
    return result.get();  // made, or being made, by another call
  }
  try {
    promise.set_value(make());
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      entries_.erase(key);
    }
    promise.set_exception(std::current_exception());
  }
  return result.get();
}

void PreparedCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

PreparedCache& PreparedCache::instance() {
  static PreparedCache cache;
  return cache;
}

}  // namespace tuijie::image
