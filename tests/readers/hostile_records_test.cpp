// Hostile record files through the real program: each is refused with exit 65 and a message
// naming the file, row and column, and the workspace database is unchanged (sqlite3 .dump).
#include <catch2/catch.hpp>

#include <string>

#include "app/cli_runner.hpp"
#include "records/zip_writer.hpp"
#include "store/test_support.hpp"
