#include "records/table_validation.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "records/number_values.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

// Which field each column holds, and the reverse.
struct ColumnMap {
  std::vector<int> field_of_column;  // -1 = not a field
  std::vector<int> shift_of_column;  // ColumnMatch::decimal_shift
  std::vector<int> column_of_field;  // -1 = no column
};

// "收入(元)" (a header_form) -> {"收入", 0}; without a money unit -> {form, nullopt}.
std::pair<std::string, std::optional<int>> split_money_unit(const std::string& form) {
  std::size_t open = form.rfind('(');
  if (!form.ends_with(')') || open == std::string::npos) {
    return {form, std::nullopt};
  }
  std::optional<int> exponent =
      money_unit_exponent(std::string_view(form).substr(open + 1, form.size() - open - 2));
  return exponent ? std::pair{form.substr(0, open), exponent}
                  : std::pair{form, std::optional<int>()};
}

ColumnMap map_columns(const Schema& schema, const SourceTable& table, Diagnostics& out) {
  ColumnMap map{std::vector<int>(table.columns.size(), -1),
                std::vector<int>(table.columns.size(), 0),
                std::vector<int>(schema.fields.size(), -1)};
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const SourceColumn& column = table.columns[c];
    if (trim(column.name).empty()) {
      continue;  // values under a blank header are reported where they are
    }
    ColumnMatch match = match_column(schema, column.name);
    int field = match.field;
    Diagnostic d;
    d.file = table.file;
    d.row = column.first_row;
    d.column = column.number;
    d.column_name = column.name;
    if (field < 0) {
      d.severity = Severity::Warning;
      d.code = "unknown-column";
      d.reason_zh = "不是“" + schema.title_zh + "”表的列，此列被忽略";
      d.reason_en = "not a column of the " + schema.kind + " table; the column is ignored";
      out.push_back(std::move(d));
      continue;
    }
    int& first = map.column_of_field[static_cast<std::size_t>(field)];
    if (first >= 0) {
      const SourceColumn& earlier = table.columns[static_cast<std::size_t>(first)];
      d.code = "duplicate-column";
      d.reason_zh = "与第 " + std::to_string(earlier.number) + " 列“" + earlier.name +
                    "”重复（同为 " + schema.fields[static_cast<std::size_t>(field)].name_zh + "）";
      d.reason_en = "duplicates column " + std::to_string(earlier.number) + " '" + earlier.name +
                    "' (both are " + schema.fields[static_cast<std::size_t>(field)].key + ")";
      out.push_back(std::move(d));
      continue;
    }
    first = static_cast<int>(c);
    map.field_of_column[c] = field;
    map.shift_of_column[c] = match.decimal_shift;
  }
  return map;
}

bool row_is_blank(const SourceRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const RawValue& value) { return value.blank(); });
}

bool condition_holds(const Condition& condition, const Record& record) {
  auto it = record.fields.find(condition.field);
  return it != record.fields.end() && std::find(condition.values.begin(), condition.values.end(),
                                                it->second) != condition.values.end();
}

// Validates one row; the caller adds the record when no error was reported.
class RowValidator {
 public:
  RowValidator(const SourceTable& table, const Schema& schema, const ColumnMap& map,
               const FieldContext& context, Diagnostics& out)
      : table_(table), schema_(schema), map_(map), context_(context), out_(out) {}

  // Returns true (and fills `record`) when the row has no errors.
  bool validate(const SourceRow& row, Record& record) {
    row_ = &row;
    errors_ = 0;
    record = Record{};
    record.kind = schema_.kind;
    std::vector<bool> invalid(schema_.fields.size(), false);
    // Only the cells present: a row's cost follows its cells, not the width of the sheet.
    for (const auto& [c, present] : row.cells.present()) {
      const RawValue* raw = &present;
      if (c >= table_.columns.size() || raw->blank()) {
        continue;
      }
      int field = map_.field_of_column[c];
      if (field < 0) {
        if (trim(table_.columns[c].name).empty()) {
          report(Severity::Error, "no-header", static_cast<int>(c), raw->display(),
                 "此单元格所在的列没有列名", "this cell is in a column without a header");
        }
        continue;
      }
      const FieldSpec& spec = schema_.fields[static_cast<std::size_t>(field)];
      FieldValue value = validate_field(spec, *raw, context_, map_.shift_of_column[c]);
      for (const ValueProblem& problem : value.problems) {
        if (problem.place) {  // an entry from a 履历 sheet row: shown where it was read
          report_at(*problem.place, problem);
          continue;
        }
        report(problem.severity, problem.code, static_cast<int>(c),
               problem.value.empty() ? raw->display() : problem.value, problem.reason_zh,
               problem.reason_en);
      }
      if (!value.ok()) {
        invalid[static_cast<std::size_t>(field)] = true;
      } else if (spec.type == FieldType::Entries) {
        if (!value.entries.empty()) {
          record.lists[spec.key] = std::move(value.entries);
        }
      } else {
        record.fields[spec.key] = std::move(value.value);
      }
    }
    check_required(record, invalid);
    check_at_most(record);
    // The key also for rows with errors, so that a duplicate shows whatever else is wrong;
    // "no key" only matters once nothing else explains it.
    record.key = record_key(record, invalid, errors_ == 0);
    return errors_ == 0;
  }

 private:
  bool has_value(const Record& record, const FieldSpec& spec) const {
    return record.fields.count(spec.key) > 0 || record.lists.count(spec.key) > 0;
  }

  void check_required(const Record& record, const std::vector<bool>& invalid) {
    for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
      const FieldSpec& spec = schema_.fields[f];
      if (invalid[f] || has_value(record, spec) || !spec.may_be_required()) {
        continue;
      }
      int column = map_.column_of_field[f];
      std::string why_zh;
      std::string why_en;
      if (spec.required_unless || spec.required_if) {
        const Condition& condition =
            spec.required_unless ? *spec.required_unless : *spec.required_if;
        int condition_field = schema_.field_index(condition.field);
        if (invalid[static_cast<std::size_t>(condition_field)] ||
            condition_holds(condition, record) == static_cast<bool>(spec.required_unless)) {
          continue;
        }
        const FieldSpec& other = schema_.fields[static_cast<std::size_t>(condition_field)];
        std::string values = join_condition_values(condition);
        why_zh = spec.required_unless ? "（" + other.name_zh + "不是" + values + "时必填）"
                                      : "（" + other.name_zh + "为" + values + "时必填）";
        why_en = spec.required_unless ? " (required unless " + other.key + " is " + values + ")"
                                      : " (required when " + other.key + " is " + values + ")";
      } else if (column < 0 && table_.has_header_row) {
        continue;  // the missing column was reported once, on the header row
      }
      report(Severity::Error, "missing-value", column, "", "缺少必填内容" + why_zh,
             "required value missing" + why_en, &spec);
    }
  }

  // "服务外包从业人数 ≤ 员工总数": both values must be there (and valid) to compare.
  void check_at_most(const Record& record) {
    for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
      const FieldSpec& spec = schema_.fields[f];
      if (spec.at_most.empty() || !record.fields.count(spec.key) ||
          !record.fields.count(spec.at_most)) {
        continue;
      }
      const std::string& value = record.fields.at(spec.key);
      const std::string& limit = record.fields.at(spec.at_most);
      if (decimal_value(value) > decimal_value(limit)) {
        const FieldSpec& other =
            schema_.fields[static_cast<std::size_t>(schema_.field_index(spec.at_most))];
        report(Severity::Error, "above-other-field", map_.column_of_field[f], value,
               "不能大于“" + other.name_zh + "”（" + limit + "）",
               "must not be greater than " + other.key + " (" + limit + ")", &spec);
      }
    }
  }

  static std::string join_condition_values(const Condition& condition) {
    std::string out;
    for (const std::string& value : condition.values) {
      out += (out.empty() ? "" : "/") + value;
    }
    return out;
  }

  std::string record_key(const Record& record, const std::vector<bool>& invalid,
                         bool report_missing) {
    // An invalid key field (a 候选人编号 too long) must not make another alternative the key.
    for (const auto& alternative : schema_.key_alternatives) {
      for (const std::string& part : alternative) {
        if (invalid[static_cast<std::size_t>(schema_.field_index(part))]) {
          return {};
        }
      }
    }
    for (const auto& alternative : schema_.key_alternatives) {
      std::string key;
      bool complete = true;
      for (const std::string& part : alternative) {
        const std::string& value = record.get(part);
        complete = complete && !value.empty();
        key += (key.empty() ? "" : "|") + value;
      }
      if (complete) {
        return key;
      }
    }
    if (report_missing) {
      report(Severity::Error, "no-key", -1, "", "无法确定记录键：缺少键字段的值",
             "cannot tell the record key: its fields have no values");
    }
    return {};
  }

  // `column` is an index into table_.columns, or -1 for the whole row. `spec` names the field
  // when it has no column in the file.
  void report(Severity severity, const std::string& code, int column, const std::string& value,
              const std::string& zh, const std::string& en, const FieldSpec* spec = nullptr) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = table_.file;
    d.sheet = table_.sheet;
    d.row = row_->row;
    if (column >= 0) {
      const SourceColumn& source = table_.columns[static_cast<std::size_t>(column)];
      d.column = source.number;
      d.column_name = source.name;
    } else if (spec != nullptr) {
      d.column_name = table_.has_header_row ? spec->name_zh : spec->key;
    }
    d.value = value;
    d.reason_zh = zh;
    d.reason_en = en;
    if (severity == Severity::Error) {
      ++errors_;
    }
    out_.push_back(std::move(d));
  }

  // A problem of this row's record found in another cell (`place`), possibly on another sheet.
  void report_at(const CellPlace& place, const ValueProblem& problem) {
    Diagnostic d;
    d.severity = problem.severity;
    d.code = problem.code;
    d.file = table_.file;
    d.sheet = place.sheet;
    d.row = place.row;
    d.column = place.column;
    d.column_name = place.column_name;
    d.value = problem.value;
    d.reason_zh = problem.reason_zh;
    d.reason_en = problem.reason_en;
    if (problem.severity == Severity::Error) {
      ++errors_;
    }
    out_.push_back(std::move(d));
  }

  const SourceTable& table_;
  const Schema& schema_;
  const ColumnMap& map_;
  const FieldContext& context_;
  Diagnostics& out_;
  const SourceRow* row_ = nullptr;
  int errors_ = 0;
};

}  // namespace

ColumnMatch match_column(const Schema& schema, std::string_view name) {
  std::string wanted = header_form(name);
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
  const auto wanted_split = split_money_unit(wanted);
  const auto& wanted_base = wanted_split.first;
  const auto& wanted_unit = wanted_split.second;
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    const FieldSpec& field = schema.fields[f];
    std::optional<int> field_unit = money_unit_exponent(field.unit);
    auto matches = [&](const std::string& spelling) -> std::optional<ColumnMatch> {
      std::string form = header_form(spelling);
      if (form == wanted) {
        return ColumnMatch{static_cast<int>(f), 0};
      }
      if (field_unit && wanted_unit && split_money_unit(form).first == wanted_base) {
        return ColumnMatch{static_cast<int>(f), *wanted_unit - *field_unit};
      }
      return std::nullopt;
    };
    for (const std::string* spelling : {&field.name_zh, &field.key}) {
      if (auto match = matches(*spelling)) {
        return *match;
      }
    }
    for (const std::string& alias : field.aliases) {
      if (auto match = matches(alias)) {
        return *match;
      }
    }
  }
  return {};
}

std::size_t count_matching_columns(const Schema& schema, const SourceTable& table) {
  return static_cast<std::size_t>(std::count_if(
      table.columns.begin(), table.columns.end(),
      [&](const SourceColumn& column) { return match_column(schema, column.name).field >= 0; }));
}

TableResult validate_table(const SourceTable& table, const Schema& schema,
                           std::size_t max_data_rows, const FieldContext& context) {
  TableResult result;
  ColumnMap map = map_columns(schema, table, result.diagnostics);
  if (table.has_header_row) {
    for (std::size_t f = 0; f < schema.fields.size(); ++f) {
      const FieldSpec& spec = schema.fields[f];
      if (spec.required && map.column_of_field[f] < 0) {
        Diagnostic d = make_error(
            "missing-column", "缺少必填列“" + spec.name_zh + "”",
            "required column '" + spec.name_zh + "' (" + spec.key + ") is missing", table.file);
        d.row = table.header_row;
        d.column_name = spec.name_zh;
        result.diagnostics.push_back(std::move(d));
      }
    }
  }

  std::vector<const SourceRow*> rows;
  for (const SourceRow& row : table.rows) {
    if (!row_is_blank(row)) {
      rows.push_back(&row);
    }
  }
  result.data_rows = rows.size();
  if (max_data_rows > 0 && rows.size() > max_data_rows) {
    result.diagnostics.push_back(make_error(
        "too-many-rows",
        "文件有 " + std::to_string(rows.size()) + " 行数据，超过上限 " +
            std::to_string(max_data_rows) + " 行，请拆分后分别导入",
        "the file has " + std::to_string(rows.size()) + " data rows, more than the limit of " +
            std::to_string(max_data_rows) + "; split it and import the parts",
        table.file));
    return result;
  }

  // Rows the reader already found broken (a bad JSON value, an unclosed quote) are still
  // checked, so that all their problems show, but never give a record.
  std::set<long> broken_rows;
  for (const Diagnostic& d : table.diagnostics) {
    if (d.severity == Severity::Error && d.row > 0 && d.sheet == table.sheet) {
      broken_rows.insert(d.row);
    }
  }
  RowValidator validator(table, schema, map, context, result.diagnostics);
  std::map<std::string, long> first_row_of_key;
  for (const SourceRow* row : rows) {
    Record record;
    bool valid = validator.validate(*row, record) && broken_rows.count(row->row) == 0;
    if (record.key.empty()) {
      continue;
    }
    auto [it, inserted] = first_row_of_key.emplace(record.key, row->row);
    if (!inserted) {
      Diagnostic d = make_error(
          "duplicate-key",
          "与第 " + std::to_string(it->second) + " 行是同一条记录（键“" + record.key + "”重复）",
          "the same record as row " + std::to_string(it->second) + " (duplicate key '" +
              record.key + "')",
          table.file, record.key);
      d.row = row->row;
      d.record = record.key;
      result.diagnostics.push_back(std::move(d));
      continue;
    }
    if (valid) {
      result.records.push_back(std::move(record));
      result.record_rows.push_back(row->row);
    }
  }
  return result;
}

}  // namespace tuijie::records
