// The sample candidates (samples/) through the whole pipeline into PDFs, then read back with
// pdftotext, pdffonts, qpdf and FreeType: what a clerk and the committee's tools would see.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <unistd.h>
#include <sstream>

#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "glyph_check.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_format.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

struct RenderedSample {
  records::Record record;
  std::string pdf;
  std::vector<page::Page> pages;  // the layout, for the field boxes
};

// Every sample candidate rendered once per test run.
const std::vector<RenderedSample>& samples() {
  static const std::vector<RenderedSample> rendered = [] {
    auto schemas = records::load_schema_set(kSource + "/data/records");
    auto campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
    records::ImportOptions options;
    options.campaign_date = campaign.age_date();
    std::vector<records::Record> all;
    for (const char* file : {"candidates.csv", "candidates-extb.csv"}) {
      auto result = records::read_records(kSource + "/samples/" + file, schemas, options);
      REQUIRE(result.ok());
      for (auto& r : result.records)
        all.push_back(r);
    }
    auto fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
    static auto keep_fonts = fonts;  // glyph runs point into the faces
    auto tpl = merge::compile_template(
        templates::parse_template_file(kSource + "/templates/candidate-form.xml"), *fonts, {});
    // Each test runs in its own process (ctest -j): each renders into its own folder.
    std::string dir = fresh_test_dir("documents-" + std::to_string(getpid()));
    std::vector<RenderedSample> out;
    for (const auto& record : all) {
      Diagnostics problems;
      auto model = merge::build_document(tpl, record, campaign.globals(), problems);
      auto laid = layout::layout_document(model);
      for (const auto& d : laid.diagnostics)
        problems.push_back(d);
      INFO(record.key);
      for (const auto& d : problems)
        INFO(d.format_bilingual());
      REQUIRE(problems.empty());
      page::PagedDocument doc;
      doc.pages = laid.pages;
      doc.info = model.info;
      RenderedSample s{record, dir + "/" + record.key + ".pdf", laid.pages};
      pdf::write_pdf_file(doc, s.pdf);
      out.push_back(std::move(s));
    }
    return out;
  }();
  return rendered;
}

// How each field prints on the form (templates/README.md lists the same rules).
std::string printed(const records::Record& r, const std::string& field) {
  const std::string& v = r.get(field);
  if (field == "birth")
    return merge::format_value(v, "year-month");
  if (field == "nominator" && v.empty())
    return "（个人自荐）";
  return strip_space(v);
}

Box box_of(const page::FieldBox& f) {
  return {f.x, f.y, f.x + f.w, f.y + f.h};
}

}  // namespace

TEST_CASE("every filled cell of every sample form holds its field's value") {
  REQUIRE(samples().size() >= 7);
  for (const auto& s : samples()) {
    INFO(s.pdf);
    auto lines = read_lines(s.pdf);
    std::map<std::string, size_t> entry_index;  // resume sub-fields appear once per row
    std::string contributions;
    size_t checked = 0;
    for (size_t p = 0; p < s.pages.size(); ++p) {
      for (const auto& f : s.pages[p].fields) {
        std::string got = text_in_box(lines, static_cast<int>(p), box_of(f));
        INFO("field " << f.field << " page " << p + 1);
        if (f.field == "contributions") {
          contributions += got;
          continue;
        }
        if (f.field == "channel") {
          CHECK(got.find("☑" + s.record.get("channel")) != std::string::npos);
          CHECK(got.find("☐") != std::string::npos);
          continue;
        }
        const auto& resume = s.record.lists.count("resume") ? s.record.lists.at("resume")
                                                            : std::vector<records::Entry>{};
        if (f.field == "title" || f.field == "period" || f.field == "country" || f.field == "org") {
          size_t i = entry_index[f.field]++;
          std::string expected = i < resume.size() ? strip_space(resume[i].at(f.field)) : "";
          CHECK(got == expected);
          ++checked;
          continue;
        }
        if (f.field.rfind("campaign.", 0) == 0)
          continue;  // instruction text, not a value
        CHECK(got == printed(s.record, f.field));
        ++checked;
      }
    }
    CHECK(contributions == strip_space(s.record.get("contributions")));
    CHECK(checked >= 20);
  }
}

TEST_CASE("sample PDFs embed only subset fonts with Unicode maps and pass qpdf cleanly") {
  for (const auto& s : samples()) {
    INFO(s.pdf);
    for (const auto& problem : pdf_delivery_problems(s.pdf))
      FAIL_CHECK(problem);
  }
}

TEST_CASE("no line starts or ends with a character the rules forbid there") {
  const std::u32string_view no_start = kNoLineStart;
  const std::u32string_view no_end = kNoLineEnd;
  size_t lines_checked = 0;
  for (const auto& s : samples()) {
    for (const auto& line : read_lines(s.pdf)) {
      std::u32string text = utf8::decode(line.text());
      if (text.empty())
        continue;
      ++lines_checked;
      INFO(s.pdf << " page " << line.page + 1 << ": " << line.text());
      CHECK(no_start.find(text.front()) == std::u32string::npos);
      CHECK(no_end.find(text.back()) == std::u32string::npos);
    }
  }
  CHECK(lines_checked > 300);
}

TEST_CASE("numbers, e-mail addresses and phone numbers are never split across lines") {
  for (const auto& s : samples()) {
    auto lines = read_lines(s.pdf);
    std::string all;
    for (const auto& line : lines)
      all += "\n" + line.text();
    for (const char* field : {"phone", "email", "contact_phone", "postcode"}) {
      const std::string& v = s.record.get(field);
      if (v.empty())
        continue;
      INFO(s.pdf << " " << field << " " << v);
      CHECK(all.find(strip_space(v)) != std::string::npos);  // whole, on one line
    }
  }
}

TEST_CASE("every glyph drawn is embedded whole: outlines match the source fonts") {
  std::vector<std::string> sources = {
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
      "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
      "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"};
  for (const auto& s : samples()) {
    INFO(s.pdf);
    auto problems = check_glyphs_complete(s.pdf, sources);
    for (const auto& p : problems)
      INFO(p);
    CHECK(problems.empty());
  }
}

TEST_CASE("rare characters in names print and copy out: 𠮷 and 䶮") {
  bool ji = false, yan = false;
  for (const auto& s : samples()) {
    auto text = run_tool("pdftotext " + shell_quote(s.pdf) + " -");
    REQUIRE(text.exit_code == 0);
    CHECK(text.err.empty());
    if (s.record.get("name").find("𠮷") != std::string::npos) {
      ji = true;
      CHECK(text.out.find("𠮷") != std::string::npos);
    }
    if (s.record.get("name").find("䶮") != std::string::npos) {
      yan = true;
      CHECK(text.out.find("䶮") != std::string::npos);
    }
  }
  CHECK(ji);
  CHECK(yan);
}
