// The names of the files one run writes, decided and checked before anything is written.
//
// Names come from record values (a template's file-name), so two records may ask for the same
// one: two candidates both called 王𠮷, or institutions whose names differ only in characters
// a file system cannot hold (/ : * ? …, all written as _). A name that several files of the
// run ask for, ignoring case (a USB stick or a Windows share cannot tell 'A.pdf' from
// 'a.pdf'), goes to none of them as it is: each gets its document number appended,
// "王𠮷-TJ-2020-C-0003.pdf", so that the names do not depend on which record came first. A
// file already in the folder that belongs to another document (another number, or not
// written by tuijie at all) is never overwritten either: the new file gets its number
// appended. Only when that name is taken too does the run stop, naming both.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tuijie::output {

/// File names stay well under the 255 bytes most file systems allow, with room for a number
/// and the temporary suffix of a file being written.
inline constexpr size_t kMaxStemBytes = 160;

struct NameRequest {
  std::string file_name;  // as the template asks for it, made safe, with its extension
  std::string number;     // the document number that tells it apart; "" for none
};

/// Who owns an existing file in the folder: the document number it carries, or "" when it
/// carries none (not a tuijie document).
using OwnerOf = std::function<std::string(const std::filesystem::path&)>;

/// The document number in an existing tuijie PDF's keywords, "" when it has none or cannot
/// be read.
std::string pdf_owner(const std::filesystem::path& path);

/// One final name per request, in the same order, all different from each other (ignoring
/// case) and from `reserved` (names the run writes besides: "combined.pdf", "manifest.csv").
/// Throws TuijieError "output-name-taken" (exit 73) when a name cannot be made unique.
std::vector<std::string> unique_file_names(const std::vector<NameRequest>& requests,
                                           const std::filesystem::path& dir,
                                           const std::vector<std::string>& reserved = {},
                                           const OwnerOf& owner_of = pdf_owner);

/// `text` cut to at most `bytes` bytes without splitting a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, size_t bytes);

}  // namespace tuijie::output
