// The parts of an XLSX workbook that give its sheets meaning: the sheet list in workbook
// order (xl/workbook.xml + its relationships), the shared strings and which cell styles are
// dates (xl/styles.xml). Each part is parsed as a stream (SAX).
#pragma once

#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "records/source_table.hpp"
#include "records/xlsx_archive.hpp"

namespace Poco::XML {
class Attributes;
class ContentHandler;
}  // namespace Poco::XML

namespace tuijie::records {

struct XlsxSheet {
  std::string name;   // as shown on the tab
  std::string entry;  // its part in the archive, e.g. "xl/worksheets/sheet2.xml"
};

/// The shared-string table, packed into one buffer: a part of <si/> items (5 bytes each) then
/// costs about 4 bytes per string, not a std::string's 32.
class SharedStrings {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t index) const {
    std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  void start_string() { ends_.push_back(static_cast<std::uint32_t>(text_.size())); }
  void append(const char* data, std::size_t size) {
    text_.append(data, size);
    ends_.back() = static_cast<std::uint32_t>(text_.size());
  }
  /// Bytes of the last string.
  std::size_t last_size() const { return ends_.empty() ? 0 : size_of(ends_.size() - 1); }

 private:
  std::size_t size_of(std::size_t index) const {
    return ends_[index] - (index == 0 ? 0 : ends_[index - 1]);
  }
  std::string text_;
  // Where each string ends in text_ (parts are < 4 GiB). A deque grows without copying, so a
  // table of millions of strings never holds two copies of this list while growing.
  std::deque<std::uint32_t> ends_;
};

/// The most sheets (and workbook relationships) read from a workbook: far more than any
/// workbook of records has; a workbook listing more is refused instead of listed in memory.
inline constexpr std::size_t kMaxSheets = 4096;

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in workbook (tab) order
  SharedStrings shared_strings;
  std::vector<bool> date_styles;  // by cell style index (the cell's `s`)
};

/// Streams one part of the archive through a SAX handler. Returns the problem, if any: the
/// archive's (limits, corruption) or the XML's. A parse ended by `stop` is not a problem.
std::optional<Diagnostic> parse_xlsx_part(XlsxArchive& archive, const std::string& entry,
                                          Poco::XML::ContentHandler& handler,
                                          const bool* stop = nullptr);

/// Reads the sheet list, shared strings and date styles, or returns the first problem.
std::optional<Diagnostic> read_xlsx_workbook(XlsxArchive& archive, XlsxWorkbook& out);

/// The value of an unprefixed attribute, matched by its local name ("" when absent).
std::string xml_attribute(const Poco::XML::Attributes& attributes, const char* name);

/// True for a number format that shows a date: the built-in date formats, or a custom code
/// with a year or day part outside quoted text and [brackets].
bool is_date_format(int id, const std::string& code);

}  // namespace tuijie::records
