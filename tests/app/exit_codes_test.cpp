#include "app/exit_codes.hpp"

#include <catch2/catch.hpp>

using namespace tuijie::app;

namespace {
int code_for(const std::string& code) {
  return exit_code_for({tuijie::make_error(code, "原因", "reason")});
}
}  // namespace

TEST_CASE("stopping errors map to the promised exit codes") {
  CHECK(code_for("usage") == 64);
  CHECK(code_for("workspace-missing") == 66);
  CHECK(code_for("campaign-missing") == 66);
  CHECK(code_for("file-missing") == 66);
  CHECK(code_for("store-failed") == 70);
  CHECK(code_for("workspace-exists") == 73);
  CHECK(code_for("cannot-create-output") == 73);
  // The workspace database's faults: never "internal" (70).
  CHECK(code_for("workspace-busy") == 75);
  CHECK(code_for("disk-full") == 73);
  CHECK(code_for("workspace-read-only") == 73);
  CHECK(code_for("output-exists") == 73);
  CHECK(code_for("not-a-workspace") == 66);
  CHECK(code_for("workspace-inaccessible") == 66);
  CHECK(code_for("workspace-damaged") == 65);
  // Anything about the data itself, including codes other stages invent, is bad input.
  CHECK(code_for("campaign-invalid") == 65);
  CHECK(code_for("bad-email") == 65);
  CHECK(exit_code_for({}) == 70);
}

TEST_CASE("the exit-code table names every code in both languages") {
  for (tuijie::Lang lang : {tuijie::Lang::Zh, tuijie::Lang::En}) {
    const std::string table = exit_codes_help(lang);
    for (const char* code : {"0 ", "64", "65", "66", "70", "73", "75"}) {
      CHECK(table.find(code) != std::string::npos);
    }
  }
  CHECK(exit_codes_help(tuijie::Lang::Zh) != exit_codes_help(tuijie::Lang::En));
}
