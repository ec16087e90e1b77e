#include "records/text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Outcome of one strict decoding attempt: the text, or where the first bad byte is.
struct Attempt {
  std::string utf8;
  long bad_offset = -1;  // -1 = decoded completely
};

// The offset of the first byte that is not part of a valid UTF-8 sequence, or -1.
long first_bad_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  auto length = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < length;) {
    int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0) {
      return static_cast<long>(start);
    }
  }
  return -1;
}

Attempt try_utf8(std::string_view bytes) {
  long bad = first_bad_utf8(bytes);
  return bad < 0 ? Attempt{std::string(bytes), -1} : Attempt{{}, bad};
}

// ICU 72 decodes GB18030 as the 2005 edition, where 18 two-byte codes still stand for
// private-use characters that fonts lack. GB18030-2022 gives them their standard characters
// (vertical punctuation forms and CJK ideographs); a file using those codes means these.
char16_t gb18030_2022_character(char16_t unit) {
  static constexpr std::pair<char16_t, char16_t> kReassigned[] = {
      {0xE78D, 0xFE10}, {0xE78E, 0xFE12}, {0xE78F, 0xFE11}, {0xE790, 0xFE13}, {0xE791, 0xFE14},
      {0xE792, 0xFE15}, {0xE793, 0xFE16}, {0xE794, 0xFE17}, {0xE795, 0xFE18}, {0xE796, 0xFE19},
      {0xE81E, 0x9FB4}, {0xE826, 0x9FB5}, {0xE82B, 0x9FB6}, {0xE82C, 0x9FB7}, {0xE832, 0x9FB8},
      {0xE843, 0x9FB9}, {0xE854, 0x9FBA}, {0xE864, 0x9FBB}};
  if (unit < 0xE78D || unit > 0xE864) {
    return unit;
  }
  for (const auto& [private_use, standard] : kReassigned) {
    if (unit == private_use) {
      return standard;
    }
  }
  return unit;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

Attempt try_gb18030(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open("gb18030", &status));
  if (U_FAILURE(status)) {
    throw TuijieError(make_error("icu-converter", "无法打开 ICU 的 GB18030 转换器",
                                 "cannot open ICU's GB18030 converter", {}, u_errorName(status)));
  }
  // Stop at the first illegal, unmapped or truncated sequence instead of substituting.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

  // GB18030 yields at most one UTF-16 unit per input byte (four bytes -> a surrogate pair).
  std::u16string utf16(bytes.size() + 1, u'\0');
  const char* source = bytes.data();
  UChar* target = reinterpret_cast<UChar*>(utf16.data());
  ucnv_toUnicode(converter.get(), &target, target + utf16.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
    long consumed = source - bytes.data();
    return {{}, std::max(0L, consumed - invalid_length)};
  }
  auto units = static_cast<int32_t>(target - reinterpret_cast<UChar*>(utf16.data()));
  for (int32_t i = 0; i < units; ++i) {
    utf16[static_cast<std::size_t>(i)] = gb18030_2022_character(utf16[static_cast<std::size_t>(i)]);
  }

  std::string utf8(static_cast<std::size_t>(units) * 3, '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &written,
              reinterpret_cast<const UChar*>(utf16.data()), units, &status);
  if (U_FAILURE(status)) {
    return {{}, 0};
  }
  utf8.resize(static_cast<std::size_t>(written));
  return {std::move(utf8), -1};
}

long line_of_offset(std::string_view bytes, long offset) {
  auto end = bytes.begin() + std::min<long>(offset, static_cast<long>(bytes.size()));
  return 1 + std::count(bytes.begin(), end, '\n');
}

std::string hex_bytes(std::string_view bytes, long offset) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (long i = offset; i < static_cast<long>(bytes.size()) && i < offset + 4; ++i) {
    auto byte = static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    if (!out.empty()) {
      out += ' ';
    }
    out += "0x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
  }
  return out;
}

Diagnostic bad_bytes(const std::string& file, std::string_view bytes, long offset,
                     const std::string& tried_zh, const std::string& tried_en) {
  std::string line = std::to_string(line_of_offset(bytes, offset));
  Diagnostic d = make_error("bad-encoding",
                            "文件不是有效的 " + tried_zh + " 文本（第 " + line +
                                " 个文本行），请另存为“CSV UTF-8”或用 --encoding 指定编码",
                            "the file is not valid " + tried_en + " text (text line " + line +
                                "); save it as \"CSV UTF-8\" or give --encoding",
                            file, hex_bytes(bytes, offset));
  d.byte_offset = offset;
  return d;
}

}  // namespace

std::optional<Encoding> encoding_from_name(std::string_view name) {
  std::string lower = ascii_lower(trim(name));
  if (lower == "utf-8" || lower == "utf8") {
    return Encoding::Utf8;
  }
  if (lower == "gb18030" || lower == "gbk" || lower == "cp936") {
    return Encoding::Gb18030;
  }
  return std::nullopt;
}

const char* encoding_display_name(Encoding encoding) {
  return encoding == Encoding::Utf8 ? "UTF-8" : "GB18030";
}

DecodedText decode_text(std::string_view bytes, std::string_view forced_encoding,
                        const std::string& file) {
  DecodedText result;
  std::optional<Encoding> forced;
  if (!forced_encoding.empty()) {
    forced = encoding_from_name(forced_encoding);
    if (!forced) {
      result.diagnostics.push_back(make_error(
          "unknown-encoding", "未知的编码名称（可用 utf-8、gb18030、gbk）",
          "unknown encoding (use utf-8, gb18030 or gbk)", file, std::string(forced_encoding)));
      return result;
    }
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    result.diagnostics.push_back(make_error(
        "utf16-file", "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8”",
        "the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\"", file));
    result.diagnostics.back().byte_offset = 0;
    return result;
  }

  bool bom = bytes.starts_with(kUtf8Bom);
  if (forced == Encoding::Gb18030 && !bom) {
    Attempt gb = try_gb18030(bytes);
    result.encoding = Encoding::Gb18030;
    if (gb.bad_offset >= 0) {
      result.diagnostics.push_back(bad_bytes(file, bytes, gb.bad_offset, "GB18030", "GB18030"));
    }
    result.utf8 = std::move(gb.utf8);
    return result;
  }
  // A BOM settles the question whatever --encoding says: only UTF-8 files start with it.
  std::string_view body = bom ? bytes.substr(kUtf8Bom.size()) : bytes;
  long bom_size = bom ? static_cast<long>(kUtf8Bom.size()) : 0;
  Attempt utf8 = try_utf8(body);
  result.had_bom = bom;
  result.encoding = Encoding::Utf8;
  if (utf8.bad_offset < 0) {
    result.utf8 = std::move(utf8.utf8);
    return result;
  }
  if (bom || forced == Encoding::Utf8) {
    result.diagnostics.push_back(
        bad_bytes(file, bytes, utf8.bad_offset + bom_size, "UTF-8", "UTF-8"));
    return result;
  }
  Attempt gb = try_gb18030(bytes);
  if (gb.bad_offset < 0) {
    result.encoding = Encoding::Gb18030;
    result.utf8 = std::move(gb.utf8);
    return result;
  }
  // Neither: the decoding that got further is most likely what the author meant.
  long offset = std::max(utf8.bad_offset, gb.bad_offset);
  result.diagnostics.push_back(
      bad_bytes(file, bytes, offset, "UTF-8 或 GB18030", "UTF-8 or GB18030"));
  return result;
}

DecodedText decode_owned_text(std::string&& bytes, std::string_view forced_encoding,
                              const std::string& file) {
  std::optional<Encoding> forced = encoding_from_name(forced_encoding);
  bool may_be_utf8 = forced_encoding.empty() || forced == Encoding::Utf8 ||
                     (forced == Encoding::Gb18030 && bytes.starts_with(kUtf8Bom));
  if (may_be_utf8 && !bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF")) {
    bool bom = bytes.starts_with(kUtf8Bom);
    if (first_bad_utf8(std::string_view(bytes).substr(bom ? kUtf8Bom.size() : 0)) < 0) {
      DecodedText result;
      result.had_bom = bom;
      result.utf8 = std::move(bytes);
      if (bom) {
        result.utf8.erase(0, kUtf8Bom.size());
      }
      return result;
    }
  }
  return decode_text(std::string_view(bytes), forced_encoding, file);
}

}  // namespace tuijie::records
