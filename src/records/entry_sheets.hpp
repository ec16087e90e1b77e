// Entries given on a worksheet of their own. A candidates workbook may carry a sheet named after
// the resume field (履历), one entry per row: the record key's columns say whose entry it is
// (候选人编号, or 参选人姓名 and 电话, as the schema's key alternatives list them), the entry's
// columns follow (职务, 时间, 国家, 单位). Each row becomes an item of that field's value on its
// person's row of the first sheet, in sheet order, and is checked there with the rest of the
// row (see entry_values.hpp); its problems point at the sheet row.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/schema.hpp"
#include "records/source_table.hpp"

namespace tuijie::records {

/// The sheet names that may hold entries, from every schema: each entries field's Chinese
/// name, key and aliases ("履历", "resume", "参选人履历").
std::vector<std::string> entry_sheet_names(const SchemaSet& schemas);

/// Attaches the rows of `sheets` to the rows of `table` they name. Returns the problems of the
/// sheets themselves: a row naming no person of `table` (by sheet, row, column and value),
/// missing or unknown columns, a sheet `schema` has no entries field for. Values are matched
/// as written, surrounding spaces ignored.
Diagnostics attach_entry_sheets(SourceTable& table, const std::vector<SourceTable>& sheets,
                                const Schema& schema);

}  // namespace tuijie::records
