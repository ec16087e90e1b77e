// One cell checked against its field's rules (schema.hpp), giving the canonical value of
// record.hpp or the problems to report.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "image/image.hpp"
#include "records/date_values.hpp"
#include "records/record.hpp"
#include "records/schema.hpp"
#include "records/source_table.hpp"
#include "records/value_result.hpp"

namespace tuijie::records {

/// Reads an image's headers; throws TuijieError (or any std::exception) when it cannot.
using PhotoProbe = std::function<image::ImageInfo(const std::string& path)>;

/// What a value's rules need from outside the cell.
struct FieldContext {
  std::string base_directory;              // photo paths are relative to the imported file's folder
  PhotoProbe probe_photo;                  // empty = tuijie::image::probe
  std::optional<CivilDate> campaign_date;  // ages are counted to it; no age check without it
  std::uint64_t max_photo_pixels = 0;      // limits.json; 0 = no limit
};

struct FieldValue {
  std::string value;           // canonical scalar; for entries, "" (see `entries`)
  std::vector<Entry> entries;  // FieldType::Entries
  std::vector<ValueProblem> problems;

  bool ok() const;
};

/// Checks a non-blank cell. Blank cells are the caller's business (required rules).
/// `decimal_shift` converts money written in another unit than the field's (the column said
/// "（元）" for a field in 万元: -4).
FieldValue validate_field(const FieldSpec& field, const RawValue& raw, const FieldContext& context,
                          int decimal_shift = 0);

/// Checks one scalar text against a field that is not a list (also used for entry sub-fields).
ParsedValue validate_scalar(const FieldSpec& field, std::string_view text,
                            const FieldContext& context, int decimal_shift = 0);

/// The photo rules: path relative to the context's folder; missing, unreadable or not an image
/// -> error; not the preferred format, or smaller than min_bytes -> warning. The canonical value
/// is the absolute, normalised path.
ParsedValue check_photo(std::string_view text, const PhotoRule& rule, const FieldContext& context);

}  // namespace tuijie::records
