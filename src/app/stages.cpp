#include "app/stages.hpp"

#include <filesystem>

#include "merge/field_catalog.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"

namespace tuijie::app {

records::SchemaSet load_schemas(const std::string& resources) {
  return records::load_schema_set((std::filesystem::path(resources) / "data" / "records").string());
}

InputFile read_input(const std::string& path, const InputOptions& options) {
  const records::SchemaSet schemas = load_schemas(options.resources);
  records::ImportOptions import_options;
  import_options.kind = options.kind;
  import_options.encoding = options.encoding;
  import_options.campaign_date = options.campaign_date;
  records::ImportResult result = records::read_records(path, schemas, import_options);

  InputFile input;
  input.kind = std::move(result.kind);
  input.records = std::move(result.records);
  input.rows = std::move(result.record_rows);
  input.data_rows = static_cast<long>(result.data_rows);
  input.diagnostics = std::move(result.diagnostics);
  return input;
}

merge::FieldCatalog template_fields(const std::string& resources, const std::string& kind,
                                    const std::map<std::string, std::string>& globals) {
  const records::SchemaSet schemas = load_schemas(resources);
  const records::Schema* schema = schemas.find(kind);
  return schema == nullptr ? merge::FieldCatalog{} : merge::field_catalog(*schema, globals);
}

std::shared_ptr<const fonts::FontSet> load_fonts(const std::string& manifest_path) {
  return fonts::FontSet::load(manifest_path);
}

}  // namespace tuijie::app
