#include "records/entry_values.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

// The sub-field values of an object item, in entry_fields order, with the key each was read
// under ("" when absent). Keys that name no sub-field are warned about.
std::vector<std::string> object_parts(const FieldSpec& field, const RawItem& item,
                                      const std::string& place_zh, const std::string& place_en,
                                      const std::string& shown, std::vector<std::string>& keys,
                                      std::vector<ValueProblem>& problems) {
  std::vector<std::string> parts;
  std::set<std::string> used;
  for (const FieldSpec& sub : field.entry_fields) {
    std::string text;
    std::string read_under;
    for (const auto& [key, value] : item.fields) {
      if (header_form(key) == header_form(sub.key) ||
          header_form(key) == header_form(sub.name_zh)) {
        text = value;
        read_under = key;
        used.insert(key);
      }
    }
    parts.push_back(std::move(text));
    keys.push_back(std::move(read_under));
  }
  for (const auto& [key, text] : item.fields) {
    if (!used.count(key)) {
      problems.push_back({Severity::Warning, "unknown-key",
                          place_zh + "未知的键“" + key + "”，已忽略",
                          place_en + "unknown key '" + key + "' ignored", shown});
    }
  }
  return parts;
}

// The parts of one line "职务｜时间｜国家｜单位", split at '|' or '｜'.
std::vector<std::string> line_parts(std::string_view line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t bar = line.find('|', start);
    std::size_t wide = line.find("｜", start);
    std::size_t end = std::min(bar, wide);
    parts.emplace_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + (end == bar ? 1 : std::string_view("｜").size());
  }
}

// One resume line "职务｜时间｜国家｜单位" (or an object) -> entry.
Entry read_entry(const FieldSpec& field, const RawItem& item, std::size_t number,
                 const FieldContext& context, std::vector<ValueProblem>& problems) {
  std::string place_zh = field.name_zh + "第 " + std::to_string(number) + " 条：";
  std::string place_en = field.key + " entry " + std::to_string(number) + ": ";
  std::vector<std::string> parts;
  std::vector<std::string> keys;  // for objects: the key each part was read under
  std::string shown = item.text;
  if (item.is_object) {
    shown.clear();
    for (const auto& [key, text] : item.fields) {
      shown += (shown.empty() ? "" : ", ") + key + ": " + text;
    }
    parts = object_parts(field, item, place_zh, place_en, shown, keys, problems);
  } else {
    parts = line_parts(item.text);
    if (parts.size() != field.entry_fields.size()) {
      std::string layout_zh;
      std::string layout_en;
      for (const FieldSpec& sub : field.entry_fields) {
        layout_zh += (layout_zh.empty() ? "" : "｜") + sub.name_zh;
        layout_en += (layout_en.empty() ? "" : "|") + sub.key;
      }
      problems.push_back({Severity::Error, "bad-entry",
                          place_zh + "应有 " + std::to_string(field.entry_fields.size()) +
                              " 项，用“|”或“｜”分隔：" + layout_zh + "（现为 " +
                              std::to_string(parts.size()) + " 项）",
                          place_en + "expected " + std::to_string(field.entry_fields.size()) +
                              " parts separated by '|' or '｜': " + layout_en + " (found " +
                              std::to_string(parts.size()) + ")",
                          shown});
      return {};
    }
  }
  // From a sheet row, a problem points at its own cell and shows that cell's value.
  auto place = [&](std::size_t i, ValueProblem& problem) {
    if (item.origin) {
      problem.place = item.place_of(keys[i]);
      problem.value = parts[i];
    }
  };
  Entry entry;
  for (std::size_t i = 0; i < field.entry_fields.size(); ++i) {
    const FieldSpec& sub = field.entry_fields[i];
    if (is_blank(parts[i])) {
      if (sub.required) {
        ValueProblem missing{Severity::Error, "missing-value",
                             place_zh + "缺少“" + sub.name_zh + "”",
                             place_en + "'" + sub.key + "' is missing", shown};
        place(i, missing);
        problems.push_back(std::move(missing));
      }
      continue;
    }
    ParsedValue parsed = validate_scalar(sub, parts[i], context);
    for (ValueProblem& problem : parsed.problems) {
      problem.reason_zh = place_zh + sub.name_zh + problem.reason_zh;
      problem.reason_en = place_en + sub.key + " " + problem.reason_en;
      problem.value = shown;
      place(i, problem);
      problems.push_back(std::move(problem));
    }
    if (parsed.ok()) {
      entry[sub.key] = std::move(parsed.value);
    }
  }
  return entry;
}

// A person's entries come from their cell or from sheet rows, never both: merging them would
// hide from the clerk that one of the two lists is stale.
std::optional<ValueProblem> mixed_sources(const FieldSpec& field, const RawValue& raw) {
  std::string sheet;
  std::string rows;
  std::size_t row_count = 0;
  bool in_cell = !is_blank(raw.text);
  for (const RawItem& item : raw.items) {
    if (item.origin) {
      sheet = item.origin->sheet;
      rows += (rows.empty() ? "" : ", ") + std::to_string(item.origin->row);
      ++row_count;
    } else {
      in_cell = in_cell || item.is_object || !is_blank(item.text);
    }
  }
  if (rows.empty() || !in_cell) {
    return std::nullopt;
  }
  return ValueProblem{Severity::Error, "entries-in-two-places",
                      "“" + field.name_zh + "”列和工作表“" + sheet + "”第 " + rows +
                          " 行都给出了此人的" + field.name_zh + "，不会合并：请只保留其中一处",
                      "both the " + field.name_zh + " column and " +
                          (row_count == 1 ? "row " : "rows ") + rows + " of the sheet '" + sheet +
                          "' give this person's " + field.key +
                          "; they are not merged: keep only one of them",
                      raw.text};
}

}  // namespace

FieldValue validate_entries(const FieldSpec& field, const RawValue& raw,
                            const FieldContext& context) {
  FieldValue result;
  if (std::optional<ValueProblem> problem = mixed_sources(field, raw)) {
    result.problems.push_back(std::move(*problem));
    return result;
  }
  std::vector<RawItem> items;
  auto add_lines = [&items](std::string_view text) {
    split_lines(text, [&items](std::string_view line) {
      if (!is_blank(line)) {
        items.push_back({std::string(trim(line)), false, {}});
      }
    });
  };
  if (raw.is_list) {
    for (const RawItem& item : raw.items) {
      if (item.is_object) {
        items.push_back(item);
      } else {
        add_lines(item.text);
      }
    }
  } else {
    add_lines(raw.text);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    Entry entry = read_entry(field, items[i], i + 1, context, result.problems);
    if (!entry.empty()) {
      result.entries.push_back(std::move(entry));
    }
  }
  if (result.ok() && result.entries.size() < field.min_entries) {
    result.problems.push_back({Severity::Error,
                               "too-few-entries",
                               "至少需要 " + std::to_string(field.min_entries) + " 条",
                               "needs at least " + std::to_string(field.min_entries) + " entries",
                               {}});
  }
  return result;
}

}  // namespace tuijie::records
