#include "output/manifest.hpp"

#include <sstream>

#include "core/csv_writer.hpp"

namespace tuijie::output {

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

}  // namespace tuijie::output
