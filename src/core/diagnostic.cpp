#include "core/diagnostic.hpp"

#include <utility>

namespace tuijie {
namespace {

std::string place(const Diagnostic& d, Lang lang) {
  std::string out = d.file;
  if (!d.sheet.empty()) {
    out += ":" + d.sheet + (d.row > 0 ? "!" : "");
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
    out += d.record;
  }
  if (!d.column_name.empty()) {
    out += lang == Lang::Zh ? " 列 " : " column ";
    out += d.column_name;
  }
  if (!d.value.empty()) {
    out += lang == Lang::Zh ? " 值 “" : " value '";
    out += d.value;
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

}  // namespace

std::string Diagnostic::format(Lang lang) const {
  std::string p = place(*this, lang);
  std::string out = severity_word(*this, lang);
  out += lang == Lang::Zh ? "：" : ": ";
  if (!p.empty()) {
    out += p + (lang == Lang::Zh ? " — " : " — ");
  }
  out += lang == Lang::Zh ? reason_zh : reason_en;
  return out;
}

std::string Diagnostic::format_bilingual() const {
  std::string p = place(*this, Lang::Zh);
  std::string out = severity == Severity::Warning ? "警告/warning: " : "错误/error: ";
  if (!p.empty()) {
    out += p + " — ";
  }
  return out + reason_zh + " / " + reason_en;
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

}  // namespace tuijie
