#include "records/reference_choices.hpp"

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/diagnostic.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string string_member(const Object& object, const std::string& name) {
  if (!object.has(name)) {
    return {};
  }
  Var value = object.get(name);
  return value.isString() ? value.toString() : std::string();
}

bool is_coded(const Object& object) {
  return !string_member(object, "code").empty() && !string_member(object, "name").empty();
}

// Walks the document depth first; returns whether a coded object was found at or below `node`.
bool collect(const Var& node, std::vector<ReferenceNode>& ancestors,
             std::vector<ReferenceChoice>& out) {
  if (node.type() == typeid(Array::Ptr)) {
    bool found = false;
    Array::Ptr array = node.extract<Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
      found = collect(array->get(static_cast<unsigned>(i)), ancestors, out) || found;
    }
    return found;
  }
  if (node.type() != typeid(Object::Ptr)) {
    return false;
  }
  Object::Ptr object = node.extract<Object::Ptr>();
  const bool coded = is_coded(*object);
  const std::string name = string_member(*object, "name");
  const std::string code = string_member(*object, "code");
  std::size_t position = out.size();
  bool below = false;
  if (coded)
    ancestors.push_back({code, name});
  for (const std::string& member : object->getNames()) {
    below = collect(object->get(member), ancestors, out) || below;
  }
  if (coded)
    ancestors.pop_back();
  if (coded && !below) {
    std::string parent_name = ancestors.empty() ? std::string() : ancestors.back().name;
    ReferenceChoice choice{code, name, {}, parent_name, ancestors};
    if (Array::Ptr aliases = object->getArray("aliases")) {
      for (std::size_t i = 0; i < aliases->size(); ++i) {
        Var alias = aliases->get(static_cast<unsigned>(i));
        if (alias.isString() && !alias.toString().empty()) {
          choice.aliases.push_back(alias.toString());
        }
      }
    }
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(position), std::move(choice));
  }
  return coded || below;
}

[[noreturn]] void fail(const std::string& path, const std::string& zh, const std::string& en) {
  throw TuijieError(make_error("bad-reference", "参考数据文件有误：" + zh,
                               "bad reference data file: " + en, path));
}

}  // namespace

std::vector<ChoiceSpelling> ChoiceTable::spellings() const {
  std::map<std::string, std::set<std::size_t>> owners;  // header form -> choices using it
  std::vector<ChoiceSpelling> all;
  auto add = [&](const std::string& spelling, std::size_t index) {
    owners[header_form(spelling)].insert(index);
    all.push_back({spelling, index});
  };
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const ReferenceChoice& choice = choices[i];
    add(choice.code, i);
    add(choice.name, i);
    for (const std::string& alias : choice.aliases) {
      add(alias, i);
    }
    if (!choice.parent_name.empty()) {
      add(choice.parent_name + "（" + choice.name + "）", i);
    }
  }
  std::vector<ChoiceSpelling> unique;
  std::set<std::string> kept;
  for (ChoiceSpelling& spelling : all) {
    std::string form = header_form(spelling.spelling);
    if (owners[form].size() == 1 && kept.insert(form).second) {
      unique.push_back(std::move(spelling));
    }
  }
  return unique;
}

ChoiceTable load_choice_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(path, "无法读取", "cannot read the file");
  }
  std::stringstream text;
  text << in.rdbuf();
  ChoiceTable table;
  table.source_file = path;
  try {
    std::vector<ReferenceNode> ancestors;
    collect(Poco::JSON::Parser().parse(text.str()), ancestors, table.choices);
  } catch (const Poco::Exception& e) {
    fail(path, "不是有效的 JSON：" + e.displayText(), "not valid JSON: " + e.displayText());
  }
  if (table.choices.empty()) {
    fail(path, "没有任何带 code 和 name 的条目", "no entry with a code and a name");
  }
  std::set<std::string> codes;
  for (const ReferenceChoice& choice : table.choices) {
    if (!codes.insert(header_form(choice.code)).second) {
      fail(path, "代码“" + choice.code + "”重复", "code '" + choice.code + "' is repeated");
    }
  }
  return table;
}

}  // namespace tuijie::records
