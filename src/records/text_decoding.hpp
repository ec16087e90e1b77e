// Bytes of an input file -> UTF-8 text.
//
// Real files come as UTF-8 (with or without BOM) or as GB18030; GBK/CP936, what Chinese
// Windows Excel writes, is GB18030's two-byte subset, so one strict GB18030 decoder (ICU)
// reads both, including rare characters such as 𠮷 that only GB18030 four-byte sequences hold.
//
// The 18 codes that GB18030-2022 moved from private-use characters to standard ones (FE59 ->
// U+9FB4, A6D9 -> U+FE10, ...) decode to the standard characters.
//
// Detection: valid UTF-8 is UTF-8; otherwise the bytes must decode as GB18030 without a single
// illegal sequence. Nothing is replaced or skipped: bytes that are neither give an error with
// the offset of the first bad byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tuijie::records {

enum class Encoding { Utf8, Gb18030 };

/// "utf-8"/"utf8" -> Utf8; "gb18030", "gbk", "cp936" (any case) -> Gb18030 (GBK is read by the
/// GB18030 decoder); anything else -> nullopt.
std::optional<Encoding> encoding_from_name(std::string_view name);

/// Name shown to users: "UTF-8" or "GB18030".
const char* encoding_display_name(Encoding encoding);

struct DecodedText {
  std::string utf8;  // without BOM
  Encoding encoding = Encoding::Utf8;
  bool had_bom = false;
  Diagnostics diagnostics;  // errors mean `utf8` must not be used
  bool ok() const { return !has_errors(diagnostics); }
};

/// Decodes `bytes` read from `file` (the name is only used in diagnostics). `forced_encoding`
/// is the --encoding value: "" detects, otherwise a name accepted by encoding_from_name().
DecodedText decode_text(std::string_view bytes, std::string_view forced_encoding,
                        const std::string& file);

/// The same, taking the bytes: valid UTF-8 (the usual case) becomes the text without a copy,
/// so a large file is held once, not twice. `bytes` is taken only then; otherwise it is left
/// as it was (the caller may still locate a bad byte in it).
DecodedText decode_owned_text(std::string&& bytes, std::string_view forced_encoding,
                              const std::string& file);

}  // namespace tuijie::records
