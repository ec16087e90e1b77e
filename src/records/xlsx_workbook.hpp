// The parts of an XLSX workbook that give its sheets meaning: the sheet list in workbook
// order (xl/workbook.xml + its relationships), the shared strings and which cell styles are
// dates (xl/styles.xml). Each part is parsed as a stream (SAX).
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
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

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in workbook (tab) order
  std::vector<std::string> shared_strings;
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
