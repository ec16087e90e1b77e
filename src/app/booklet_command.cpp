#include "app/booklet_command.hpp"

#include <Poco/Util/Option.h>

#include <filesystem>
#include <ostream>
#include <sstream>

#include "app/booklet_records.hpp"
#include "app/context.hpp"
#include "app/document_identity.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/publishing.hpp"
#include "app/render_command.hpp"
#include "app/stages.hpp"
#include "core/units.hpp"
#include "layout/imposition.hpp"
#include "merge/field_catalog.hpp"
#include "merge/render.hpp"
#include "output/file_names.hpp"
#include "pdf/pdf_writer.hpp"
#include "store/workspace.hpp"
#include "template/element.hpp"

namespace tuijie::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultTemplate = "templates/booklet.xml";
constexpr const char* kDefaultFonts = "fonts/fonts.xml";

// Inside <repeat records="result">: every kind's fields (a winner may be any kind) and the
// result's own; inside <repeat records="award">: the category's.
merge::FieldCatalog booklet_catalog(const std::string& resources,
                                    const std::map<std::string, std::string>& globals) {
  merge::FieldCatalog catalog = merge::collection_catalog(load_schemas(resources), globals);
  for (const char* field : {"award", "kind", "citation", "order", "number", "count"})
    catalog.fields.insert(field);
  return catalog;
}

// The paper the user asked for, from the <page> elements the template offers.
void choose_paper(merge::CompiledTemplate& tpl, const std::string& paper) {
  if (paper.empty())
    return;
  auto it = tpl.papers.find(paper);
  if (it == tpl.papers.end()) {
    std::string offered;
    for (const auto& [name, setup] : tpl.papers)
      offered += (offered.empty() ? "" : ", ") + name;
    throw_usage("模板没有 " + paper + " 版式（有：" + offered + "）",
                "the template has no " + paper + " layout (it has: " + offered + ")");
  }
  tpl.page = it->second;
}

// The print shop's paper for two pages side by side: two A5 pages (2 × 148 mm) go on A4
// landscape (297 mm), two A4 pages on A3 (420 mm); the spare millimetre goes to the outer
// edges. Any other page size gets a sheet exactly two pages wide.
double booklet_sheet_width(const page::PagedDocument& booklet) {
  const double two_pages = 2 * booklet.pages.front().width;
  for (double long_side_mm : {297.0, 420.0, 594.0}) {
    const double sheet = mm_to_pt(long_side_mm);
    if (sheet >= two_pages - 0.01 && sheet - two_pages < mm_to_pt(2))
      return sheet;
  }
  return 0;
}

}  // namespace

std::string BookletCommand::summary(Lang lang) const {
  return tr(lang, "写出推介结果手册（封面、目录、各奖项）", "write the award booklet");
}

std::string BookletCommand::description(Lang lang) const {
  return tr(lang,
            "按活动文件 awards 中奖项的顺序，把导入的推介结果（import --kind result）排成手册："
            "封面、带页码和引导点的目录、每个奖项一节（从右页开始，页眉为奖项名称，页码在外侧），"
            "每条含名称、地区、推介理由和主要数据（人物含照片和职务）。--paper 选模板提供的"
            "纸张（A5 或 A4）；--impose saddle 另写一个骑马钉拼版 PDF：两页拼在一张横向纸上，"
            "按折页顺序排列，补空白页到 4 的倍数，供印刷厂双面印刷（短边翻转）、对折、骑马钉。",
            "Sets the imported results (import --kind result) as a booklet, the award "
            "categories in the campaign file's order: a cover, contents with page numbers and "
            "dotted leaders, one section per category (starting on a right-hand page, the "
            "category as running header, folios on the outer side), each winner with name, "
            "region, citation and key figures (persons with photo and post). --paper picks a "
            "paper the template offers (A5 or A4); --impose saddle also writes the pages "
            "imposed for saddle stitching: two pages side by side on a landscape sheet of twice "
            "the width, in folding order, blank pages added up to a multiple of four, for a "
            "print shop to print double-sided (flip on the short edge), fold and staple.");
}

void BookletCommand::define_options(Poco::Util::OptionSet& options, Lang lang) const {
  using Poco::Util::Option;
  options.addOption(
      Option("out", "o",
             tr(lang, "输出文件夹（默认：工作区/out）", "output folder (default: WORKSPACE/out)"))
          .argument("DIR"));
  options.addOption(Option("paper", "",
                           tr(lang, "纸张：A5（默认）或 A4，须为模板提供的版式",
                              "paper: A5 (default) or A4, a layout the template offers"))
                        .argument("SIZE"));
  options.addOption(Option("impose", "",
                           tr(lang, "另写拼版 PDF：saddle = 骑马钉",
                              "also write an imposed PDF: "
                              "saddle = saddle stitch"))
                        .argument("SCHEME"));
  options.addOption(Option("template", "t",
                           tr(lang, "手册模板（默认 templates/booklet.xml）",
                              "booklet template (default: templates/booklet.xml)"))
                        .argument("FILE"));
  options.addOption(Option("fonts", "f",
                           tr(lang, "字体清单（默认 fonts/fonts.xml）",
                              "font manifest (default: fonts/fonts.xml)"))
                        .argument("MANIFEST"));
}

int BookletCommand::run(Context& context, const std::vector<std::string>& args) {
  if (!args.empty()) {
    throw_usage("booklet 不接受参数 “" + args.front() + "”",
                "booklet takes no arguments, not '" + args.front() + "'");
  }
  auto& config = context.config();
  const std::string impose = config.getString(binding_for("impose"), "");
  if (!impose.empty() && impose != "saddle") {
    throw_usage("--impose 只支持 saddle（骑马钉），不是 “" + impose + "”",
                "--impose knows only saddle (saddle stitch), not '" + impose + "'");
  }
  std::string paper = config.getString(binding_for("paper"), "");
  store::Workspace workspace = context.open_workspace();
  const store::Campaign& campaign = workspace.campaign();

  std::map<std::string, std::string> globals = campaign.globals();
  const std::string resources = context.resources().string();
  const auto fonts =
      load_fonts(config.has(binding_for("fonts")) ? config.getString(binding_for("fonts"))
                                                  : context.resource(kDefaultFonts));
  const std::string template_path =
      config.getString(binding_for("template"), context.resource(kDefaultTemplate));
  merge::CompiledTemplate tpl = merge::compile_template(
      templates::parse_template_file(template_path), *fonts, booklet_catalog(resources, globals));
  choose_paper(tpl, paper);

  BookletRecords chosen = booklet_records(workspace);
  context.report(chosen.problems);
  if (has_errors(chosen.problems))
    return kExitDataError;
  if (chosen.sets[kResultSet].empty()) {
    context.err() << context.tr("工作区中没有推介结果：先用 import --kind result 导入。",
                                "The workspace holds no results: import them first with "
                                "import --kind result.")
                  << '\n';
    return kExitDataError;
  }

  const fs::path out_dir =
      config.getString(binding_for("out"), (fs::path(workspace.dir()) / "out").string());
  tidy_output(context, workspace, out_dir);
  const records::Record none;
  std::ostringstream report;
  const int status = with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    // The booklet's identity covers the results and the records they print.
    DocumentStamp stamp = stamp_collection(campaign, publication.numbers(), "booklet",
                                           collection_data(chosen.sources, {}));
    std::map<std::string, std::string> own = globals;
    stamp.add_to(own);
    merge::ComposedDocument booklet =
        merge::compose(tpl, none, own, pdf_creation_date(campaign.document_date()), &chosen.sets);
    context.report(booklet.diagnostics);
    if (!booklet.ok()) {
      context.err() << context.tr("有问题，未写出手册，见上。",
                                  "Problems found; the booklet was not written, see above.")
                    << '\n';
      return int{kExitDataError};
    }
    const std::string name =
        output::unique_file_names({{booklet.file_name, stamp.number}}, out_dir).front();
    const fs::path file = out_dir / name;
    publication.add_document(file, pdf::write_pdf(booklet.document), stamp.printed());
    report.str("");
    report << context.tr("已写入 ", "wrote ") << file.string() << context.tr("（", " (")
           << booklet.document.pages.size() << context.tr(" 页，", " pages, ")
           << chosen.sets[kAwardSet].size() << context.tr(" 个奖项，", " categories, ")
           << chosen.sets[kResultSet].size() << context.tr(" 个入选）", " winners)") << '\n';
    if (impose == "saddle") {
      const page::PagedDocument imposed =
          layout::impose_saddle(booklet.document, booklet_sheet_width(booklet.document));
      const std::string imposed_name =
          output::unique_file_names({{file.stem().string() + "-saddle.pdf", stamp.number}}, out_dir)
              .front();
      // The imposed sheets show the booklet's pages: verify knows them as its file too.
      publication.add_file_of(out_dir / imposed_name, pdf::write_pdf(imposed), stamp.printed());
      report << context.tr("已写入 ", "wrote ") << (out_dir / imposed_name).string()
             << context.tr("（", " (") << imposed.pages.size()
             << context.tr(" 面，双面印刷后对折装订）",
                           " sheet sides: print double-sided, fold, staple)")
             << '\n';
    }
    publication.commit();
    return int{kExitOk};
  });
  if (status != kExitOk)
    return status;
  context.out() << report.str();
  return kExitOk;
}

}  // namespace tuijie::app
