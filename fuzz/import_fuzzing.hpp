// The three record readers are fuzzed through records::read_records, the path `tuijie import`
// takes: format by extension, encoding detection (CSV), reading, kind inference and every
// field rule of data/records/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tuijie::fuzz {

/// `data` imported as the file "input" + `extension` (".csv", ".xlsx", ".json").
void fuzz_import(const uint8_t* data, std::size_t size, const std::string& extension);

}  // namespace tuijie::fuzz
