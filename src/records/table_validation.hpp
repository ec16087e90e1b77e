// A whole table checked against a schema: columns matched to fields, every row validated,
// records built for the rows without errors, duplicate keys found.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/field_validation.hpp"
#include "records/record.hpp"
#include "records/schema.hpp"
#include "records/source_table.hpp"

namespace tuijie::records {

/// The field a column name stands for, compared with header_form() to the field's Chinese name,
/// English key and aliases. Money fields with a unit also match when the column gives another
/// unit: "服务外包业务收入（元）" is the field "服务外包业务收入（万元）" with decimal_shift -4.
struct ColumnMatch {
  int field = -1;  // -1 = no field
  int decimal_shift = 0;
};
ColumnMatch match_column(const Schema& schema, std::string_view name);

/// How many columns of `table` name a field of `schema`: the score used to infer the kind.
std::size_t count_matching_columns(const Schema& schema, const SourceTable& table);

struct TableResult {
  std::vector<Record> records;    // rows without errors, in file order
  std::vector<long> record_rows;  // the row of each record
  Diagnostics diagnostics;        // everything found, warnings included
  std::size_t data_rows = 0;      // non-blank data rows
};

/// Validates every non-blank row of `table` (whose own diagnostics are not repeated here).
/// More than `max_data_rows` non-blank rows (0 = no limit) is a single error and no row is
/// validated.
TableResult validate_table(const SourceTable& table, const Schema& schema,
                           std::size_t max_data_rows, const FieldContext& context);

}  // namespace tuijie::records
