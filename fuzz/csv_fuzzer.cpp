// libFuzzer target: a CSV file imported as `tuijie import input.csv` reads it.
#include <cstddef>
#include <cstdint>

#include "import_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tuijie::fuzz::fuzz_import(data, size, ".csv");
  return 0;
}
