#include "app/exit_codes.hpp"

#include <catch2/catch.hpp>

using namespace tuijie::app;
using tuijie::Category;
using tuijie::Diagnostic;
using tuijie::make_error;

namespace {

Diagnostic error_of(Category category, const std::string& code = "some-code") {
  return make_error(category, code, "原因", "reason");
}

}  // namespace

TEST_CASE("each category of error has its promised exit code") {
  CHECK(exit_code_for(Category::Usage) == 64);
  CHECK(exit_code_for(Category::Data) == 65);
  CHECK(exit_code_for(Category::MissingInput) == 66);
  CHECK(exit_code_for(Category::Internal) == 70);
  CHECK(exit_code_for(Category::CannotCreate) == 73);
  CHECK(exit_code_for(Category::Busy) == 75);
  // The category decides, never the code string: a data error may be called anything.
  CHECK(exit_code_for({error_of(Category::CannotCreate, "bad-email")}) == 73);
  CHECK(exit_code_for({make_error("pdf-file", "原因", "reason")}) == 65);
  CHECK(exit_code_for(tuijie::Diagnostics{}) == 70);
}

TEST_CASE("the most severe category among the errors decides; warnings do not count") {
  using tuijie::Diagnostics;
  const Diagnostics data_then_output = {error_of(Category::Data), error_of(Category::CannotCreate)};
  CHECK(exit_code_for(data_then_output) == 73);
  CHECK(exit_code_for({error_of(Category::Usage), error_of(Category::MissingInput)}) == 66);
  CHECK(exit_code_for({error_of(Category::Busy), error_of(Category::Data)}) == 65);
  CHECK(exit_code_for({error_of(Category::Data), error_of(Category::Usage)}) == 64);
  CHECK(exit_code_for({error_of(Category::CannotCreate), error_of(Category::Internal)}) == 70);
  Diagnostic warning = error_of(Category::Internal);
  warning.severity = tuijie::Severity::Warning;
  CHECK(exit_code_for({warning, error_of(Category::Data)}) == 65);
  CHECK(exit_code_for(tuijie::Diagnostics{warning}) == 70);  // no error at all: a bug
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
