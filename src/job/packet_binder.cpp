#include "job/packet_binder.hpp"

#include <utility>

namespace tuijie::job {

void PacketBinder::start_part(const std::string& title, std::size_t entries,
                              const std::string& first_entry) {
  nested_ = entries > 1 || first_entry != title;
  bound_.bookmarks.push_back({title, static_cast<int>(bound_.pages.size()), 0, 0});
}

void PacketBinder::add(const std::string& bookmark, page::PagedDocument& document) {
  if (nested_)
    bound_.bookmarks.push_back({bookmark, static_cast<int>(bound_.pages.size()), 0, 1});
  for (page::Page& page : document.pages)
    bound_.pages.push_back(std::move(page));
  document.pages.clear();
}

page::PagedDocument PacketBinder::finish(const page::DocumentInfo& info) {
  page::PagedDocument done = std::move(bound_);
  done.info = info;
  bound_ = {};
  return done;
}

}  // namespace tuijie::job
