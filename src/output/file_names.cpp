#include "output/file_names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <map>
#include <system_error>

#include "core/diagnostic.hpp"
#include "pdf/pdf_info.hpp"

namespace tuijie::output {
namespace {

namespace fs = std::filesystem;

// The name as a case-insensitive file system compares it: case-folded, NFC.
std::string folded(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
  text.foldCase();
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status))
    text = nfc->normalize(text, status);
  std::string out;
  text.toUTF8String(out);
  return out;
}

struct Parts {
  std::string stem;
  std::string extension;  // with its dot, or ""
};

Parts split(const std::string& file_name) {
  const size_t dot = file_name.rfind('.');
  if (dot == std::string::npos || dot == 0)
    return {file_name, ""};
  return {file_name.substr(0, dot), file_name.substr(dot)};
}

std::string with_number(const std::string& file_name, const std::string& number) {
  const Parts parts = split(file_name);
  return parts.stem + "-" + number + parts.extension;
}

std::string capped(const std::string& file_name) {
  const Parts parts = split(file_name);
  return utf8_prefix(parts.stem, kMaxStemBytes) + parts.extension;
}

// True when `name` in `dir` holds a file that is not this document's (another number's, or
// no tuijie document at all).
bool taken_by_another(const fs::path& dir, const std::string& name, const std::string& number,
                      const OwnerOf& owner_of) {
  std::error_code error;
  const fs::path path = dir / name;
  if (!fs::exists(path, error))
    return false;
  if (number.empty())
    return false;  // a file of no document (a combined PDF) is the run's to replace
  return owner_of(path) != number;
}

[[noreturn]] void name_taken(const fs::path& dir, const std::string& name,
                             const std::string& number) {
  Diagnostic d =
      make_error(Category::CannotCreate, "output-name-taken",
                 "文件名已被另一个文件占用，未写出任何文件；请换一个输出文件夹或移走该文件",
                 "the file name is taken by another file; nothing was written: choose another "
                 "output folder or move that file away",
                 (dir / name).string(), number);
  throw TuijieError(std::move(d));
}

}  // namespace

std::string utf8_prefix(const std::string& text, size_t bytes) {
  if (text.size() <= bytes)
    return text;
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(0, end);
}

std::string pdf_owner(const fs::path& path) {
  const auto mark = pdf::read_document_mark(path.string());
  return mark ? mark->number : std::string();
}

std::vector<std::string> unique_file_names(const std::vector<NameRequest>& requests,
                                           const fs::path& dir,
                                           const std::vector<std::string>& reserved,
                                           const OwnerOf& owner_of) {
  std::vector<std::string> names;
  std::map<std::string, int> wanted;  // folded name -> how many files ask for it
  for (const std::string& name : reserved)
    ++wanted[folded(name)];
  for (const NameRequest& request : requests) {
    names.push_back(capped(request.file_name));
    ++wanted[folded(names.back())];
  }
  std::map<std::string, size_t> final_names;  // folded -> request index
  for (const std::string& name : reserved)
    final_names.emplace(folded(name), requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    const std::string& number = requests[i].number;
    std::string& name = names[i];
    if (!number.empty() &&
        (wanted[folded(name)] > 1 || taken_by_another(dir, name, number, owner_of)))
      name = with_number(name, number);
    if (!final_names.emplace(folded(name), i).second ||
        taken_by_another(dir, name, number, owner_of))
      name_taken(dir, name, number);
  }
  return names;
}

}  // namespace tuijie::output
