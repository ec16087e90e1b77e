// Book structure in templates: <section>, <contents>, <page-numbering>, right-hand page
// breaks, <repeat records> among blocks narrowed by field/equals, `*` column widths, several
// <page>s, and the placement rules of repeats.
#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "fonts/font_set.hpp"
#include "merge/document_builder.hpp"
#include "template/element.hpp"

using namespace tuijie;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

records::Record make(const std::string& kind, const std::string& key,
                     std::map<std::string, std::string> fields) {
  records::Record r;
  r.kind = kind;
  r.key = key;
  r.fields = std::move(fields);
  return r;
}

// Two categories, their winners listed in the opposite order to show the filter and order.
merge::RecordSets award_sets() {
  merge::RecordSets sets;
  sets["award"] = {make("award", "乙奖", {{"name", "乙奖"}}),
                   make("award", "甲奖", {{"name", "甲奖"}})};
  sets["result"] = {make("result", "3", {{"name", "赵六"}, {"award", "甲奖"}}),
                    make("result", "2", {{"name", "王五"}, {"award", "乙奖"}}),
                    make("result", "1", {{"name", "李四"}, {"award", "乙奖"}})};
  return sets;
}

struct Setup {
  std::shared_ptr<const fonts::FontSet> fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);

  merge::CompiledTemplate compile(const std::string& body) const {
    return merge::compile_template(
        templates::parse_template_text("<document>" + body + "</document>", "book.xml"), *fonts,
        merge::FieldCatalog{});
  }

  layout::DocumentModel build(const std::string& body, const merge::RecordSets& sets) const {
    auto tpl = compile(body);
    Diagnostics problems;
    records::Record none;
    auto model = merge::build_document(tpl, none, {}, problems, &sets);
    REQUIRE(problems.empty());
    return model;
  }
};

std::vector<std::string> describe(const layout::DocumentModel& model) {
  std::vector<std::string> out;
  for (const auto& block : model.blocks) {
    if (const auto* p = std::get_if<layout::Paragraph>(&block))
      out.push_back("p:" + p->text);
    else if (const auto* b = std::get_if<layout::PageBreak>(&block))
      out.push_back(b->right_hand ? "break:right" : "break");
    else if (const auto* m = std::get_if<layout::SectionMark>(&block))
      out.push_back("section:" + m->title + "@" + m->anchor + (m->bookmark.empty() ? "" : "+bm"));
    else if (const auto* f = std::get_if<layout::FolioStart>(&block))
      out.push_back("folios:" + std::to_string(f->first));
    else if (const auto* c = std::get_if<layout::ContentsEntry>(&block))
      out.push_back("toc:" + c->title + "@" + c->anchor);
  }
  return out;
}

}  // namespace

TEST_CASE("sections repeat over a record set and contents list them and winners are narrowed") {
  Setup setup;
  const auto model = setup.build(
      R"(<contents leader="·"/>
         <page-numbering start="1"/>
         <repeat records="award">
           <section title="{name}" start="right">
             <p><field name="name"/></p>
             <repeat records="result" field="award" equals="{name}" order-by="name">
               <p><field name="name"/>：<section-title/></p>
             </repeat>
           </section>
         </repeat>)",
      award_sets());
  // 乙奖 first: the set's own order (a campaign file's), not sorted; its winners by pinyin
  // (李 before 王); a winner's <section-title/> is its section's title.
  CHECK(describe(model) ==
        std::vector<std::string>{"toc:乙奖@section-1", "toc:甲奖@section-2", "folios:1",
                                 "break:right", "section:乙奖@section-1+bm", "p:乙奖",
                                 "p:李四：乙奖", "p:王五：乙奖", "break:right",
                                 "section:甲奖@section-2+bm", "p:甲奖", "p:赵六：甲奖"});
  const auto& entry = std::get<layout::ContentsEntry>(model.blocks.front());
  CHECK(entry.leader == "·");
}

TEST_CASE("a section may stay out of the contents and the bookmarks") {
  Setup setup;
  const auto model = setup.build(
      R"(<contents/><section title="前言" contents="no" bookmark="no"><p>正文</p></section>
                     <section title="第一章" start="page"><p>一</p></section>)",
      {});
  CHECK(describe(model) == std::vector<std::string>{"toc:第一章@section-2",
                                                    "section:前言@section-1", "p:正文", "break",
                                                    "section:第一章@section-2+bm", "p:一"});
}

TEST_CASE("section-title prints the section in the body and each page's section in running text") {
  Setup setup;
  const auto model = setup.build(
      R"(<header><section-title/></header><p>前<section-title/>言</p>
         <section title="第一章"><p><section-title/></p></section>)",
      {});
  REQUIRE(model.headers.size() == 1);
  CHECK(model.headers[0].text == layout::kSectionTitleMark);
  CHECK(describe(model) ==
        std::vector<std::string>{"p:前言", "section:第一章@section-1+bm", "p:第一章"});
}

TEST_CASE("text order: by stroke count when the template asks for it") {
  Setup setup;
  merge::RecordSets sets;
  // By pinyin: 李 (li) < 王 (wang) < 赵 (zhao); by strokes: 王 (4) < 李 (7) < 赵 (9).
  sets["result"] = {make("result", "1", {{"name", "赵六"}}),
                    make("result", "2", {{"name", "李四"}}),
                    make("result", "3", {{"name", "王五"}})};
  auto names = [&](const std::string& order) {
    std::vector<std::string> out;
    for (const auto& d : describe(setup.build("<repeat records=\"result\" order-by=\"name\" "
                                              "text-order=\"" +
                                                  order +
                                                  "\"><p><field "
                                                  "name=\"name\"/></p></repeat>",
                                              sets)))
      out.push_back(d);
    return out;
  };
  CHECK(names("pinyin") == std::vector<std::string>{"p:李四", "p:王五", "p:赵六"});
  CHECK(names("stroke") == std::vector<std::string>{"p:王五", "p:李四", "p:赵六"});
}

TEST_CASE("a * column takes the rest of the text block on whichever paper is chosen") {
  Setup setup;
  auto tpl = setup.compile(R"(<page size="A5" margin="10mm"/><page size="A4" margin="20mm"/>
                              <table columns="30mm *"><row><cell>x</cell><cell>y</cell></row></table>)");
  REQUIRE(tpl.papers.size() == 2);
  CHECK(tpl.page.width == Approx(mm_to_pt(148)));
  auto widths = [&] {
    Diagnostics problems;
    records::Record none;
    auto model = merge::build_document(tpl, none, {}, problems);
    return std::get<std::shared_ptr<layout::Table>>(model.blocks.front())->columns;
  };
  CHECK(widths()[1] == Approx(mm_to_pt(148 - 20 - 30)));
  tpl.page = tpl.papers.at("A4");
  CHECK(widths()[1] == Approx(mm_to_pt(210 - 40 - 30)));
}

TEST_CASE("repeats hold rows in a table and blocks elsewhere; misplaced ones name their line") {
  Setup setup;
  auto problem = [&](const std::string& body) {
    try {
      setup.compile(body);
    } catch (const TuijieError& e) {
      return e.diagnostics().front().code + "@" + std::to_string(e.diagnostics().front().row);
    }
    return std::string("compiled");
  };
  CHECK(problem("<repeat records=\"x\"><p/></repeat>") == "compiled");
  CHECK(problem("<table columns=\"1cm\"><repeat records=\"x\"><row/></repeat></table>") ==
        "compiled");
  CHECK(problem("\n<table columns=\"1cm\"><repeat records=\"x\">\n<p/></repeat></table>") ==
        "template-misplaced@3");
  CHECK(problem("<repeat records=\"x\">\n<row/></repeat>") == "template-misplaced@2");
  CHECK(problem("\n<repeat list=\"resume\"><p/></repeat>") == "template-missing-attribute@2");
  CHECK(problem("<page size=\"A5\"/>\n<page size=\"A5\"/>") == "template-bad-value@2");
}
