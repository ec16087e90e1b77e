#include "app/publishing.hpp"

#include <ostream>

namespace tuijie::app {

bool is_numbering_conflict(const TuijieError& error) {
  return !error.diagnostics().empty() && error.diagnostics().front().code == "numbering-conflict";
}

void throw_numbering_busy(const TuijieError& last) {
  Diagnostic d = last.diagnostics().front();
  d.code = "workspace-busy";
  d.reason_zh = "其他命令正在为同一系列分配文档编号，多次重试未成功；未写出任何文件，请稍后再试";
  d.reason_en =
      "other commands kept assigning numbers of the same series; nothing was written: try again "
      "later";
  throw TuijieError(std::move(d));
}

void tidy_output(Context& context, store::Workspace& workspace, const std::filesystem::path& dir) {
  const output::Tidied tidied = output::tidy_output_folder(workspace, dir);
  if (tidied.published > 0) {
    context.out() << context.tr("上次中断的运行已记录但未移入位置的文件，现已移入：",
                                "files an interrupted run had recorded but not moved into place, "
                                "now moved: ")
                  << tidied.published << '\n';
  }
  if (tidied.removed > 0) {
    context.out() << context.tr("已删除上次中断的运行留下的临时文件：",
                                "temporary files left by an interrupted run, removed: ")
                  << tidied.removed << '\n';
  }
}

}  // namespace tuijie::app
