// libFuzzer target: the XML inside an XLSX file. A raw XLSX is deflated and CRC-checked, so
// byte mutations (the xlsx target) rarely get past the archive; here the input is the
// archive's parts as text, each after a line "@@ NAME" (corpus.py turns the sample workbooks
// into this form), and the harness zips them (stored, valid CRCs) before the import reads the
// archive, as `tuijie import input.xlsx` would.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import_fuzzing.hpp"

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

Parts split_parts(std::string_view input) {
  constexpr std::string_view kMark = "@@ ";
  Parts parts;
  std::size_t at = input.rfind(kMark, 0) == 0 ? 0 : input.find(std::string("\n").append(kMark));
  while (at != std::string_view::npos) {
    if (input[at] == '\n') {
      ++at;
    }
    const std::size_t name_end = input.find('\n', at);
    if (name_end == std::string_view::npos) {
      break;
    }
    std::string name(input.substr(at + kMark.size(), name_end - at - kMark.size()));
    std::size_t next = input.find(std::string("\n").append(kMark), name_end);
    const std::size_t content_end = next == std::string_view::npos ? input.size() : next;
    parts.emplace_back(std::move(name),
                       std::string(input.substr(name_end + 1, content_end - name_end - 1)));
    at = next;
  }
  return parts;
}

// Names the archive writer takes as they are (Poco refuses or asserts on others; a reader's
// behaviour with such names is the raw xlsx target's business).
bool usable_name(const std::string& name) {
  if (name.empty() || name.size() > 200 || name.back() == '/' || name.front() == '/') {
    return false;
  }
  return name.find('\0') == std::string::npos && name.find("..") == std::string::npos &&
         name.find('\\') == std::string::npos && name.find("//") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Parts parts = split_parts(std::string_view(reinterpret_cast<const char*>(data), size));
  std::set<std::string> names;
  std::ostringstream zipped;
  try {
    Poco::Zip::Compress compress(zipped, true);
    for (const auto& [name, content] : parts) {
      if (!usable_name(name) || !names.insert(name).second) {
        continue;
      }
      std::istringstream in(content);
      compress.addFile(in, Poco::DateTime(2020, 6, 30), Poco::Path(name, Poco::Path::PATH_UNIX),
                       Poco::Zip::ZipCommon::CM_STORE);
    }
    compress.close();
  } catch (...) {
    return 0;  // the harness could not build an archive: not an input for the reader
  }
  const std::string bytes = zipped.str();
  tuijie::fuzz::fuzz_import(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), ".xlsx");
  return 0;
}
