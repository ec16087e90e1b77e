#include "job/booklet_job.hpp"

#include <filesystem>

#include "core/units.hpp"
#include "job/booklet_records.hpp"
#include "job/document_identity.hpp"
#include "job/publishing.hpp"
#include "job/templates.hpp"
#include "layout/imposition.hpp"
#include "merge/field_catalog.hpp"
#include "merge/render.hpp"
#include "output/file_names.hpp"
#include "pdf/pdf_writer.hpp"

namespace tuijie::job {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultTemplate = "templates/booklet.xml";

// Inside <repeat records="result">: every kind's fields (a winner may be any kind) and the
// result's own; inside <repeat records="award">: the category's.
merge::FieldCatalog booklet_catalog(const Env& env,
                                    const std::map<std::string, std::string>& globals) {
  merge::FieldCatalog catalog = merge::collection_catalog(load_schemas(env), globals);
  for (const char* field : {"award", "kind", "citation", "order", "number", "count"})
    catalog.fields.insert(field);
  return catalog;
}

// Fields the job gives the template besides the campaign's.
constexpr const char* kBookletTitle = "booklet.title";
constexpr const char* kBookletMark = "booklet.mark";

// The title that covers what the booklet prints: the campaign file's booklet.title for the
// organisation track, the person track or both, as the award categories with winners have
// it; the campaign's own title when the file gives none.
std::string booklet_title(const std::map<std::string, std::string>& globals,
                          const std::vector<records::Record>& awards) {
  bool persons = false, organisations = false;
  for (const records::Record& award : awards)
    (award.get("kind") == "candidate" ? persons : organisations) = true;
  const char* track = persons && organisations ? "both" : persons ? "person" : "organisation";
  auto it = globals.find(std::string("campaign.booklet.title.") + track);
  if (it != globals.end() && !it->second.empty())
    return it->second;
  it = globals.find("campaign.title");
  return it == globals.end() ? std::string() : it->second;
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

void BookletJob::check_options() const {
  if (!impose.empty() && impose != "saddle") {
    throw_usage("--impose 只支持 saddle（骑马钉），不是 “" + impose + "”",
                "--impose knows only saddle (saddle stitch), not '" + impose + "'");
  }
}

BookletResult BookletJob::run(const Env& env) const {
  check_options();
  store::Workspace& workspace = env.store();
  const store::Campaign& campaign = workspace.campaign();
  std::map<std::string, std::string> globals = campaign.globals();
  globals[kBookletTitle] = "";
  globals[kBookletMark] = mark ? "yes" : "no";
  merge::CompiledTemplate tpl = compile_template_file(
      env, template_path.empty() ? env.resource(kDefaultTemplate) : template_path,
      booklet_catalog(env, globals));
  choose_paper(tpl, paper);

  BookletResult result;
  BookletRecords chosen = booklet_records(workspace);
  result.diagnostics = chosen.problems;
  for (Diagnostic& d : font_substitutes(env, {&tpl}))
    result.diagnostics.push_back(std::move(d));
  if (has_errors(chosen.problems))
    return result;
  if (chosen.sets[kResultSet].empty()) {
    result.diagnostics.push_back(
        make_error("no-results", "工作区中没有推介结果：先用 import --kind result 导入",
                   "the workspace holds no results: import them first with import --kind result"));
    return result;
  }
  globals[kBookletTitle] = booklet_title(globals, chosen.sets[kAwardSet]);
  result.categories = static_cast<int>(chosen.sets[kAwardSet].size());
  result.winners = static_cast<int>(chosen.sets[kResultSet].size());

  const fs::path out = env.output_folder(out_dir, "");
  result.tidied = output::tidy_output_folder(workspace, out);
  const records::Record none;
  with_fresh_numbers([&] {
    output::Publication publication(workspace, number_digits(campaign));
    // The booklet's identity covers the results and the records they print.
    DocumentStamp stamp = stamp_collection(campaign, publication.numbers(), "booklet",
                                           collection_data(chosen.sources, {}));
    std::map<std::string, std::string> own = globals;
    stamp.add_to(own);
    merge::ComposedDocument booklet = merge::compose(
        tpl, none, own, pdf_creation_date(env.clock, campaign.document_date()), &chosen.sets);
    env.step(1, 1, booklet.file_name);
    result.diagnostics.insert(result.diagnostics.end(), booklet.diagnostics.begin(),
                              booklet.diagnostics.end());
    if (!booklet.ok())
      return 0;
    const std::string name =
        output::unique_file_names({{booklet.file_name, stamp.number}}, out).front();
    const fs::path file = out / name;
    publication.add_document(file, pdf::write_pdf(booklet.document), stamp.printed());
    result.pages = static_cast<int>(booklet.document.pages.size());
    result.files.push_back({file.string(), result.pages, stamp.number, ""});
    if (impose == "saddle") {
      const page::PagedDocument imposed =
          layout::impose_saddle(booklet.document, booklet_sheet_width(booklet.document));
      const std::string imposed_name =
          output::unique_file_names({{file.stem().string() + "-saddle.pdf", stamp.number}}, out)
              .front();
      // The imposed sheets show the booklet's pages: verify knows them as its file too.
      publication.add_file_of(out / imposed_name, pdf::write_pdf(imposed), stamp.printed());
      result.imposed_path = (out / imposed_name).string();
      result.imposed_sides = static_cast<int>(imposed.pages.size());
      result.files.push_back({result.imposed_path, result.imposed_sides, stamp.number, ""});
    }
    publication.commit();
    result.booklet_path = file.string();
    return 0;
  });
  return result;
}

}  // namespace tuijie::job
