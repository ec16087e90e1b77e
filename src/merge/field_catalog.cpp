#include "merge/field_catalog.hpp"

namespace tuijie::merge {

FieldCatalog field_catalog(const records::Schema& schema,
                           const std::map<std::string, std::string>& globals) {
  FieldCatalog catalog;
  catalog.fields.insert("key");
  for (const auto& field : schema.fields) {
    catalog.fields.insert(field.key);
    for (const auto& entry : field.entry_fields) {
      catalog.fields.insert(field.key + "." + entry.key);
    }
  }
  for (const auto& [name, value] : globals)
    catalog.fields.insert(name);
  return catalog;
}

}  // namespace tuijie::merge
