#include "job/publishing.hpp"

namespace tuijie::job {

bool is_numbering_conflict(const TuijieError& error) {
  return !error.diagnostics().empty() && error.diagnostics().front().code == "numbering-conflict";
}

void throw_numbering_busy(const TuijieError& last) {
  Diagnostic d = last.diagnostics().front();
  d.code = "workspace-busy";
  d.category = Category::Busy;
  d.reason_zh = "其他命令正在为同一系列分配文档编号，多次重试未成功；未写出任何文件，请稍后再试";
  d.reason_en =
      "other commands kept assigning numbers of the same series; nothing was written: try again "
      "later";
  throw TuijieError(std::move(d));
}

std::string pdf_creation_date(const RunClock& clock, const std::string& document_date) {
  const std::string iso = clock.reproducible() ? clock.iso8601() : document_date + "T00:00:00Z";
  std::string digits;
  for (char c : iso) {
    if (c >= '0' && c <= '9')
      digits += c;
  }
  return "D:" + digits + "Z";
}

}  // namespace tuijie::job
