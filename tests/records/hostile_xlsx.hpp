// The crafted XLSX files of tests/records/data/xlsx (written by make_xlsx_fixtures.py), shared
// by the reader's tests and the command-line tests, with what each must be refused for.
#pragma once

#include <array>
#include <string>

namespace tuijie::records::test {

struct HostileXlsx {
  const char* name;       // file under tests/records/data/xlsx/
  const char* code;       // the diagnostic code that refuses it
  const char* reason_en;  // a phrase of the English reason a user reads
};

/// A ZIP bomb whose headers lie about its size (300 MiB of blanks declared as 1,000 bytes).
inline constexpr HostileXlsx kZipBomb = {"bomb.xlsx", "xlsx-too-large", "possibly a ZIP bomb"};
/// A workbook cut off after two thirds of its bytes.
inline constexpr HostileXlsx kTruncated = {"truncated.xlsx", "bad-xlsx", "corrupt or truncated"};
/// A sheet with Excel's maximum of 1,048,576 filled rows.
inline constexpr HostileXlsx kMillionRows = {"million_rows.xlsx", "too-many-rows",
                                             "more data rows than the limit"};

inline constexpr std::array<HostileXlsx, 3> kHostileXlsx = {kZipBomb, kTruncated, kMillionRows};

inline std::string hostile_xlsx_path(const HostileXlsx& file) {
  return std::string(TUIJIE_SOURCE_DIR) + "/tests/records/data/xlsx/" + file.name;
}

}  // namespace tuijie::records::test
