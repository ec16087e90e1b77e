#include "records/text_decoding.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::fixture;
using test::read_bytes;

TEST_CASE("UTF-8 with and without BOM decodes to the same text", "[decoding]") {
  DecodedText with_bom = decode_text("\xEF\xBB\xBF姓名,电话\n", "", "a.csv");
  DecodedText without = decode_text("姓名,电话\n", "", "a.csv");
  REQUIRE(with_bom.ok());
  REQUIRE(without.ok());
  CHECK(with_bom.utf8 == "姓名,电话\n");
  CHECK(with_bom.had_bom);
  CHECK_FALSE(without.had_bom);
  CHECK(without.utf8 == with_bom.utf8);
  CHECK(with_bom.encoding == Encoding::Utf8);
}

TEST_CASE("GB18030 four-byte sequences decode to supplementary characters", "[decoding]") {
  // 吉 is the GBK pair BC AA; 𠮷 (U+20BB7) exists only as the four bytes 95 34 B2 35.
  DecodedText text = decode_text("\xBC\xAA\x95\x34\xB2\x35", "", "a.csv");
  REQUIRE(text.ok());
  CHECK(text.encoding == Encoding::Gb18030);
  CHECK(text.utf8 == "吉𠮷");

  DecodedText file = decode_text(read_bytes(fixture("candidates_gb18030.csv")), "", "f.csv");
  REQUIRE(file.ok());
  CHECK(file.encoding == Encoding::Gb18030);
  CHECK(file.utf8.find(",吉𠮷,") != std::string::npos);
}

TEST_CASE("codes GB18030-2022 moved out of the private-use area decode to standard characters",
          "[decoding]") {
  // FE59 was U+E81E (private use) until GB18030-2022 made it U+9FB4 龴; 䶮 (FE 9F) is standard
  // in both. FE51 still stands for a private-use character and is left alone.
  DecodedText text = decode_text("\xFE\x59\xFE\x9F\xA6\xD9\xFE\x51", "gb18030", "f.csv");
  REQUIRE(text.ok());
  CHECK(text.utf8 == "\u9FB4\u4DAE\uFE10\uE816");
}

TEST_CASE("a GBK file decodes to the same text as its UTF-8 twin", "[decoding]") {
  DecodedText gbk = decode_text(read_bytes(fixture("candidates_gbk.csv")), "", "gbk.csv");
  DecodedText utf8 = decode_text(read_bytes(fixture("candidates_utf8_bom.csv")), "", "u.csv");
  REQUIRE(gbk.ok());
  REQUIRE(utf8.ok());
  CHECK(gbk.encoding == Encoding::Gb18030);
  CHECK(gbk.utf8 == utf8.utf8);
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 are reported with their offset", "[decoding]") {
  SECTION("a lone 0x80 after ASCII") {
    DecodedText text = decode_text("ab,c\n\x80x", "", "bad.csv");
    REQUIRE_FALSE(text.ok());
    REQUIRE(text.diagnostics.size() == 1);
    CHECK(text.diagnostics[0].byte_offset == 5);
    CHECK(text.diagnostics[0].file == "bad.csv");
    CHECK(text.diagnostics[0].value == "0x80 0x78");
    CHECK(text.diagnostics[0].reason_en.find("line 2") != std::string::npos);
  }
  SECTION("GBK text with a byte GB18030 never uses: the offset is where GB18030 fails") {
    DecodedText text = decode_text("\xD6\xD0\xCE\xC4\xFF", "", "bad.csv");
    REQUIRE_FALSE(text.ok());
    CHECK(text.diagnostics[0].byte_offset == 4);
  }
  SECTION("a GB18030 sequence cut off by the end of the file") {
    DecodedText text = decode_text("\xD6\xD0\xD6", "", "bad.csv");
    REQUIRE_FALSE(text.ok());
    CHECK(text.diagnostics[0].byte_offset == 2);
  }
}

TEST_CASE("an encoding given with --encoding overrides detection", "[decoding]") {
  std::string gbk_bytes = "\xD6\xD0\xCE\xC4";  // 中文
  CHECK(decode_text(gbk_bytes, "gbk", "f.csv").utf8 == "中文");
  CHECK(decode_text(gbk_bytes, "GB18030", "f.csv").utf8 == "中文");

  DecodedText forced_utf8 = decode_text(gbk_bytes, "utf-8", "f.csv");
  REQUIRE_FALSE(forced_utf8.ok());
  CHECK(forced_utf8.diagnostics[0].byte_offset == 0);

  // UTF-8 bytes read as GBK give other characters, as asked: no silent second guess.
  DecodedText forced_gbk = decode_text("中文", "gbk", "f.csv");
  CHECK(forced_gbk.encoding == Encoding::Gb18030);
  CHECK(forced_gbk.ok());
  CHECK(forced_gbk.utf8 != "中文");

  DecodedText unknown = decode_text("a", "latin1", "f.csv");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.diagnostics[0].code == "unknown-encoding");
}

TEST_CASE("UTF-16 files get an explanation instead of garbage", "[decoding]") {
  DecodedText text = decode_text(std::string("\xFF\xFEh\0i\0", 6), "", "u16.txt");
  REQUIRE_FALSE(text.ok());
  CHECK(text.diagnostics[0].code == "utf16-file");
}

}  // namespace
}  // namespace tuijie::records
