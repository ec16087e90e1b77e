#include "pdf/pdf_text.hpp"

#include <catch2/catch.hpp>

using namespace tuijie::pdf;

TEST_CASE("text strings are UTF-16BE with a byte order mark") {
  CHECK(utf16be_text_string("A中") == std::string("\xFE\xFF\x00\x41\x4E\x2D", 6));
  CHECK(utf16be_text_string("\xF0\xA0\xAE\xB7") == std::string("\xFE\xFF\xD8\x42\xDF\xB7", 6));
  CHECK(utf16be_text_string("a\xFF") == std::string("\xFE\xFF\x00\x61\xFF\xFD", 6));
}

TEST_CASE("only printable ASCII is written as a plain string") {
  CHECK(is_plain_ascii("TJ-2020-E-0007 (a)"));
  CHECK_FALSE(is_plain_ascii("推介"));
  CHECK_FALSE(is_plain_ascii("line\nbreak"));
}

TEST_CASE("PDF dates") {
  CHECK(is_pdf_date("D:20200612000000Z"));
  CHECK(is_pdf_date("D:20200612000000+08'00'"));
  CHECK(is_pdf_date("D:20200612000000+08'00"));
  CHECK(is_pdf_date("D:2020"));
  CHECK(is_pdf_date("D:202006"));
  CHECK_FALSE(is_pdf_date("2020-06-12"));
  CHECK_FALSE(is_pdf_date("D:20"));
  CHECK_FALSE(is_pdf_date("D:2020061"));
  CHECK_FALSE(is_pdf_date("D:20200612000000X"));
  CHECK_FALSE(is_pdf_date("D:20200612000000+8"));
}
