// The one CSV writer for every CSV tuijie writes (check --format csv, the packet's and the
// nominations' manifest.csv).
//
// Clerks open these files in Excel or WPS, which run a cell that starts with = + - @ as a
// formula: a record named =HYPERLINK(…) or +cmd|' /C calc'!A0 would run on the clerk's
// machine. So each cell is neutralised first, as OWASP's "CSV injection" page advises: a cell
// that starts with = + @, a tab or a carriage return, or with - but is not a plain number,
// gets a leading apostrophe. Then it is quoted per RFC 4180. Plain numbers such as -10 or
// -3.5 stay as they are, so that a spreadsheet still sums them.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tuijie::csv {

/// "-10", "3", "-3.5", "0.25": an optional minus, digits, optionally a point and digits.
bool is_plain_number(std::string_view text);

/// `text` with a leading apostrophe when a spreadsheet would read it as a formula (see
/// above); otherwise unchanged. The full-width ＝ ＋ － ＠ count as their ASCII forms, since
/// an input method may turn them into a formula's start.
std::string neutralised(std::string_view text);

/// One cell as written: neutralised, then quoted when it holds a comma, a quote, CR or LF
/// (quotes doubled).
std::string cell(std::string_view text);

/// Writes rows of cells, each row ended by CRLF as RFC 4180 and Excel expect.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void row(const std::vector<std::string>& cells);
  /// An empty line (between the two tables of check's report).
  void blank_line();

 private:
  std::ostream& out_;
};

}  // namespace tuijie::csv
