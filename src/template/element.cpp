#include "template/element.hpp"

#include <stdexcept>

#include "template/template_language.hpp"

namespace tuijie::templates {

std::string Element::attr(const std::string& key, const std::string& fallback) const {
  auto it = attributes.find(key);
  return it == attributes.end() ? fallback : it->second.written;
}

Diagnostic Element::error(const std::string& code, const std::string& zh,
                          const std::string& en) const {
  Diagnostic d = make_error(code, zh, en, pos.file);
  d.row = pos.line;
  d.column = pos.column;
  return d;
}

template <typename T>
const T& Element::typed(const std::string& key, AttributeType type) const {
  const AttributeSpec* spec = attribute_spec(name, key);
  if (!spec || spec->type != type) {
    throw std::logic_error("template language: <" + name + "> declares no attribute " + key +
                           " of the type asked for");
  }
  auto it = attributes.find(key);
  const AttributeValue* value = it != attributes.end() ? &it->second
                                : spec->default_value  ? &*spec->default_value
                                                       : nullptr;
  if (value) {
    if (const T* v = std::get_if<T>(&value->value))
      return *v;
  }
  static const T kNone{};
  return kNone;
}

long Element::integer(const std::string& key) const {
  return typed<long>(key, AttributeType::Integer);
}
double Element::number(const std::string& key) const {
  return typed<double>(key, AttributeType::Number);
}
double Element::length_pt(const std::string& key, double em_size) const {
  return typed<Length>(key, AttributeType::Length).pt(em_size);
}
const std::vector<Length>& Element::lengths(const std::string& key) const {
  return typed<std::vector<Length>>(key, AttributeType::Lengths);
}
const ColumnWidths& Element::column_widths(const std::string& key) const {
  return typed<ColumnWidths>(key, AttributeType::ColumnWidths);
}
const std::string& Element::choice(const std::string& key) const {
  return typed<std::string>(key, AttributeType::Choice);
}
Colour Element::colour(const std::string& key) const {
  return typed<Colour>(key, AttributeType::Colour);
}
const std::string& Element::field(const std::string& key) const {
  return typed<std::string>(key, AttributeType::FieldRef);
}
const std::vector<std::string>& Element::fields(const std::string& key) const {
  return typed<std::vector<std::string>>(key, AttributeType::FieldList);
}
const std::vector<std::string>& Element::options(const std::string& key) const {
  return typed<std::vector<std::string>>(key, AttributeType::Options);
}
const std::string& Element::text_value(const std::string& key) const {
  return typed<std::string>(key, AttributeType::Text);
}
const TextPattern& Element::pattern(const std::string& key) const {
  return typed<TextPattern>(key, AttributeType::Pattern);
}

}  // namespace tuijie::templates
