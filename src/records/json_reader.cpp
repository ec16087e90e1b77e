#include "records/json_reader.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <charconv>
#include <map>
#include <optional>
#include <sstream>

namespace tuijie::records {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string json_text(const Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(value, out);
  return out.str();
}

// A JSON scalar as cell text; nullopt for arrays and objects.
std::optional<std::string> scalar_text(const Var& value) {
  if (value.isEmpty()) {
    return std::string();
  }
  if (value.type() == typeid(bool)) {
    return value.extract<bool>() ? "true" : "false";
  }
  if (value.isString()) {
    return value.toString();
  }
  if (value.isInteger()) {
    return value.toString();
  }
  if (value.isNumeric()) {
    double number = value.convert<double>();
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, error == std::errc() ? end : buffer);
  }
  return std::nullopt;
}

class JsonTableBuilder {
 public:
  explicit JsonTableBuilder(const std::string& file) { table_.file = file; }

  SourceTable build(std::string_view utf8) {
    Var root;
    try {
      Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
      root = parser.parse(std::string(utf8));
    } catch (const Poco::Exception& e) {
      table_.diagnostics.push_back(make_error("bad-json", "不是有效的 JSON：" + e.message(),
                                              "not valid JSON: " + e.message(), table_.file));
      return std::move(table_);
    }
    if (root.type() != typeid(Array::Ptr)) {
      table_.diagnostics.push_back(make_error("bad-json", "JSON 文件的顶层应为对象数组 [ {…}, … ]",
                                              "the JSON file must be an array of objects",
                                              table_.file));
      return std::move(table_);
    }
    Array::Ptr elements = root.extract<Array::Ptr>();
    for (std::size_t i = 0; i < elements->size(); ++i) {
      add_element(elements->get(static_cast<unsigned>(i)), static_cast<long>(i) + 1);
    }
    return std::move(table_);
  }

 private:
  void add_element(const Var& element, long row) {
    SourceRow source{row, {}};
    if (element.type() != typeid(Object::Ptr)) {
      error(row, "", json_text(element), "数组元素应为对象 {…}", "the element is not an object");
      table_.rows.push_back(std::move(source));
      return;
    }
    Object::Ptr object = element.extract<Object::Ptr>();
    for (const std::string& key : object->getNames()) {
      std::size_t column = column_for(key, row);
      if (source.cells.size() <= column) {
        source.cells.resize(column + 1);
      }
      source.cells[column] = cell_value(object->get(key), row, key);
    }
    table_.rows.push_back(std::move(source));
  }

  std::size_t column_for(const std::string& key, long row) {
    auto [it, inserted] = columns_.emplace(key, table_.columns.size());
    if (inserted) {
      table_.columns.push_back({key, 0, row});
    }
    return it->second;
  }

  RawValue cell_value(const Var& value, long row, const std::string& key) {
    RawValue raw;
    if (std::optional<std::string> text = scalar_text(value)) {
      raw.text = std::move(*text);
      return raw;
    }
    if (value.type() != typeid(Array::Ptr)) {
      error(row, key, json_text(value), "值应为文字、数字、true/false 或数组，不能是对象",
            "the value must be text, a number, true/false or an array, not an object");
      return raw;
    }
    raw.is_list = true;
    raw.shown = json_text(value);
    Array::Ptr array = value.extract<Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
      Var element = array->get(static_cast<unsigned>(i));
      RawItem item;
      if (std::optional<std::string> text = scalar_text(element)) {
        item.text = std::move(*text);
      } else if (element.type() == typeid(Object::Ptr)) {
        item.is_object = true;
        Object::Ptr object = element.extract<Object::Ptr>();
        for (const std::string& name : object->getNames()) {
          std::optional<std::string> field = scalar_text(object->get(name));
          if (!field) {
            error(row, key, json_text(element), "“" + name + "”的值应为文字或数字",
                  "'" + name + "' must be text or a number");
            continue;
          }
          item.fields[name] = std::move(*field);
        }
      } else {
        error(row, key, json_text(element), "列表中不能再嵌套列表", "lists cannot be nested");
        continue;
      }
      raw.items.push_back(std::move(item));
    }
    return raw;
  }

  void error(long row, const std::string& key, const std::string& value, const std::string& zh,
             const std::string& en) {
    Diagnostic d = make_error("bad-json-value", zh, en, table_.file, value);
    d.row = row;
    d.column_name = key;
    table_.diagnostics.push_back(std::move(d));
  }

  SourceTable table_;
  std::map<std::string, std::size_t> columns_;
};

}  // namespace

SourceTable read_json_table(std::string_view utf8, const std::string& file) {
  return JsonTableBuilder(file).build(utf8);
}

}  // namespace tuijie::records
