// The canonical stored form of a record: one JSON object, the same bytes for the same record.
//
//   {"fields":{"birth":"1975-03","name":"王芳"},"lists":{"resume":[{"org":"…","title":"…"}]}}
//
// Keys are sorted by their UTF-8 bytes at every level, list entries keep their order, text is
// stored as UTF-8 (not \u escapes) and nothing is indented. Kind and key live in their own
// columns, so they are not repeated here.
#pragma once

#include <string>

#include "records/record.hpp"

namespace tuijie::store {

std::string to_canonical_json(const records::Record& record);

/// Rebuilds a record from its stored JSON. Throws TuijieError "record-json-invalid" naming
/// the record when the text is not of the shape above (a workspace edited by hand).
records::Record from_canonical_json(const std::string& kind, const std::string& key,
                                    const std::string& json);

}  // namespace tuijie::store
