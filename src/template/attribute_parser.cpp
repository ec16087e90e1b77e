// Converts attribute text to the value its declared type gives it (template_language.hpp).
// Run once per attribute when a template is read; merging only reads the results.
#include <atomic>
#include <charconv>
#include <cmath>
#include <sstream>

#include "core/units.hpp"
#include "template/template_language.hpp"

namespace tuijie::templates {
namespace {

std::atomic<std::size_t> parsed_count{0};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

// The whole text as a number (surrounding spaces allowed), or nullopt.
template <typename T>
std::optional<T> whole_number(std::string_view text) {
  text = trimmed(text);
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    return std::nullopt;
  return value;
}

// An absolute length in points, or (where allowed) a multiple of the font size.
std::optional<Length> length_of(std::string_view text, bool em_allowed) {
  if (auto points = parse_length(text))
    return Length{*points, 0};
  if (em_allowed) {
    if (auto ems = parse_length(text, 1.0))
      return Length{0, *ems};
  }
  return std::nullopt;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

std::optional<Colour> colour_of(std::string_view text) {
  text = trimmed(text);
  if (text.size() != 4 && text.size() != 7)
    return std::nullopt;
  if (text.front() != '#')
    return std::nullopt;
  const bool short_form = text.size() == 4;
  double parts[3];
  for (int i = 0; i < 3; ++i) {
    std::string digits =
        short_form ? std::string(2, text[1 + i]) : std::string(text.substr(1 + 2 * i, 2));
    unsigned value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + 2, value, 16);
    if (ec != std::errc() || end != digits.data() + 2)
      return std::nullopt;
    parts[i] = value / 255.0;
  }
  return Colour{parts[0], parts[1], parts[2]};
}

bool is_field_name(const std::string& text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '{' || c == '}' || c == '|')
      return false;
  }
  return true;
}

// "{name}" placeholders split out; an unclosed '{' is literal text, as written.
TextPattern pattern_of(const std::string& text) {
  TextPattern pieces;
  auto literal = [&](std::string piece) {
    if (piece.empty())
      return;
    if (!pieces.empty() && !pieces.back().is_field)
      pieces.back().text += piece;
    else
      pieces.push_back({false, std::move(piece), {}});
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) {
      literal(text.substr(i));
      break;
    }
    literal(text.substr(i, open - i));
    const std::string inside = text.substr(open + 1, close - open - 1);
    const size_t bar = inside.find('|');
    pieces.push_back({true, inside.substr(0, bar),
                      bar == std::string::npos ? std::string() : inside.substr(bar + 1)});
    i = close + 1;
  }
  return pieces;
}

bool one_of(const std::vector<std::string>& values, const std::string& text) {
  for (const std::string& v : values) {
    if (v == text)
      return true;
  }
  return false;
}

std::string shown_number(double v) {
  if (v == std::floor(v))
    return std::to_string(static_cast<long>(v));
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  return s;
}

std::string joined(const std::vector<std::string>& values, const std::string& separator) {
  std::string out;
  for (const std::string& v : values)
    out += (out.empty() ? "" : separator) + v;
  return out;
}

}  // namespace

std::size_t attribute_values_parsed() {
  return parsed_count.load(std::memory_order_relaxed);
}

std::optional<AttributeValue> parse_attribute_value(const AttributeSpec& spec,
                                                    const std::string& text) {
  parsed_count.fetch_add(1, std::memory_order_relaxed);
  AttributeValue out;
  out.written = text;
  switch (spec.type) {
    case AttributeType::Integer: {
      auto v = whole_number<long>(text);
      if (!v || *v < spec.min || *v > spec.max)
        return std::nullopt;
      out.value = *v;
      break;
    }
    case AttributeType::Number: {
      auto v = whole_number<double>(text);
      if (!v || !std::isfinite(*v) || *v < spec.min || *v > spec.max)
        return std::nullopt;
      out.value = *v;
      break;
    }
    case AttributeType::Choice:
      if (!one_of(spec.values, text))
        return std::nullopt;
      out.value = text;
      break;
    case AttributeType::Length: {
      auto v = length_of(text, spec.em);
      if (!v)
        return std::nullopt;
      out.value = *v;
      break;
    }
    case AttributeType::Lengths: {
      std::vector<Length> lengths;
      for (const std::string& word : words_of(text)) {
        auto v = length_of(word, false);
        if (!v)
          return std::nullopt;
        lengths.push_back(*v);
      }
      if (lengths.size() != 1 && lengths.size() != 2 && lengths.size() != 4)
        return std::nullopt;
      out.value = std::move(lengths);
      break;
    }
    case AttributeType::ColumnWidths: {
      ColumnWidths columns;
      for (const std::string& word : words_of(text)) {
        if (word == "*") {
          if (columns.rest)
            return std::nullopt;
          columns.rest = columns.widths.size();
          columns.widths.push_back(0);
        } else if (auto v = parse_length(word)) {
          columns.widths.push_back(*v);
        } else {
          return std::nullopt;
        }
      }
      if (columns.widths.empty())
        return std::nullopt;
      out.value = std::move(columns);
      break;
    }
    case AttributeType::Colour: {
      auto v = colour_of(text);
      if (!v)
        return std::nullopt;
      out.value = *v;
      break;
    }
    case AttributeType::FieldRef:
      if (!is_field_name(text))
        return std::nullopt;
      out.value = text;
      break;
    case AttributeType::FieldList: {
      std::vector<std::string> fields = words_of(text);
      for (const std::string& field : fields) {
        if (!is_field_name(field))
          return std::nullopt;
      }
      out.value = std::move(fields);
      break;
    }
    case AttributeType::Options: {
      std::vector<std::string> options;
      size_t start = 0;
      while (start <= text.size()) {
        size_t bar = text.find('|', start);
        options.push_back(text.substr(start, bar == std::string::npos ? bar : bar - start));
        if (bar == std::string::npos)
          break;
        start = bar + 1;
      }
      out.value = std::move(options);
      break;
    }
    case AttributeType::Text:
      out.value = text;
      break;
    case AttributeType::Pattern: {
      TextPattern pieces = pattern_of(text);
      const bool literal = pieces.empty() || (pieces.size() == 1 && !pieces.front().is_field);
      if (!spec.values.empty() && literal && !one_of(spec.values, text))
        return std::nullopt;
      out.value = std::move(pieces);
      break;
    }
  }
  return out;
}

std::string allowed_values_zh(const AttributeSpec& spec) {
  switch (spec.type) {
    case AttributeType::Integer:
      return "应为 " + shown_number(spec.min) + " 到 " + shown_number(spec.max) + " 的整数";
    case AttributeType::Number:
      return "应为 " + shown_number(spec.min) + " 到 " + shown_number(spec.max) + " 的数";
    case AttributeType::Choice:
    case AttributeType::Pattern:
      return "应为以下之一：" + joined(spec.values, "、") +
             (spec.type == AttributeType::Pattern ? "（或 {字段}）" : "");
    case AttributeType::Length:
      return std::string("应为长度，单位 mm、cm、pt、in") + (spec.em ? "、em（字号）" : "") +
             "，不写单位按 pt 计，如 12mm";
    case AttributeType::Lengths:
      return "应为 1、2 或 4 个长度（上 右 下 左），单位 mm、cm、pt、in，如 20mm";
    case AttributeType::ColumnWidths:
      return "应为以空格分隔的列宽（单位 mm、cm、pt、in），最多一个 *（占满余下的宽度）";
    case AttributeType::Colour:
      return "应为颜色 #RRGGBB 或 #RGB，如 #1F3A93";
    case AttributeType::FieldRef:
      return "应为字段名，如 name 或 resume.title（不含空格、{、}、|）";
    case AttributeType::FieldList:
      return "应为以空格分隔的字段名，如 district name";
    case AttributeType::Options:
    case AttributeType::Text:
      break;
  }
  return "应为文字";
}

std::string allowed_values_en(const AttributeSpec& spec) {
  switch (spec.type) {
    case AttributeType::Integer:
      return "must be a whole number from " + shown_number(spec.min) + " to " +
             shown_number(spec.max);
    case AttributeType::Number:
      return "must be a number from " + shown_number(spec.min) + " to " + shown_number(spec.max);
    case AttributeType::Choice:
    case AttributeType::Pattern:
      return "must be one of " + joined(spec.values, ", ") +
             (spec.type == AttributeType::Pattern ? " (or a {field})" : "");
    case AttributeType::Length:
      return std::string("must be a length in mm, cm, pt, in") +
             (spec.em ? " or em (font size)" : "") + ", a bare number counting as pt, e.g. 12mm";
    case AttributeType::Lengths:
      return "must be 1, 2 or 4 lengths (top right bottom left) in mm, cm, pt or in, e.g. 20mm";
    case AttributeType::ColumnWidths:
      return "must be column widths separated by spaces (mm, cm, pt, in), with at most one * "
             "(the rest of the width)";
    case AttributeType::Colour:
      return "must be a colour #RRGGBB or #RGB, e.g. #1F3A93";
    case AttributeType::FieldRef:
      return "must be a field name such as name or resume.title (no spaces, {, } or |)";
    case AttributeType::FieldList:
      return "must be field names separated by spaces, e.g. district name";
    case AttributeType::Options:
    case AttributeType::Text:
      break;
  }
  return "must be text";
}

}  // namespace tuijie::templates
