// Generated input for the output tests: institutions (培训机构及院校) as the sample file has
// them, under names and credit codes the test chooses.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tuijie::testing {

/// A valid 统一社会信用代码 (GB 32100 check character) for institution number `n`.
std::string generated_credit_code(int n);

/// samples/institutions.csv's first institution once per name (UTF-8), each with its own
/// generated credit code.
std::string institutions_csv(const std::vector<std::string>& names);

/// sha256sum of a file.
std::string sha256_of_file(const std::filesystem::path& path);

/// The rows of `sql` run by the sqlite3 shell on the workspace database, one per line.
std::string sqlite(const std::filesystem::path& db, const std::string& sql);

}  // namespace tuijie::testing
