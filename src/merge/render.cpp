#include "merge/render.hpp"

namespace tuijie::merge {

// Placeholder until the template and layout stages land: reports that nothing was rendered.
RenderReport render(const RenderJob& job) {
  RenderReport report;
  Diagnostic d = make_error("not-implemented", "模板渲染尚未实现", "rendering is not implemented yet",
                            job.template_path);
  report.diagnostics.push_back(d);
  return report;
}

}  // namespace tuijie::merge
