// tuijie nominations: the person track's nomination bundles — per nominating body (推荐机构)
// one PDF of a list of names followed by each of its candidates' forms and statements, and
// beside it a folder of the candidates' original photos named by document number; a
// self-nominated candidate is a bundle alone. manifest.csv lists every file written.
#include "app/commands.hpp"

#include <ostream>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "job/nominations_job.hpp"

namespace tuijie::app {

namespace {

int run_nominations(Context& context, const Command& command,
                    const std::vector<std::string>& args) {
  command.require_no_arguments(args);
  job::NominationsJob job;
  job.out_dir = option(context, command, "out");
  const job::NominationsResult result = run_job(context, command, job);
  if (const int code = report_result(context, result, "有问题，未写出推荐材料，见上。",
                                     "Problems found; no bundle was written, see above.");
      code != kExitOk) {
    return code;
  }
  for (const job::BundleWritten& bundle : result.bundles) {
    context.out() << context.tr("已写入 ", "wrote ") << bundle.path << context.tr("（", " (")
                  << bundle.pages << context.tr(" 页，", " pages, ") << bundle.candidates
                  << context.tr(" 名候选人）",
                                bundle.candidates == 1 ? " candidate)" : " candidates)")
                  << '\n';
  }
  context.out() << context.tr("照片在各 PDF 旁的同名文件夹中，清单见 ",
                              "the photos are in a folder beside each PDF, listed in ")
                << result.manifest_path << '\n';
  return kExitOk;
}

}  // namespace

Command nominations_command() {
  return Command(
      {"nominations",
       "[--out DIR] [--fonts MANIFEST]",
       "按推荐机构写出候选人推荐材料（名单、申报表、照片）",
       "write the nomination bundles per nominating body (list, forms, photos)",
       "把工作区中的候选人按推荐机构分组，每个推荐机构写一个 PDF：前面是候选人推荐名单"
       "（含各候选人申报表的文档编号），后面依次是各候选人的申报表和推荐说明，带书签；"
       "个人自荐的候选人各自成一份。PDF 旁边的同名文件夹中是各候选人的原始照片文件，以"
       "文档编号命名。输出文件夹中的 manifest.csv 列出所有文件（文件、文档编号、记录、"
       "页数、SHA-256）。",
       "Groups the workspace's candidates by their nominating body (推荐机构) and writes one "
       "PDF per body: a list of the candidates (with the document number of each form) in "
       "front, then each candidate's form and statement, with bookmarks; self-nominated "
       "candidates get a bundle each. Beside each PDF, a folder of the same name holds the "
       "candidates' original photo files, named by document number. manifest.csv in the "
       "output folder lists every file (file, document number, record, pages, SHA-256).",
       {out_option("工作区/out/nominations", "WORKSPACE/out/nominations"), fonts_option()}},
      run_nominations);
}

}  // namespace tuijie::app
