// tuijie booklet: the committee's award booklet (推介结果手册) from the imported results — a
// cover, the contents, one section per award category — and, for a print shop, the same
// pages imposed for saddle stitching.
#include "app/commands.hpp"

#include <Poco/Util/Option.h>

#include <ostream>

#include "app/exit_codes.hpp"
#include "app/job_env.hpp"
#include "app/lang.hpp"
#include "job/booklet_job.hpp"

namespace tuijie::app {

namespace {

int run_booklet(Context& context, const Command& command, const std::vector<std::string>& args) {
  command.require_no_arguments(args);
  job::BookletJob job;
  job.impose = option(context, command, "impose");
  job.paper = option(context, command, "paper");
  job.template_path = option(context, command, "template");
  job.out_dir = option(context, command, "out");
  job.mark = !context.config().getBool(command.binding_for("no-mark"), false);
  job.check_options();  // a usage error before the workspace is looked for
  const job::BookletResult result = run_job(context, command, job);
  if (const int code = report_result(context, result, "有问题，未写出手册，见上。",
                                     "Problems found; the booklet was not written, see above.");
      code != kExitOk) {
    return code;
  }
  context.out() << context.tr("已写入 ", "wrote ") << result.booklet_path << context.tr("（", " (")
                << result.pages << context.tr(" 页，", " pages, ") << result.categories
                << context.tr(" 个奖项，", " categories, ") << result.winners
                << context.tr(" 个入选）", " winners)") << '\n';
  if (!result.imposed_path.empty()) {
    context.out() << context.tr("已写入 ", "wrote ") << result.imposed_path
                  << context.tr("（", " (") << result.imposed_sides
                  << context.tr(" 面，双面印刷后对折装订）",
                                " sheet sides: print double-sided, fold, staple)")
                  << '\n';
  }
  return kExitOk;
}

}  // namespace

Command booklet_command() {
  return Command(
      {"booklet",
       "[--out DIR] [--paper A5|A4] [--impose saddle] [--no-mark] [--template FILE] "
       "[--fonts MANIFEST]",
       "写出推介结果手册（封面、目录、各奖项）",
       "write the award booklet",
       "按活动文件 awards 中奖项的顺序，把导入的推介结果（import --kind result）排成手册："
       "封面、带页码和引导点的目录、每个奖项一节（从右页开始，页眉为奖项名称，页码在外侧），"
       "每条含名称、地区、推介理由和主要数据（人物含照片和职务）。--paper 选模板提供的"
       "纸张（A5 或 A4）；--impose saddle 另写一个骑马钉拼版 PDF：两页拼在一张横向纸上，"
       "按折页顺序排列，补空白页到 4 的倍数，供印刷厂双面印刷（短边翻转）、对折、骑马钉。"
       "文档编号和二维码印在最后一页（封面不印）；--no-mark 两者都不印，编号仍在 PDF 元数据中。",
       "Sets the imported results (import --kind result) as a booklet, the award "
       "categories in the campaign file's order: a cover, contents with page numbers and "
       "dotted leaders, one section per category (starting on a right-hand page, the "
       "category as running header, folios on the outer side), each winner with name, "
       "region, citation and key figures (persons with photo and post). --paper picks a "
       "paper the template offers (A5 or A4); --impose saddle also writes the pages "
       "imposed for saddle stitching: two pages side by side on a landscape sheet of twice "
       "the width, in folding order, blank pages added up to a multiple of four, for a "
       "print shop to print double-sided (flip on the short edge), fold and staple. The "
       "document number and QR code print on the last page (never the cover); --no-mark "
       "prints neither, and the number stays in the PDF's metadata.",
       {out_option("工作区/out", "WORKSPACE/out"),
        {"paper", "", "纸张：A5（默认）或 A4，须为模板提供的版式",
         "paper: A5 (default) or A4, a layout the template offers", "SIZE"},
        {"impose", "", "另写拼版 PDF：saddle = 骑马钉",
         "also write an imposed PDF: "
         "saddle = saddle stitch",
         "SCHEME"},
        {"no-mark", "", "不印文档编号和二维码", "print no document number and no QR code"},
        {"template", "t", "手册模板（默认 templates/booklet.xml）",
         "booklet template (default: templates/booklet.xml)", "FILE"},
        fonts_option()}},
      run_booklet);
}

}  // namespace tuijie::app
