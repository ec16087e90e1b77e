// The value of an entries field (the resume): a list of entries, each with the sub-fields of
// the schema's entry_fields. Entries come as lines of a cell ("职务｜时间｜国家｜单位"), as JSON
// objects, or as rows of a 履历 sheet (objects whose RawItem::origin names their row); one
// person's entries must come from one place.
#pragma once

#include "records/field_validation.hpp"
#include "records/schema.hpp"
#include "records/source_table.hpp"

namespace tuijie::records {

/// Checks every entry of a non-blank entries value. Problems of an entry read from a sheet row
/// carry that row's cell as their ValueProblem::place; a value that has entries both in its
/// own cell and from a sheet is an error (they are never merged silently).
FieldValue validate_entries(const FieldSpec& field, const RawValue& raw,
                            const FieldContext& context);

}  // namespace tuijie::records
