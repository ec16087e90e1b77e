#include "store/record_json.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "core/diagnostic.hpp"

namespace tuijie::store {
namespace {

// Poco::JSON::Object keeps its keys in a std::map unless asked to preserve insertion order,
// which is what makes the output canonical.
Poco::JSON::Object::Ptr to_object(const std::map<std::string, std::string>& values) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
  for (const auto& [key, value] : values) {
    object->set(key, value);
  }
  return object;
}

std::map<std::string, std::string> to_map(const Poco::JSON::Object::Ptr& object) {
  std::map<std::string, std::string> values;
  for (const auto& [key, value] : *object) {
    if (!value.isString()) {
      throw Poco::DataFormatException("value of " + key + " is not a string");
    }
    values.emplace(key, value.extract<std::string>());
  }
  return values;
}

Poco::JSON::Object::Ptr as_object(const Poco::Dynamic::Var& value, const std::string& what) {
  if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw Poco::DataFormatException(what + " is not an object");
  }
  return value.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr member_object(const Poco::JSON::Object::Ptr& parent,
                                      const std::string& name) {
  return parent->has(name) ? as_object(parent->get(name), name)
                           : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

}  // namespace

std::string to_canonical_json(const records::Record& record) {
  Poco::JSON::Object::Ptr lists = new Poco::JSON::Object;
  for (const auto& [name, entries] : record.lists) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const records::Entry& entry : entries) {
      array->add(to_object(entry));
    }
    lists->set(name, array);
  }
  Poco::JSON::Object root;
  root.set("fields", to_object(record.fields));
  root.set("lists", lists);
  std::ostringstream out;
  root.stringify(out);
  return out.str();
}

records::Record from_canonical_json(const std::string& kind, const std::string& key,
                                    const std::string& json) {
  records::Record record;
  record.kind = kind;
  record.key = key;
  try {
    Poco::JSON::Parser parser;
    const auto root = as_object(parser.parse(json), "the record");
    record.fields = to_map(member_object(root, "fields"));
    const auto lists = member_object(root, "lists");
    for (const auto& [name, value] : *lists) {
      if (value.type() != typeid(Poco::JSON::Array::Ptr)) {
        throw Poco::DataFormatException("list " + name + " is not an array");
      }
      const auto array = value.extract<Poco::JSON::Array::Ptr>();
      auto& entries = record.lists[name];
      for (std::size_t i = 0; i < array->size(); ++i) {
        entries.push_back(to_map(as_object(array->get(static_cast<unsigned>(i)), name)));
      }
    }
  } catch (const Poco::Exception& e) {
    Diagnostic d = make_error("record-json-invalid", "工作区中的记录已损坏：" + e.displayText(),
                              "a record in the workspace is damaged: " + e.displayText());
    d.record = kind + " " + key;
    throw TuijieError(std::move(d));
  }
  return record;
}

}  // namespace tuijie::store
