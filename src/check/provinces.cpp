#include "check/provinces.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace tuijie::check {

namespace {

// Collects the names found in array items: strings, or objects' "name" members; nested
// objects are searched too, so {"provinces": [...]} and {"divisions": {...}} both work.
void collect_names(const Poco::Dynamic::Var& value, std::vector<std::string>& names) {
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    for (const auto& item : *value.extract<Poco::JSON::Array::Ptr>()) {
      if (item.isString()) {
        names.push_back(item.toString());
      } else {
        collect_names(item, names);
      }
    }
  } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    if (object->has("name") && object->get("name").isString()) {
      names.push_back(object->getValue<std::string>("name"));
      return;
    }
    for (const auto& [key, member] : *object) {
      collect_names(member, names);
    }
  }
}

}  // namespace

Provinces::Provinces(std::vector<std::string> names) : names_(std::move(names)) {
  std::erase(names_, std::string());  // an empty name would match every region
}

Provinces Provinces::load(const std::string& path, Diagnostics& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d = make_error("provinces-missing", "找不到省级行政区名单，无法核对所在地是否在中国",
                              "the list of provinces is missing: regions cannot be checked", path);
    d.severity = Severity::Warning;
    problems.push_back(d);
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> names;
  try {
    collect_names(Poco::JSON::Parser().parse(text.str()), names);
  } catch (const Poco::Exception& e) {
    Diagnostic d = make_error("provinces-unreadable", "省级行政区名单无法读取：" + e.displayText(),
                              "the list of provinces cannot be read: " + e.displayText(), path);
    d.severity = Severity::Warning;
    problems.push_back(d);
    return {};
  }
  return Provinces(std::move(names));
}

bool Provinces::contains(std::string_view region) const {
  for (const std::string& name : names_) {
    if (region.starts_with(name)) {
      return true;
    }
  }
  return false;
}

}  // namespace tuijie::check
