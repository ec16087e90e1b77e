#include "records/schema.hpp"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/diagnostic.hpp"
#include "records/reference_choices.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

struct TypeName {
  FieldType type;
  const char* name;
};

constexpr TypeName kTypeNames[] = {
    {FieldType::Text, "text"},
    {FieldType::Choice, "enum"},
    {FieldType::ChoiceList, "enum_list"},
    {FieldType::YesNo, "yes_no"},
    {FieldType::Date, "date"},
    {FieldType::YearMonth, "year_month"},
    {FieldType::Count, "integer"},
    {FieldType::Decimal, "decimal"},
    {FieldType::Phone, "phone"},
    {FieldType::Email, "email"},
    {FieldType::Postcode, "postcode"},
    {FieldType::Photo, "photo"},
    {FieldType::Entries, "entries"},
    {FieldType::CreditCode, "credit_code"},
};

// Which optional properties make sense for which types; anything else is a schema error,
// so that a typo ("max_lenght") or a misplaced rule never passes unnoticed.
bool property_fits(const std::string& property, FieldType type, bool in_entry) {
  if (property == "max_length" || property == "multiline") {
    return type == FieldType::Text;
  }
  if (property == "values" || property == "choices_from" || property == "stored_as") {
    return type == FieldType::Choice || type == FieldType::ChoiceList;
  }
  if (property == "minimum" || property == "maximum" || property == "minimum_exclusive") {
    return type == FieldType::Count || type == FieldType::Decimal;
  }
  if (property == "at_most") {
    return (type == FieldType::Count || type == FieldType::Decimal) && !in_entry;
  }
  if (property == "percent" || property == "unit") {
    return type == FieldType::Decimal;
  }
  if (property == "not_after_campaign_date") {
    return type == FieldType::Date;
  }
  if (property == "age") {
    return (type == FieldType::Date || type == FieldType::YearMonth) && !in_entry;
  }
  if (property == "photo") {
    return type == FieldType::Photo;
  }
  if (property == "entry_fields" || property == "min_entries") {
    return type == FieldType::Entries;
  }
  return property == "key" || property == "zh" || property == "aliases" || property == "type" ||
         property == "required" || property == "note";
}

// Reads a schema file, collecting every problem instead of stopping at the first.
class SchemaReader {
 public:
  explicit SchemaReader(std::string path) : path_(std::move(path)) {}

  Schema read() {
    Object::Ptr root = parse_file();
    Schema schema;
    schema.source_file = path_;
    if (!root) {
      fail();
    }
    for (const std::string& name : root->getNames()) {
      if (name != "kind" && name != "title" && name != "key" && name != "fields" &&
          name != "note" && name != "inferred_from_header") {
        problem(name, "未知的属性", "unknown property");
      }
    }
    schema.kind = string_property(*root, "kind", "kind", true);
    if (root->has("inferred_from_header")) {
      try {
        schema.inferred_from_header = root->getValue<bool>("inferred_from_header");
      } catch (const Poco::Exception&) {
        problem("inferred_from_header", "应为 true 或 false", "must be true or false");
      }
    }
    if (Object::Ptr title = root->getObject("title")) {
      schema.title_zh = string_property(*title, "zh", "title.zh", true);
      schema.title_en = string_property(*title, "en", "title.en", true);
    } else {
      problem("title", "缺少 {\"zh\": …, \"en\": …}", "missing {\"zh\": ..., \"en\": ...}");
    }
    if (Array::Ptr fields = root->getArray("fields")) {
      for (std::size_t i = 0; i < fields->size(); ++i) {
        std::string where = "fields[" + std::to_string(i) + "]";
        if (Object::Ptr field = fields->getObject(static_cast<unsigned>(i))) {
          schema.fields.push_back(read_field(*field, where, false));
        } else {
          problem(where, "应为对象", "must be an object");
        }
      }
    } else {
      problem("fields", "缺少字段列表（数组）", "missing the list of fields (an array)");
    }
    read_key(*root, schema);
    check_schema(schema);
    if (!problems_.empty()) {
      fail();
    }
    return schema;
  }

 private:
  Object::Ptr parse_file() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      problem("", "无法读取模式文件", "cannot read the schema file");
      return nullptr;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
      Poco::JSON::Parser parser;
      Var root = parser.parse(text.str());
      if (root.type() == typeid(Object::Ptr)) {
        return root.extract<Object::Ptr>();
      }
      problem("", "顶层应为 JSON 对象", "the top level must be a JSON object");
    } catch (const Poco::Exception& e) {
      problem("", "不是有效的 JSON：" + e.displayText(), "not valid JSON: " + e.displayText());
    }
    return nullptr;
  }

  FieldSpec read_field(const Object& object, const std::string& where, bool in_entry) {
    FieldSpec field;
    field.key = string_property(object, "key", where + ".key", true);
    std::string label = where + (field.key.empty() ? "" : " (" + field.key + ")");
    field.name_zh = string_property(object, "zh", label + ".zh", true);
    std::string type_name = string_property(object, "type", label + ".type", true);
    if (auto type = field_type_from_name(type_name)) {
      field.type = *type;
    } else if (!type_name.empty()) {
      problem(label + ".type", "未知的类型“" + type_name + "”", "unknown type '" + type_name + "'");
    }
    if (in_entry && (field.type == FieldType::Entries || field.type == FieldType::Photo ||
                     field.type == FieldType::ChoiceList)) {
      problem(label + ".type", "履历等子表中不能用此类型", "this type cannot be used in entries");
    }
    for (const std::string& name : object.getNames()) {
      if (!property_fits(name, field.type, in_entry)) {
        problem(label + "." + name, "此类型的字段不能有这个属性",
                "unknown property, or not allowed for type '" + type_name + "'");
      }
    }
    field.aliases = string_list(object, "aliases", label + ".aliases");
    read_required(object, label, field);
    field.max_length = count_property(object, "max_length", label);
    field.multiline = bool_property(object, "multiline", label);
    field.values = string_list(object, "values", label + ".values");
    read_choices_from(object, label, field);
    field.minimum = number_property(object, "minimum", label);
    field.minimum_exclusive = bool_property(object, "minimum_exclusive", label);
    field.maximum = number_property(object, "maximum", label);
    field.at_most = string_property(object, "at_most", label + ".at_most", false);
    field.percent = bool_property(object, "percent", label);
    field.unit = string_property(object, "unit", label + ".unit", false);
    if (!field.unit.empty() && !money_unit_exponent(field.unit)) {
      problem(label + ".unit", "未知的金额单位（可用 元、万元、亿元）",
              "unknown money unit (元, 万元 or 亿元)");
    }
    field.not_after_campaign_date = bool_property(object, "not_after_campaign_date", label);
    if (Object::Ptr age = object.getObject("age")) {
      field.age = AgeRule{static_cast<int>(count_property(*age, "min", label + ".age")),
                          static_cast<int>(count_property(*age, "max", label + ".age"))};
      if (field.age->max_years < field.age->min_years || field.age->max_years == 0) {
        problem(label + ".age", "需要 min ≤ max", "needs min <= max");
      }
    }
    if (Object::Ptr photo = object.getObject("photo")) {
      field.photo = PhotoRule{
          count_property(*photo, "min_bytes", label + ".photo"),
          string_property(*photo, "preferred_format", label + ".photo.preferred_format", false)};
      const std::string& format = field.photo->preferred_format;
      if (!format.empty() && format != "jpeg" && format != "png") {
        problem(label + ".photo.preferred_format", "应为 jpeg 或 png", "must be jpeg or png");
      }
    }
    if (field.type == FieldType::Entries) {
      field.min_entries = count_property(object, "min_entries", label);
      if (Array::Ptr entries = object.getArray("entry_fields")) {
        for (std::size_t i = 0; i < entries->size(); ++i) {
          std::string sub = label + ".entry_fields[" + std::to_string(i) + "]";
          if (Object::Ptr entry = entries->getObject(static_cast<unsigned>(i))) {
            field.entry_fields.push_back(read_field(*entry, sub, true));
          } else {
            problem(sub, "应为对象", "must be an object");
          }
        }
      }
      if (field.entry_fields.empty()) {
        problem(label + ".entry_fields", "子表至少需要一个字段", "entries need at least one field");
      }
    }
    if ((field.type == FieldType::Choice || field.type == FieldType::ChoiceList) &&
        field.values.empty() && field.choices_from.empty()) {
      problem(label + ".values", "可选值列表不能为空", "the list of values must not be empty");
    }
    return field;
  }

  // "choices_from": a reference file, relative to this schema file. Its choices become the
  // field's values: codes by default ("stored_as": "code", unambiguous even for names that hold
  // a separator), or names ("stored_as": "name"); every other spelling becomes an alias.
  void read_choices_from(const Object& object, const std::string& label, FieldSpec& field) {
    field.choices_from = string_property(object, "choices_from", label + ".choices_from", false);
    std::string stored_as = string_property(object, "stored_as", label + ".stored_as", false);
    if (!stored_as.empty() && stored_as != "code" && stored_as != "name") {
      problem(label + ".stored_as", "应为 code 或 name", "must be 'code' or 'name'");
    }
    if (field.choices_from.empty()) {
      if (!stored_as.empty()) {
        problem(label + ".stored_as", "只能与 choices_from 一起用", "needs choices_from");
      }
      return;
    }
    if (!field.values.empty()) {
      problem(label + ".values", "values 与 choices_from 只能用一个",
              "use either values or choices_from");
    }
    std::filesystem::path file =
        std::filesystem::path(path_).parent_path() / std::filesystem::path(field.choices_from);
    ChoiceTable table;
    try {
      table = load_choice_table(file.lexically_normal().string());
    } catch (const TuijieError& e) {
      for (const Diagnostic& d : e.diagnostics()) {
        problem(label + ".choices_from", d.reason_zh + "（" + d.file + "）",
                d.reason_en + " (" + d.file + ")");
      }
      return;
    }
    bool by_name = stored_as == "name";
    for (const ReferenceChoice& choice : table.choices) {
      field.values.push_back(by_name ? choice.name : choice.code);
    }
    for (const ChoiceSpelling& spelling : table.spellings()) {
      const std::string& value = field.values[spelling.index];
      if (spelling.spelling != value) {
        field.choice_aliases.push_back({spelling.spelling, value});
      }
    }
  }

  void read_required(const Object& object, const std::string& label, FieldSpec& field) {
    if (!object.has("required")) {
      return;
    }
    Var value = object.get("required");
    if (value.type() == typeid(bool)) {
      field.required = value.extract<bool>();
      return;
    }
    if (value.type() == typeid(Object::Ptr)) {
      Object::Ptr rule = value.extract<Object::Ptr>();
      for (const std::string& name : rule->getNames()) {
        if (name != "unless" && name != "if") {
          problem(label + ".required." + name, "应为 unless 或 if", "must be 'unless' or 'if'");
        }
      }
      if (Object::Ptr unless = rule->getObject("unless")) {
        field.required_unless = read_condition(*unless, label + ".required.unless");
      }
      if (Object::Ptr when = rule->getObject("if")) {
        field.required_if = read_condition(*when, label + ".required.if");
      }
      if (field.required_unless && field.required_if) {
        problem(label + ".required", "unless 与 if 只能用一个", "use either 'unless' or 'if'");
      }
      return;
    }
    problem(label + ".required",
            "应为 true、false 或 {\"unless\"|\"if\": {\"field\": …, \"in\": […]}}",
            "must be true, false or {\"unless\"|\"if\": {\"field\": ..., \"in\": [...]}}");
  }

  Condition read_condition(const Object& object, const std::string& where) {
    Condition condition;
    condition.field = string_property(object, "field", where + ".field", true);
    condition.values = string_list(object, "in", where + ".in");
    if (condition.values.empty()) {
      problem(where + ".in", "需要至少一个值", "needs at least one value");
    }
    return condition;
  }

  void read_key(const Object& root, Schema& schema) {
    Array::Ptr key = root.getArray("key");
    if (!key || key->size() == 0) {
      problem("key", "缺少记录键（字段名列表的数组）",
              "missing the record key (an array of lists of field keys)");
      return;
    }
    for (std::size_t i = 0; i < key->size(); ++i) {
      std::string where = "key[" + std::to_string(i) + "]";
      Array::Ptr alternative = key->getArray(static_cast<unsigned>(i));
      std::vector<std::string> parts;
      for (std::size_t j = 0; alternative && j < alternative->size(); ++j) {
        Var part = alternative->get(static_cast<unsigned>(j));
        if (part.isString()) {
          parts.push_back(part.toString());
        }
      }
      if (!alternative || parts.empty() || parts.size() != alternative->size()) {
        problem(where, "应为字段名的数组", "must be an array of field keys");
        continue;
      }
      schema.key_alternatives.push_back(std::move(parts));
    }
  }

  // Rules between fields: unique keys and column names, and references that resolve.
  void check_schema(const Schema& schema) {
    std::map<std::string, std::string> names;  // header form -> field key
    std::set<std::string> keys;
    for (const FieldSpec& field : schema.fields) {
      if (!field.key.empty() && !keys.insert(field.key).second) {
        problem("fields (" + field.key + ")", "字段名重复", "duplicate field key");
      }
      std::vector<std::string> spellings = field.aliases;
      spellings.push_back(field.name_zh);
      spellings.push_back(field.key);
      for (const std::string& spelling : spellings) {
        auto [it, inserted] = names.emplace(header_form(spelling), field.key);
        if (!inserted && it->second != field.key) {
          problem("fields (" + field.key + ")",
                  "列名“" + spelling + "”与字段 " + it->second + " 重复",
                  "column name '" + spelling + "' is also used by field " + it->second);
        }
      }
      if (!field.at_most.empty()) {
        int other = schema.field_index(field.at_most);
        FieldType other_type =
            other < 0 ? FieldType::Text : schema.fields[static_cast<std::size_t>(other)].type;
        if (other_type != FieldType::Count && other_type != FieldType::Decimal) {
          problem("fields (" + field.key + ").at_most", "应为另一个数字字段的名称",
                  "must name another number field");
        }
      }
      for (const auto* condition : {&field.required_unless, &field.required_if}) {
        if (*condition) {
          check_condition(schema, **condition, "fields (" + field.key + ").required");
        }
      }
    }
    for (const auto& alternative : schema.key_alternatives) {
      for (const std::string& part : alternative) {
        if (schema.field_index(part) < 0) {
          problem("key", "键中的字段“" + part + "”不存在",
                  "key field '" + part + "' does not exist");
        }
      }
    }
  }

  void check_condition(const Schema& schema, const Condition& condition, const std::string& where) {
    int index = schema.field_index(condition.field);
    if (index < 0) {
      problem(where, "条件中的字段“" + condition.field + "”不存在",
              "condition field '" + condition.field + "' does not exist");
      return;
    }
    const FieldSpec& target = schema.fields[static_cast<std::size_t>(index)];
    for (const std::string& value : condition.values) {
      bool known =
          target.type == FieldType::YesNo
              ? (value == "是" || value == "否")
              : std::find(target.values.begin(), target.values.end(), value) != target.values.end();
      if (!known || (target.type != FieldType::Choice && target.type != FieldType::YesNo)) {
        problem(where, "条件值“" + value + "”不是字段 " + condition.field + " 的可选值",
                "condition value '" + value + "' is not a value of field " + condition.field);
      }
    }
  }

  std::string string_property(const Object& object, const std::string& name,
                              const std::string& where, bool required) {
    if (!object.has(name)) {
      if (required) {
        problem(where, "缺少此属性", "missing property");
      }
      return {};
    }
    Var value = object.get(name);
    if (!value.isString() || value.toString().empty()) {
      problem(where, "应为非空字符串", "must be a non-empty string");
      return {};
    }
    return value.toString();
  }

  std::vector<std::string> string_list(const Object& object, const std::string& name,
                                       const std::string& where) {
    std::vector<std::string> out;
    if (!object.has(name)) {
      return out;
    }
    Array::Ptr array = object.getArray(name);
    for (std::size_t i = 0; array && i < array->size(); ++i) {
      Var item = array->get(static_cast<unsigned>(i));
      if (!item.isString() || item.toString().empty()) {
        array = nullptr;
        break;
      }
      out.push_back(item.toString());
    }
    if (!array) {
      problem(where, "应为非空字符串的数组", "must be an array of non-empty strings");
    }
    return out;
  }

  std::uintmax_t count_property(const Object& object, const std::string& name,
                                const std::string& label) {
    if (!object.has(name)) {
      return 0;
    }
    Var value = object.get(name);
    if (!value.isInteger() || value.convert<long long>() < 0) {
      problem(label + "." + name, "应为非负整数", "must be a whole number >= 0");
      return 0;
    }
    return value.convert<std::uintmax_t>();
  }

  std::optional<double> number_property(const Object& object, const std::string& name,
                                        const std::string& label) {
    if (!object.has(name)) {
      return std::nullopt;
    }
    Var value = object.get(name);
    if (!value.isNumeric()) {
      problem(label + "." + name, "应为数字", "must be a number");
      return std::nullopt;
    }
    return value.convert<double>();
  }

  bool bool_property(const Object& object, const std::string& name, const std::string& label) {
    if (!object.has(name)) {
      return false;
    }
    Var value = object.get(name);
    if (value.type() != typeid(bool)) {
      problem(label + "." + name, "应为 true 或 false", "must be true or false");
      return false;
    }
    return value.extract<bool>();
  }

  void problem(const std::string& where, const std::string& zh, const std::string& en) {
    Diagnostic d =
        make_error("bad-schema", "模式文件有误：" + zh, "bad schema file: " + en, path_, where);
    d.column_name = where;
    problems_.push_back(std::move(d));
  }

  [[noreturn]] void fail() { throw TuijieError(problems_); }

  std::string path_;
  Diagnostics problems_;
};

}  // namespace

std::optional<FieldType> field_type_from_name(const std::string& name) {
  for (const TypeName& entry : kTypeNames) {
    if (name == entry.name) {
      return entry.type;
    }
  }
  return std::nullopt;
}

const char* field_type_name(FieldType type) {
  for (const TypeName& entry : kTypeNames) {
    if (entry.type == type) {
      return entry.name;
    }
  }
  return "?";
}

std::optional<int> money_unit_exponent(std::string_view unit) {
  if (unit == "元") {
    return 0;
  }
  if (unit == "万元") {
    return 4;
  }
  if (unit == "亿元") {
    return 8;
  }
  return std::nullopt;
}

int Schema::field_index(const std::string& key) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

const Schema* SchemaSet::find(const std::string& kind) const {
  for (const Schema& schema : schemas) {
    if (schema.kind == kind) {
      return &schema;
    }
  }
  return nullptr;
}

Schema load_schema(const std::string& path) {
  return SchemaReader(path).read();
}

SchemaSet load_schema_set(const std::string& directory) {
  namespace fs = std::filesystem;
  SchemaSet set;
  Diagnostics problems;
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  if (error) {
    throw TuijieError(make_error("bad-schema", "无法读取模式目录", "cannot read the schema folder",
                                 directory, error.message()));
  }
  std::sort(files.begin(), files.end());  // a stable order, whatever the file system says
  for (const fs::path& file : files) {
    try {
      if (file.filename() == "limits.json") {
        // Read with the same checks as a schema property.
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        Var root = Poco::JSON::Parser().parse(text.str());
        Object::Ptr limits =
            root.type() == typeid(Object::Ptr) ? root.extract<Object::Ptr>() : nullptr;
        if (!limits || !limits->has("max_data_rows") || !limits->get("max_data_rows").isInteger() ||
            limits->get("max_data_rows").convert<long long>() <= 0) {
          problems.push_back(make_error("bad-schema",
                                        "limits.json 应为 {\"max_data_rows\": 正整数}",
                                        "limits.json must be {\"max_data_rows\": <positive whole "
                                        "number>}",
                                        file.string()));
          continue;
        }
        set.max_data_rows = limits->get("max_data_rows").convert<std::size_t>();
        for (const auto& [key, target] :
             {std::pair{"max_unpacked_entry_bytes", &set.max_unpacked_entry_bytes},
              std::pair{"max_unpacked_total_bytes", &set.max_unpacked_total_bytes},
              std::pair{"max_photo_pixels", &set.max_photo_pixels}}) {
          if (!limits->has(key)) {
            continue;
          }
          if (!limits->get(key).isInteger() || limits->get(key).convert<long long>() <= 0) {
            problems.push_back(
                make_error("bad-schema", std::string("limits.json 的 ") + key + " 应为正整数",
                           std::string("limits.json: ") + key + " must be a positive whole number",
                           file.string()));
            continue;
          }
          *target = limits->get(key).convert<std::uint64_t>();
        }
        continue;
      }
      Schema schema = load_schema(file.string());
      if (set.find(schema.kind)) {
        problems.push_back(make_error("bad-schema", "记录种类“" + schema.kind + "”重复定义",
                                      "kind '" + schema.kind + "' is defined twice",
                                      file.string()));
        continue;
      }
      set.schemas.push_back(std::move(schema));
    } catch (const TuijieError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    } catch (const Poco::Exception& e) {
      problems.push_back(make_error("bad-schema", "不是有效的 JSON：" + e.displayText(),
                                    "not valid JSON: " + e.displayText(), file.string()));
    }
  }
  if (set.max_data_rows == 0 && problems.empty()) {
    problems.push_back(make_error("bad-schema", "模式目录中缺少 limits.json",
                                  "limits.json is missing from the schema folder", directory));
  }
  if (!problems.empty()) {
    throw TuijieError(problems);
  }
  return set;
}

}  // namespace tuijie::records
