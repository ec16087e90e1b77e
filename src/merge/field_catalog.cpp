#include "merge/field_catalog.hpp"

#include <filesystem>

#include "records/reference_choices.hpp"

namespace tuijie::merge {
namespace {

// A field's options in print order: its reference file's leaves with their groups, or the
// values the schema lists.
std::vector<ChoiceOption> options_of(const records::Schema& schema,
                                     const records::FieldSpec& field) {
  std::vector<ChoiceOption> options;
  if (field.choices_from.empty()) {
    for (const std::string& value : field.values)
      options.push_back({value, value, {}});
    return options;
  }
  const auto file = std::filesystem::path(schema.source_file).parent_path() / field.choices_from;
  const records::ChoiceTable table = records::load_choice_table(file.lexically_normal().string());
  for (size_t i = 0; i < table.choices.size() && i < field.values.size(); ++i) {
    const records::ReferenceChoice& choice = table.choices[i];
    ChoiceOption option{field.values[i], choice.name, {}};
    for (const records::ReferenceNode& node : choice.ancestors)
      option.ancestors.push_back({node.code, node.name});
    options.push_back(std::move(option));
  }
  return options;
}

}  // namespace

FieldCatalog field_catalog(const records::Schema& schema,
                           const std::map<std::string, std::string>& globals) {
  FieldCatalog catalog;
  catalog.fields.insert("key");
  for (const auto& field : schema.fields) {
    catalog.fields.insert(field.key);
    if (field.type == records::FieldType::Choice || field.type == records::FieldType::ChoiceList)
      catalog.choices[field.key] = options_of(schema, field);
    for (const auto& entry : field.entry_fields) {
      catalog.fields.insert(field.key + "." + entry.key);
    }
  }
  for (const auto& [name, value] : globals)
    catalog.fields.insert(name);
  for (const char* name : {kChoiceCode, kChoiceName, kChoiceParent, kChoiceParentCode, kRowNumber,
                           kTotalRows, kDocumentNumber, kDocumentHash})
    catalog.fields.insert(name);
  return catalog;
}

FieldCatalog collection_catalog(const records::SchemaSet& schemas,
                                const std::map<std::string, std::string>& globals) {
  FieldCatalog all;
  for (const records::Schema& schema : schemas.schemas) {
    FieldCatalog one = field_catalog(schema, globals);
    all.fields.insert(one.fields.begin(), one.fields.end());
    all.choices.insert(one.choices.begin(), one.choices.end());
  }
  return all;
}

}  // namespace tuijie::merge
