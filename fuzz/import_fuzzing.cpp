#include "import_fuzzing.hpp"

#include <stdexcept>

#include "fuzz_support.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"

namespace tuijie::fuzz {

void fuzz_import(const uint8_t* data, std::size_t size, const std::string& extension) {
  static const records::SchemaSet schemas = records::load_schema_set(source_path("data/records"));
  const std::string path = write_scratch_file("input" + extension, data, size);

  records::ImportOptions options;
  options.campaign_date = "2020-06-30";
  // A photo path in the input may name any file (/dev/zero, a FIFO): the fuzzer looks at the
  // readers, not at the file system, so every photo is "unreadable".
  options.probe_photo = [](const std::string&) -> image::ImageInfo {
    throw std::runtime_error("photos are not read while fuzzing");
  };

  records::ImportResult result;
  try {
    result = records::read_records(path, schemas, options);
  } catch (const std::exception& e) {
    contract_broken("read_records", std::string("threw instead of reporting: ") + e.what());
  }
  check_diagnostics(result.diagnostics, "read_records");
  if (result.records.size() != result.record_rows.size()) {
    contract_broken("read_records", "records and record_rows differ in length");
  }
  if (!result.records.empty() && result.kind.empty()) {
    contract_broken("read_records", "records without a kind");
  }
}

}  // namespace tuijie::fuzz
