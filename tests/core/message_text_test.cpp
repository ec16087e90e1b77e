// Text shown in messages: every control, C1 and bidi character escaped, bytes that are not
// UTF-8 shown as \xNN, long values cut at a character boundary with their full length.
#include <catch2/catch.hpp>

#include <unicode/utf8.h>

#include <random>

#include "core/message_text.hpp"
#include "support/hostile_values.hpp"

using namespace tuijie;
namespace t = tuijie::testing;

namespace {

// Code points of well-formed UTF-8 by ICU's decoder; false when `text` is not well-formed.
bool decode(const std::string& text, std::vector<UChar32>& out) {
  out.clear();
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      return false;
    out.push_back(c);
  }
  return true;
}

bool steers(UChar32 c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
         c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x2028 || c == 0x2029;
}

// Undoes escape_controls for text without backslashes of its own: \xNN is a byte, \uNNNN a
// code point.
std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "\\x") == 0) {
      out += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 4;
    } else if (text.compare(i, 2, "\\u") == 0) {
      const UChar32 c = std::stoi(text.substr(i + 2, 4), nullptr, 16);
      char buffer[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, c);
      out.append(buffer, static_cast<std::size_t>(n));
      i += 6;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// Random bytes and pieces: controls, C1 and bidi in UTF-8, ill-formed sequences (a lone
// continuation byte, a truncated sequence, an overlong form, a surrogate), Chinese text.
std::vector<std::string> generated(std::size_t count, unsigned seed) {
  static const std::vector<std::string> pieces = {"\x1b[2J",      "\x1b]0;title\x07",
                                                  "\x07",         "\t",
                                                  "\n",           "\r",
                                                  "\x7f",         "\xC2\x85",
                                                  "\xC2\x9B",     "\xE2\x80\xAE",
                                                  "\xE2\x81\xA6", "\xE2\x80\x8F",
                                                  "\xD8\x9C",     "\xE2\x80\xA8",
                                                  "\x80",         "\xFF",
                                                  "\xE4\xBD",     "\xC0\x80",
                                                  "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                                  "张三",         "𠮷",
                                                  "abc",          "="};
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> any_byte(1, 255);
  std::uniform_int_distribution<std::size_t> length(0, 12);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string value;
    for (std::size_t n = length(random); n > 0; --n) {
      if (n % 3 == 0) {
        const char byte = static_cast<char>(any_byte(random));
        if (byte != '\\')
          value += byte;
      } else {
        value += pieces[pick(random)];
      }
    }
    out.push_back(value);
  }
  return out;
}

}  // namespace

TEST_CASE("escaped text is well-formed UTF-8 without a control character and reads back") {
  std::vector<UChar32> code_points;
  std::size_t changed = 0;
  for (const std::string& value : generated(5000, 7)) {
    const std::string shown = message_text::escape_controls(value);
    INFO("[" << value << "] -> [" << shown << "]");
    REQUIRE(decode(shown, code_points));
    for (UChar32 c : code_points)
      CHECK_FALSE(steers(c));
    CHECK(unescape(shown) == value);
    changed += shown != value;
  }
  CHECK(changed > 4000);
}

TEST_CASE("ordinary text, Chinese included, is shown as it is") {
  for (const std::string value : {"天津滨海信息职业学院", "王𠮷", "a@b.com", "TJ-2020-E-0007"}) {
    CHECK(message_text::escape_controls(value) == value);
    CHECK(message_text::shown(value, 80, Lang::Zh) == value);
  }
  CHECK(message_text::escape_controls("\x1b[2J") == "\\x1b[2J");
  CHECK(message_text::escape_controls("a\tb\n") == "a\\x09b\\x0a");
  CHECK(message_text::escape_controls("gpj\xE2\x80\xAE.exe") == "gpj\\u202e.exe");
  CHECK(message_text::escape_controls("\xC2\x9B"
                                      "31m") == "\\u009b31m");
  CHECK(message_text::escape_controls("\xFF\xE4\xBD") == "\\xff\\xe4\\xbd");
}

TEST_CASE("a long value is cut at a character, never inside one, with its full length") {
  std::mt19937 random(11);
  const std::vector<std::string> alphabet = {"a", "张", "𠮷", "é", "\x1b", "\xE2\x80\xAE"};
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, 400);
  std::vector<UChar32> code_points;
  for (int round = 0; round < 500; ++round) {
    std::string value;
    const std::size_t chars = length(random);
    for (std::size_t i = 0; i < chars; ++i)
      value += alphabet[pick(random)];
    const std::string en = message_text::shown(value, 80, Lang::En);
    const std::string zh = message_text::shown(value, 80, Lang::Zh);
    INFO(chars << " characters: " << en);
    REQUIRE(decode(en, code_points));
    REQUIRE(decode(zh, code_points));
    if (chars <= 80) {
      CHECK(en == message_text::escape_controls(value));
      continue;
    }
    // The first 80 characters, found by ICU, then the stated length.
    int32_t cut = 0;
    U8_FWD_N(reinterpret_cast<const uint8_t*>(value.data()), cut,
             static_cast<int32_t>(value.size()), 80);
    const std::string head = message_text::escape_controls(value.substr(0, cut));
    CHECK(en == head + "… (" + std::to_string(chars) + " characters in all)");
    CHECK(zh == head + "…（共 " + std::to_string(chars) + " 个字符）");
    CHECK(message_text::char_count(value) == chars);
  }
}
