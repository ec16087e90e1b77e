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

/// Index of the field a column name stands for (Chinese name, English key or alias, compared
/// with header_form()), or -1.
int field_for_column_name(const Schema& schema, std::string_view name);

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
