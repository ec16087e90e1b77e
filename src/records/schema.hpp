// What a kind of record looks like, read from data/records/<kind>.json.
//
// A schema lists the columns of one table (candidate, enterprise, ...): Chinese column name,
// English key, value type and the rules of records.md. The C++ code knows the types and rules;
// which fields a table has, their names, limits and choices live only in the data files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tuijie::records {

enum class FieldType {
  Text,        // free text; max_length, multiline
  Choice,      // one of `values` ("enum" in the schema file)
  ChoiceList,  // several of `values`, in one multi-value cell or a JSON array ("enum_list")
  YesNo,       // "yes_no"
  Date,        // "date"
  YearMonth,   // "year_month"; may carry an age rule
  Count,       // whole number >= 0 ("integer")
  Decimal,     // number >= 0 ("decimal"); minimum/maximum, percent
  Phone,       // "phone"
  Email,       // "email"
  Postcode,    // "postcode"
  Photo,       // path of an image file relative to the imported file ("photo")
  CreditCode,  // 统一社会信用代码, GB 32100-2015 ("credit_code")
  Entries,     // a repeating sub-table such as the resume ("entries"); entry_fields
};

/// "text", "enum", ... -> type; nullopt for an unknown name.
std::optional<FieldType> field_type_from_name(const std::string& name);
const char* field_type_name(FieldType type);

/// Powers of ten of the money units a column name may give: 元 0, 万元 4, 亿元 8.
std::optional<int> money_unit_exponent(std::string_view unit);

/// "holds when field `field` has one of `values`" (canonical values, e.g. "个人自荐", "是").
struct Condition {
  std::string field;
  std::vector<std::string> values;
};

/// Another way to write one of a field's `values` (from `choices_from`): "金融业" -> "ITO.SW.01".
struct ChoiceAlias {
  std::string spelling;
  std::string value;
};

struct AgeRule {
  int min_years = 0;
  int max_years = 0;
};

struct PhotoRule {
  std::uintmax_t min_bytes = 0;  // smaller files are a warning
  std::string preferred_format;  // "jpeg" or "png": other readable formats are a warning
};

struct FieldSpec {
  std::string key;                   // English key, used in JSON files and the workspace
  std::string name_zh;               // column name on the form
  std::vector<std::string> aliases;  // other accepted column names
  FieldType type = FieldType::Text;

  bool required = false;
  std::optional<Condition> required_unless;  // required, except when the condition holds
  std::optional<Condition> required_if;      // required only when the condition holds

  std::size_t max_length = 0;               // characters; 0 = no limit
  bool multiline = false;                   // text may hold line breaks
  std::vector<std::string> values;          // Choice / ChoiceList
  std::string choices_from;                 // Choice / ChoiceList: the reference file (see
                                            // reference_choices.hpp) `values` were read from
  std::vector<ChoiceAlias> choice_aliases;  // other spellings of `values` (choices_from)
  std::optional<double> minimum;            // Count / Decimal
  bool minimum_exclusive = false;           // "> minimum" rather than ">="
  std::optional<double> maximum;
  std::string at_most;   // Count / Decimal: not above this other field's value
  bool percent = false;  // Decimal: "85%" accepted
  std::string unit;      // Decimal money: "万元"; a column named "…（元）" or
                         // "…（亿元）" is converted to it
  bool not_after_campaign_date = false;  // Date: not later than the campaign date
  std::optional<AgeRule> age;            // Date / YearMonth: age at the campaign date
  std::optional<PhotoRule> photo;        // Photo
  std::vector<FieldSpec> entry_fields;   // Entries: the sub-fields, in their written order
  std::size_t min_entries = 0;           // Entries: at least this many when required

  /// True when the field may need a value (required, or conditionally required).
  bool may_be_required() const { return required || required_unless || required_if; }
};

struct Schema {
  std::string kind;  // "candidate"
  /// Whether `import` without --kind may take a file for this kind from its columns. Results
  /// share their name and phone columns with candidates: they are imported by name only.
  bool inferred_from_header = true;
  std::string title_zh;  // "杰出贡献人物候选人"
  std::string title_en;
  std::string source_file;
  std::vector<FieldSpec> fields;
  /// The record key: the first alternative whose fields all have values, parts joined by "|".
  std::vector<std::vector<std::string>> key_alternatives;

  /// Index of the field with this English key, or -1.
  int field_index(const std::string& key) const;
};

struct SchemaSet {
  std::vector<Schema> schemas;
  std::size_t max_data_rows = 0;  // per imported file (limits.json); 0 = no limit
  // XLSX unpacking (limits.json, optional keys; the defaults are those of data/records).
  std::uint64_t max_unpacked_entry_bytes = 128ull << 20;  // one part of the archive
  std::uint64_t max_unpacked_total_bytes = 256ull << 20;  // all parts read
  // A photo's pixels (width x height as its header declares), checked at import so that a
  // decompression bomb is refused before anything tries to decode it (limits.json, optional).
  std::uint64_t max_photo_pixels = 64ull * 1000 * 1000;

  const Schema* find(const std::string& kind) const;
};

/// Reads one schema file. Throws TuijieError listing every problem of the file (bad JSON,
/// unknown type or property, duplicate keys or names, references to unknown fields, ...).
Schema load_schema(const std::string& path);

/// Reads every schema of a folder (data/records/): limits.json holds the file limits, every
/// other *.json file is one schema. Throws TuijieError as load_schema does.
SchemaSet load_schema_set(const std::string& directory);

}  // namespace tuijie::records
