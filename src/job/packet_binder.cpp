#include "job/packet_binder.hpp"

#include <utility>

namespace tuijie::job {

void PacketBinder::start_part(const std::string& title, std::size_t entries,
                              const std::string& first_entry) {
  nested_ = entries > 1 || first_entry != title;
  builder_.add_bookmark({title, static_cast<int>(builder_.pages()), 0, 0});
}

void PacketBinder::add(const std::string& bookmark, page::PagedDocument& document) {
  if (nested_)
    builder_.add_bookmark({bookmark, static_cast<int>(builder_.pages()), 0, 1});
  builder_.add_pages(document.pages);
  std::vector<page::Page>().swap(document.pages);
}

std::string PacketBinder::finish(const page::DocumentInfo& info) {
  return builder_.finish(info);
}

}  // namespace tuijie::job
