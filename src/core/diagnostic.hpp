// Diagnostics: every problem a user can act on, as a value.
//
// A diagnostic names where the problem is (file, row, column or template line, byte offset),
// the offending value and the reason in Chinese and English. Stages collect diagnostics
// instead of throwing, so that one run reports every problem of a file at once.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tuijie {

enum class Severity { Warning, Error };

enum class Lang { Zh, En };

/// What kind of failure an error is, set where it is raised. It decides the exit code (the
/// app's exit_codes.hpp), not the code string: a stage may invent codes freely.
enum class Category {
  Data,          // the input's content is wrong: a bad value, a template error, overflow
  Usage,         // the command line is wrong: an unknown option, a bad value for one
  MissingInput,  // a file, folder, workspace or resource that should be there is not
  CannotCreate,  // output cannot be made: a folder, a file, the workspace; disk full
  Busy,          // another command holds the workspace: try again later
  Internal,      // a bug, or a failure nobody can act on
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // stable machine-readable code, e.g. "bad-email"
  Category category = Category::Data;
  std::string file;         // input file or template path ("" when not about a file)
  long row = 0;             // 1-based row as Excel shows it (header = row 1), or template line
  long column = 0;          // 1-based column number, or template column (0 = whole row)
  std::string column_name;  // column name as written in the file, or field key
  long byte_offset = -1;    // for encoding problems: offset of the first bad byte
  std::string record;       // record key or name, when the problem is about a stored record
  std::string value;        // the offending value, as read
  std::string reason_zh;
  std::string reason_en;
  std::string sheet;  // the XLSX worksheet when not the file's first one (e.g. 履历), else ""

  /// One line, e.g. "samples/c.csv:7 列 电子邮箱 值 'a@b' — 电子邮箱格式不正确 / invalid e-mail";
  /// on another worksheet "c.xlsx:履历!7:3". Terminal-safe, values cut: core/message_text.hpp.
  std::string format(Lang lang) const;
  /// Both languages: "<place>: <zh> / <en>".
  std::string format_bilingual() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

/// Thrown when a stage cannot continue; carries the diagnostics that explain why.
class TuijieError : public std::runtime_error {
 public:
  explicit TuijieError(Diagnostics diagnostics);
  explicit TuijieError(Diagnostic diagnostic);
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

/// Throws the usage error (code "usage", exit 64) with its reason in both languages: a wrong
/// option value, from the command line or from a job's options.
[[noreturn]] void throw_usage(std::string reason_zh, std::string reason_en);

/// Convenience for errors that are not about an input row: a data error, or of `category`.
Diagnostic make_error(std::string code, std::string reason_zh, std::string reason_en,
                      std::string file = {}, std::string value = {});
Diagnostic make_error(Category category, std::string code, std::string reason_zh,
                      std::string reason_en, std::string file = {}, std::string value = {});

}  // namespace tuijie
