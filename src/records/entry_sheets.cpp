#include "records/entry_sheets.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "records/table_validation.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

Diagnostic sheet_problem(const SourceTable& sheet, Severity severity, std::string code, long row,
                         const SourceColumn* column, std::string value, std::string zh,
                         std::string en) {
  Diagnostic d =
      make_error(std::move(code), std::move(zh), std::move(en), sheet.file, std::move(value));
  d.severity = severity;
  d.sheet = sheet.sheet;
  d.row = row;
  if (column != nullptr) {
    d.column = column->number;
    d.column_name = column->name;
  }
  return d;
}

std::string cell_text(const SourceRow& row, std::size_t column) {
  return column < row.cells.size() ? std::string(trim(row.cells[column].text)) : std::string();
}

bool names_field(const FieldSpec& field, std::string_view name) {
  std::string form = header_form(name);
  if (form == header_form(field.name_zh) || form == header_form(field.key)) {
    return true;
  }
  return std::any_of(field.aliases.begin(), field.aliases.end(),
                     [&form](const std::string& alias) { return header_form(alias) == form; });
}

// The first column of `table` holding the schema field `key`, or -1.
int column_of_field(const SourceTable& table, const Schema& schema, const std::string& key) {
  int field = schema.field_index(key);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (!trim(table.columns[c].name).empty() &&
        match_column(schema, table.columns[c].name).field == field) {
      return static_cast<int>(c);
    }
  }
  return -1;
}

// "候选人编号，或 参选人姓名 和 电话" / "候选人编号, or 参选人姓名 and 电话".
std::pair<std::string, std::string> owner_columns_text(const Schema& schema) {
  std::string zh;
  std::string en;
  for (const auto& alternative : schema.key_alternatives) {
    std::string part_zh;
    std::string part_en;
    for (const std::string& key : alternative) {
      const std::string& name =
          schema.fields[static_cast<std::size_t>(schema.field_index(key))].name_zh;
      part_zh += (part_zh.empty() ? "" : " 和 ") + name;
      part_en += (part_en.empty() ? "" : " and ") + name;
    }
    zh += (zh.empty() ? "" : "，或 ") + part_zh;
    en += (en.empty() ? "" : ", or ") + part_en;
  }
  return {zh, en};
}

// Which columns of an entries sheet say whose entry a row is, and which hold the entry.
struct SheetLayout {
  std::map<std::string, std::size_t> key_columns;  // key field -> sheet column
  std::vector<std::size_t> entry_columns;          // sheet columns of the entry's sub-fields
  std::set<std::size_t> unnamed_columns;           // a value there has no meaning
};

// Reads the sheet's header; nullopt (the errors in `out`) when its rows cannot be placed.
std::optional<SheetLayout> read_layout(const SourceTable& sheet, const Schema& schema,
                                       const FieldSpec& field, Diagnostics& out) {
  SheetLayout layout;
  std::set<std::string> key_fields;
  for (const auto& alternative : schema.key_alternatives) {
    key_fields.insert(alternative.begin(), alternative.end());
  }
  auto [owners_zh, owners_en] = owner_columns_text(schema);
  std::set<const FieldSpec*> found;
  bool usable = true;
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const SourceColumn& column = sheet.columns[c];
    if (trim(column.name).empty()) {
      layout.unnamed_columns.insert(c);
      continue;
    }
    auto sub = std::find_if(field.entry_fields.begin(), field.entry_fields.end(),
                            [&column](const FieldSpec& s) { return names_field(s, column.name); });
    const bool is_entry = sub != field.entry_fields.end();
    const int match = match_column(schema, column.name).field;
    const std::string key = match >= 0 ? schema.fields[static_cast<std::size_t>(match)].key : "";
    const bool is_key = key_fields.count(key) > 0;
    const bool duplicate = is_entry ? !found.insert(&*sub).second
                                    : is_key && !layout.key_columns.emplace(key, c).second;
    if (duplicate) {
      out.push_back(sheet_problem(sheet, Severity::Error, "duplicate-column", column.first_row,
                                  &column, "", "与前面的列重复", "duplicates an earlier column"));
      usable = false;
    } else if (is_entry) {
      layout.entry_columns.push_back(c);
    } else if (!is_key) {
      out.push_back(
          sheet_problem(sheet, Severity::Warning, "unknown-column", column.first_row, &column, "",
                        "不是工作表“" + sheet.sheet + "”的列（应为 " + owners_zh + "，以及" +
                            field.name_zh + "各项），此列被忽略",
                        "not a column of the sheet '" + sheet.sheet + "' (expected " + owners_en +
                            ", then the " + field.key + " columns); the column is ignored"));
    }
  }
  for (const FieldSpec& sub : field.entry_fields) {
    if (sub.required && !found.count(&sub)) {
      Diagnostic d = sheet_problem(
          sheet, Severity::Error, "missing-column", sheet.header_row, nullptr, "",
          "工作表“" + sheet.sheet + "”缺少必填列“" + sub.name_zh + "”",
          "the sheet '" + sheet.sheet + "' lacks the required column '" + sub.name_zh + "'");
      d.column_name = sub.name_zh;
      out.push_back(std::move(d));
      usable = false;
    }
  }
  bool has_owner_columns = std::any_of(
      schema.key_alternatives.begin(), schema.key_alternatives.end(), [&](const auto& alternative) {
        return std::all_of(alternative.begin(), alternative.end(), [&](const std::string& key) {
          return layout.key_columns.count(key) > 0;
        });
      });
  if (!has_owner_columns) {
    out.push_back(sheet_problem(
        sheet, Severity::Error, "missing-column", sheet.header_row, nullptr, "",
        "工作表“" + sheet.sheet + "”需要说明每行属于谁的列：" + owners_zh,
        "the sheet '" + sheet.sheet + "' needs columns that say whose row it is: " + owners_en));
    usable = false;
  }
  return usable ? std::optional<SheetLayout>(std::move(layout)) : std::nullopt;
}

// The rows of the first table by the values of each key alternative, matched as written.
class OwnerIndex {
 public:
  OwnerIndex(const SourceTable& table, const Schema& schema) {
    for (const auto& alternative : schema.key_alternatives) {
      std::vector<int> columns;
      for (const std::string& key : alternative) {
        columns.push_back(column_of_field(table, schema, key));
      }
      std::map<std::string, std::size_t>& rows = rows_.emplace_back();
      if (std::find(columns.begin(), columns.end(), -1) != columns.end()) {
        continue;  // the table cannot name anyone this way
      }
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::vector<std::string> values;
        for (int column : columns) {
          values.push_back(cell_text(table.rows[r], static_cast<std::size_t>(column)));
        }
        if (std::none_of(values.begin(), values.end(),
                         [](const std::string& v) { return v.empty(); })) {
          rows.emplace(joined(values), r);  // a repeated key is the first table's own error
        }
      }
    }
  }

  std::optional<std::size_t> find(std::size_t alternative,
                                  const std::vector<std::string>& values) const {
    auto it = rows_[alternative].find(joined(values));
    return it == rows_[alternative].end() ? std::nullopt : std::optional(it->second);
  }

  static std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) {
      out += value + '\x1f';
    }
    return out;
  }

 private:
  std::vector<std::map<std::string, std::size_t>> rows_;  // by alternative
};

// Puts one sheet's rows on their owners' rows of `table`, under `column`.
void attach_rows(SourceTable& table, std::size_t column, const SourceTable& sheet,
                 const SheetLayout& layout, const Schema& schema, const OwnerIndex& owners,
                 Diagnostics& out) {
  auto [owners_zh, owners_en] = owner_columns_text(schema);
  for (const SourceRow& row : sheet.rows) {
    if (std::all_of(row.cells.begin(), row.cells.end(),
                    [](const RawValue& value) { return value.blank(); })) {
      continue;
    }
    for (std::size_t c : layout.unnamed_columns) {
      if (!cell_text(row, c).empty()) {
        out.push_back(sheet_problem(sheet, Severity::Error, "no-header", row.row, &sheet.columns[c],
                                    cell_text(row, c), "此单元格所在的列没有列名",
                                    "this cell is in a column without a header"));
      }
    }
    // The first key alternative the row fills names its owner (候选人编号 before name + phone).
    std::optional<std::size_t> owner;
    bool named = false;
    for (std::size_t a = 0; a < schema.key_alternatives.size() && !named; ++a) {
      std::vector<std::string> values;
      for (const std::string& key : schema.key_alternatives[a]) {
        auto it = layout.key_columns.find(key);
        values.push_back(it == layout.key_columns.end() ? "" : cell_text(row, it->second));
      }
      if (std::any_of(values.begin(), values.end(),
                      [](const std::string& v) { return v.empty(); })) {
        continue;
      }
      named = true;
      owner = owners.find(a, values);
      if (!owner) {
        std::string shown;
        for (const std::string& value : values) {
          shown += (shown.empty() ? "" : " / ") + value;
        }
        const SourceColumn& first =
            sheet.columns[layout.key_columns.at(schema.key_alternatives[a].front())];
        out.push_back(
            sheet_problem(sheet, Severity::Error, "unknown-owner", row.row, &first, shown,
                          "第一个工作表中没有此人（按 " + owners_zh + " 查找），此行无处可放",
                          "no one on the first sheet has these values (looked up by " + owners_en +
                              "); the row belongs nowhere"));
      }
    }
    if (!named) {
      out.push_back(sheet_problem(sheet, Severity::Error, "no-owner", row.row, nullptr, "",
                                  "此行没有说明属于谁：请填写 " + owners_zh,
                                  "the row does not say whose it is: fill in " + owners_en));
    }
    if (!owner) {
      continue;
    }
    RawItem item;
    item.is_object = true;
    item.origin = CellPlace{sheet.sheet, row.row, 0, ""};
    for (std::size_t c : layout.entry_columns) {
      const SourceColumn& source = sheet.columns[c];
      item.fields[source.name] = c < row.cells.size() ? row.cells[c].text : "";
      item.field_columns[source.name] = source.number;
    }
    RowCells& cells = table.rows[*owner].cells;
    if (cells.size() <= column) {
      cells.resize(column + 1);
    }
    cells[column].is_list = true;
    cells[column].items.push_back(std::move(item));
  }
}

}  // namespace

std::vector<std::string> entry_sheet_names(const SchemaSet& schemas) {
  std::vector<std::string> names;
  for (const Schema& schema : schemas.schemas) {
    for (const FieldSpec& field : schema.fields) {
      if (field.type == FieldType::Entries) {
        names.push_back(field.name_zh);
        names.push_back(field.key);
        names.insert(names.end(), field.aliases.begin(), field.aliases.end());
      }
    }
  }
  return names;
}

Diagnostics attach_entry_sheets(SourceTable& table, const std::vector<SourceTable>& sheets,
                                const Schema& schema) {
  Diagnostics out;
  OwnerIndex owners(table, schema);
  std::set<int> fields_given;
  for (const SourceTable& sheet : sheets) {
    int field = match_column(schema, sheet.sheet).field;
    if (field < 0 || schema.fields[static_cast<std::size_t>(field)].type != FieldType::Entries) {
      out.push_back(sheet_problem(
          sheet, Severity::Warning, "unknown-sheet", 0, nullptr, "",
          "“" + schema.title_zh + "”表没有名为“" + sheet.sheet + "”的子表，此工作表被忽略",
          "the " + schema.kind + " table has no sub-table named '" + sheet.sheet +
              "'; the sheet is ignored"));
      continue;
    }
    if (!fields_given.insert(field).second) {
      out.push_back(sheet_problem(
          sheet, Severity::Error, "duplicate-sheet", 0, nullptr, "",
          "另一个工作表已给出同一子表，请合并为一个工作表",
          "another sheet already gives the same sub-table; merge them into one sheet"));
      continue;
    }
    const FieldSpec& spec = schema.fields[static_cast<std::size_t>(field)];
    std::optional<SheetLayout> layout = read_layout(sheet, schema, spec, out);
    if (!layout) {
      continue;
    }
    int column = column_of_field(table, schema, spec.key);
    if (column < 0) {  // the field is given only by the sheet: a column without a place
      column = static_cast<int>(table.columns.size());
      table.columns.push_back({sheet.sheet, 0, table.header_row});
    }
    attach_rows(table, static_cast<std::size_t>(column), sheet, *layout, schema, owners, out);
  }
  return out;
}

}  // namespace tuijie::records
