#include "core/diagnostic.hpp"

#include <utility>

#include "core/message_text.hpp"

namespace tuijie {
namespace {

// Every part of a message may come from a file (a value, a column name, a file name, a reason
// that quotes what it read): each is shown escaped and cut, so that no message steers the
// terminal or runs to megabytes. A path may be long, a reason longer than a value.
constexpr std::size_t kPathChars = 240;
constexpr std::size_t kReasonChars = 500;

std::string place(const Diagnostic& d, Lang lang, bool bilingual) {
  const auto shown = [&](const std::string& text, std::size_t max_chars) {
    return message_text::shown(text, max_chars, lang, bilingual);
  };
  constexpr std::size_t kNameChars = message_text::kValueChars;
  std::string out = shown(d.file, kPathChars);
  if (!d.sheet.empty()) {
    out += ":" + shown(d.sheet, kNameChars) + (d.row > 0 ? "!" : "");
  }
  if (d.row > 0) {
    out += (d.sheet.empty() ? ":" : "") + std::to_string(d.row);
    if (d.column > 0) {
      out += ":" + std::to_string(d.column);
    }
  }
  if (d.byte_offset >= 0) {
    out += lang == Lang::Zh ? " 字节偏移 " : " byte offset ";
    out += std::to_string(d.byte_offset);
  }
  if (!d.record.empty()) {
    out += lang == Lang::Zh ? " 记录 " : " record ";
    out += shown(d.record, kNameChars);
  }
  if (!d.column_name.empty()) {
    out += lang == Lang::Zh ? " 列 " : " column ";
    out += shown(d.column_name, kNameChars);
  }
  if (!d.value.empty()) {
    out += lang == Lang::Zh ? " 值 “" : " value '";
    out += shown(d.value, message_text::kValueChars);
    out += lang == Lang::Zh ? "”" : "'";
  }
  return out;
}

const char* severity_word(const Diagnostic& d, Lang lang) {
  if (d.severity == Severity::Warning) {
    return lang == Lang::Zh ? "警告" : "warning";
  }
  return lang == Lang::Zh ? "错误" : "error";
}

std::string reason(const std::string& text, Lang lang, bool bilingual) {
  return message_text::shown(text, kReasonChars, lang, bilingual);
}

}  // namespace

std::string Diagnostic::format(Lang lang) const {
  std::string p = place(*this, lang, false);
  std::string out = severity_word(*this, lang);
  out += lang == Lang::Zh ? "：" : ": ";
  if (!p.empty()) {
    out += p + (lang == Lang::Zh ? " — " : " — ");
  }
  out += lang == Lang::Zh ? reason(reason_zh, lang, false) : reason(reason_en, lang, false);
  return out;
}

std::string Diagnostic::format_bilingual() const {
  std::string p = place(*this, Lang::Zh, true);
  std::string out = severity == Severity::Warning ? "警告/warning: " : "错误/error: ";
  if (!p.empty()) {
    out += p + " — ";
  }
  return out + reason(reason_zh, Lang::Zh, true) + " / " + reason(reason_en, Lang::En, true);
}

bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::Error) {
      return true;
    }
  }
  return false;
}

static std::string join_messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) {
      out += "\n";
    }
    out += d.format_bilingual();
  }
  return out;
}

TuijieError::TuijieError(Diagnostics diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

TuijieError::TuijieError(Diagnostic diagnostic) : TuijieError(Diagnostics{std::move(diagnostic)}) {}

Diagnostic make_error(std::string code, std::string reason_zh, std::string reason_en,
                      std::string file, std::string value) {
  Diagnostic d;
  d.code = std::move(code);
  d.reason_zh = std::move(reason_zh);
  d.reason_en = std::move(reason_en);
  d.file = std::move(file);
  d.value = std::move(value);
  return d;
}

void throw_usage(std::string reason_zh, std::string reason_en) {
  throw TuijieError(
      make_error(Category::Usage, "usage", std::move(reason_zh), std::move(reason_en)));
}

Diagnostic make_error(Category category, std::string code, std::string reason_zh,
                      std::string reason_en, std::string file, std::string value) {
  Diagnostic d = make_error(std::move(code), std::move(reason_zh), std::move(reason_en),
                            std::move(file), std::move(value));
  d.category = category;
  return d;
}

}  // namespace tuijie
