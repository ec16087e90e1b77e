// libFuzzer target: a XLSX file imported as `tuijie import input.xlsx` reads it.
#include <cstddef>
#include <cstdint>

#include "import_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tuijie::fuzz::fuzz_import(data, size, ".xlsx");
  return 0;
}
