#include "merge/packet.hpp"

#include <sstream>

#include "core/csv_writer.hpp"
#include "core/diagnostic.hpp"
#include "pdf/atomic_file.hpp"

namespace tuijie::merge {

page::PagedDocument bind_packet(std::vector<PacketPart>& parts, const page::DocumentInfo& info) {
  page::PagedDocument packet;
  packet.info = info;
  for (PacketPart& part : parts) {
    if (part.entries.empty())
      continue;
    const bool nested = part.entries.size() > 1 || part.entries.front().bookmark != part.title;
    packet.bookmarks.push_back({part.title, static_cast<int>(packet.pages.size()), 0, 0});
    for (PacketEntry& entry : part.entries) {
      if (nested) {
        packet.bookmarks.push_back({entry.bookmark, static_cast<int>(packet.pages.size()), 0, 1});
      }
      for (page::Page& page : entry.composed.document.pages)
        packet.pages.push_back(std::move(page));
      entry.composed.document.pages.clear();
    }
  }
  return packet;
}

std::string manifest_csv(const std::vector<ManifestRow>& rows) {
  std::ostringstream out;
  out << "\xEF\xBB\xBF";
  csv::Writer csv(out);
  csv.row({"file", "document_number", "record_key", "pages", "sha256"});
  for (const ManifestRow& row : rows) {
    csv.row({row.file, row.document_number, row.record_key, std::to_string(row.pages), row.sha256});
  }
  return out.str();
}

void write_manifest(const std::vector<ManifestRow>& rows, const std::string& path) {
  pdf::write_file_atomically(path, manifest_csv(rows));
}

}  // namespace tuijie::merge
