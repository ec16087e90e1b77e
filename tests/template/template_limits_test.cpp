// The template language's limits (template/template_limits.hpp): nesting depth, checked while
// parsing so that nothing later recurses deeper; what one document may expand to, checked
// while merging; min-rows; and file-name placeholders that name no field. Each is a template
// error at the template's file, line and column.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "fonts/font_set.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"
#include "template/template_limits.hpp"

using namespace tuijie;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;
constexpr std::size_t kLimit = templates::kMaxNestingDepth;

// A template whose elements nest `depth` deep, <document> included, one element per line (so
// element n opens on line n). The nesting elements are drawn at random from those that may
// hold themselves; the innermost is a paragraph.
std::string nested_template(std::size_t depth, unsigned seed) {
  std::mt19937 random(seed);
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"<when field=\"name\" present=\"yes\">", "</when>"},
      {"<section title=\"s\" contents=\"no\" bookmark=\"no\">", "</section>"}};
  std::string open = "<document>\n";
  std::vector<const std::string*> closers;
  for (std::size_t level = 2; level < depth; ++level) {
    const auto& shape = shapes[random() % shapes.size()];
    open += shape.first + "\n";
    closers.push_back(&shape.second);
  }
  std::string xml = open + "<p>innermost</p>\n";
  for (auto it = closers.rbegin(); it != closers.rend(); ++it)
    xml += **it;
  return xml + "</document>\n";
}

struct Setup {
  std::shared_ptr<const fonts::FontSet> fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);

  merge::CompiledTemplate compile(const std::string& xml) const {
    return merge::compile_template(templates::parse_template_text(xml, "limits.xml"), *fonts,
                                   merge::FieldCatalog{});
  }
};

// The one diagnostic a template error carries; fails the test when there is none.
Diagnostic only_error(const std::function<void()>& action) {
  try {
    action();
  } catch (const TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics().front();
  }
  FAIL("no template error");
  return {};
}

records::Record item(std::size_t i) {
  records::Record r;
  r.kind = "item";
  r.key = std::to_string(i);
  r.fields = {{"name", "项目" + std::to_string(i)}};
  return r;
}

// `levels` <repeat records="item"> inside each other around one paragraph, each on its own
// line from line 2.
std::string nested_repeats(std::size_t levels) {
  std::string open = "<document>\n";
  std::string close = "</document>\n";
  for (std::size_t i = 0; i < levels; ++i) {
    open += "<repeat records=\"item\">\n";
    close = "</repeat>\n" + close;
  }
  return open + "<p><field name=\"name\"/></p>\n" + close;
}

}  // namespace

TEST_CASE("nesting at the limit parses, merges and lays out; one deeper is an error at its line") {
  Setup setup;
  for (unsigned seed = 1; seed <= 5; ++seed) {
    INFO("seed " << seed);
    const auto tpl = setup.compile(nested_template(kLimit, seed));
    records::Record record;
    record.key = "1";
    record.fields = {{"name", "张三"}};
    Diagnostics problems;
    const auto model = merge::build_document(tpl, record, {}, problems);
    CHECK(problems.empty());
    const auto laid = layout::layout_document(model);
    CHECK(laid.pages.size() == 1);

    const Diagnostic d = only_error([&] { setup.compile(nested_template(kLimit + 1, seed)); });
    CHECK(d.code == "template-too-deep");
    CHECK(d.file == "limits.xml");
    CHECK(d.row == static_cast<long>(kLimit + 1));  // the first element below the limit
    CHECK(d.column > 0);
    CHECK(d.reason_en.find(std::to_string(kLimit)) != std::string::npos);
    CHECK(d.reason_zh.find(std::to_string(kLimit)) != std::string::npos);
  }
}

TEST_CASE("10,000 and 100,000 nested elements are one error, quickly, not a stack overflow") {
  Setup setup;
  for (std::size_t depth : {std::size_t{10000}, std::size_t{100000}}) {
    INFO(depth);
    const auto start = std::chrono::steady_clock::now();
    // The parser itself refuses it: no tree that deep is ever built, let alone walked.
    const std::string xml = nested_template(depth, 9);
    const Diagnostic d = only_error([&] { templates::parse_template_text(xml, "limits.xml"); });
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(d.code == "template-too-deep");
    CHECK(d.row == static_cast<long>(kLimit + 1));
    CHECK(took.count() < 10.0);
  }
  // Inline nesting is held to the same limit.
  std::string spans;
  for (int i = 0; i < 10000; ++i)
    spans += "<span>";
  for (int i = 0; i < 10000; ++i)
    spans += "</span>";
  const Diagnostic d =
      only_error([&] { setup.compile("<document><p>" + spans + "</p></document>"); });
  CHECK(d.code == "template-too-deep");
  CHECK(d.row == 1);
}

TEST_CASE("nested record repeats expand as far as the limit, then stop at the outer repeat") {
  Setup setup;
  merge::RecordSets sets;
  for (std::size_t i = 0; i < 10; ++i)
    sets["item"].push_back(item(i));
  records::Record none;

  // 10 × 10 × 10: a thousand paragraphs, well under the limit.
  {
    const auto tpl = setup.compile(nested_repeats(3));
    Diagnostics problems;
    const auto model = merge::build_document(tpl, none, {}, problems, &sets);
    CHECK(problems.empty());
    CHECK(model.blocks.size() == 1000);
  }
  // 4 to 8 levels: 10^4 fits, from 10^6 on the limit is reached, quickly.
  for (std::size_t levels = 4; levels <= 8; ++levels) {
    INFO(levels << " levels");
    const auto tpl = setup.compile(nested_repeats(levels));
    Diagnostics problems;
    const auto start = std::chrono::steady_clock::now();
    if (levels == 4) {
      CHECK(merge::build_document(tpl, none, {}, problems, &sets).blocks.size() == 10000);
      continue;
    }
    const Diagnostic d = only_error([&] { merge::build_document(tpl, none, {}, problems, &sets); });
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(d.code == "template-too-large");
    CHECK(d.file == "limits.xml");
    CHECK(d.row == 2);  // the outermost repeat
    CHECK(d.reason_en.find(std::to_string(templates::kMaxExpansion)) != std::string::npos);
    CHECK(d.reason_zh.find(std::to_string(templates::kMaxExpansion)) != std::string::npos);
    CHECK(took.count() < 10.0);
  }
}

TEST_CASE("nested repeats of table rows and a huge min-rows are held to the limits too") {
  Setup setup;
  merge::RecordSets sets;
  for (std::size_t i = 0; i < 30; ++i)
    sets["item"].push_back(item(i));
  std::string rows = "<row><cell><field name=\"name\"/></cell></row>";
  for (int i = 0; i < 8; ++i)
    rows = "<repeat records=\"item\">" + rows + "</repeat>";
  const auto tpl =
      setup.compile("<document>\n<table columns=\"40mm\">\n" + rows + "\n</table>\n</document>");
  Diagnostics problems;
  records::Record none;
  const Diagnostic d = only_error([&] { merge::build_document(tpl, none, {}, problems, &sets); });
  CHECK(d.code == "template-too-large");
  CHECK(d.row == 3);

  for (const std::string bad : {"1000000000", "1001", "-1", "abc", ""}) {
    INFO("min-rows=" << bad);
    const Diagnostic e = only_error([&] {
      setup.compile("<document>\n<table columns=\"40mm\">\n<repeat list=\"resume\" min-rows=\"" +
                    bad + "\"><row><cell>x</cell></row></repeat></table></document>");
    });
    CHECK(e.code == "template-bad-value");
    CHECK(e.row == 3);
    CHECK(e.value == bad);
  }
  CHECK_NOTHROW(
      setup.compile("<document><table columns=\"40mm\"><repeat list=\"resume\" min-rows=\"1000\">"
                    "<row><cell>x</cell></row></repeat></table></document>"));
}

TEST_CASE("a file-name or title that names no field of the kind is a template error") {
  const auto fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  const auto schemas = records::load_schema_set(kSource + "/data/records");
  const auto campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
  const auto compile = [&](const std::string& kind, const std::string& attributes) {
    const std::string xml =
        "<document kind=\"" + kind + "\"\n  " + attributes + ">\n" + "  <p>x</p>\n</document>\n";
    return merge::compile_template(templates::parse_template_text(xml, "names.xml"), *fonts,
                                   merge::field_catalog(*schemas.find(kind), campaign.globals()));
  };
  std::mt19937 random(4);
  for (const std::string kind : {"candidate", "enterprise", "park", "institution"}) {
    const records::Schema& schema = *schemas.find(kind);
    for (int round = 0; round < 20; ++round) {
      const records::FieldSpec& field = schema.fields[random() % schema.fields.size()];
      INFO(kind << " " << field.key);
      // A field the kind has, alone or with key: fine.
      CHECK_NOTHROW(compile(kind, "file-name=\"{key}-{" + field.key + "}\""));
      // The same misspelt (a letter doubled), in file-name or title: an error naming it.
      const std::string misspelt = field.key + field.key.back();
      for (const std::string attr : {"file-name", "title"}) {
        const Diagnostic d = only_error([&] { compile(kind, attr + "=\"x-{" + misspelt + "}\""); });
        CHECK(d.code == "template-unknown-field");
        CHECK(d.value == misspelt);
        CHECK(d.file == "names.xml");
        CHECK(d.row >= 1);
        CHECK(d.reason_en.find(attr) != std::string::npos);
      }
    }
  }
  const Diagnostic empty = only_error([&] { compile("candidate", "file-name=\"{}\""); });
  CHECK(empty.code == "template-unknown-field");
  const Diagnostic format =
      only_error([&] { compile("candidate", "file-name=\"{birth|yearmonth}\""); });
  CHECK(format.code == "template-bad-value");
  CHECK(format.value == "yearmonth");
}

TEST_CASE("the shipped summary tables over 2,000 records of each kind stay within the limit") {
  Setup setup;
  const auto tpl = merge::compile_template(
      templates::parse_template_file(kSource + "/templates/summary-tables.xml"), *setup.fonts,
      merge::FieldCatalog{});
  merge::RecordSets sets;
  for (const std::string kind : {"enterprise", "park", "institution"}) {
    for (std::size_t i = 0; i < 2000; ++i) {
      records::Record r = item(i);
      r.kind = kind;
      r.fields["district"] = "滨海新区";
      r.fields["revenue"] = std::to_string(3000 + i);
      r.fields["staff_outsourcing"] = "120";
      r.fields["contact_name"] = "田野";
      r.fields["evaluation.eligible"] = "是";
      sets[kind].push_back(r);
    }
  }
  // One summary per kind (the packet's 附件1–3), each over all 2,000 records of its kind.
  std::size_t rows = 0;
  for (const std::string kind : {"enterprise", "park", "institution"}) {
    Diagnostics problems;
    records::Record none;
    const auto model =
        merge::build_document(tpl, none, {{"attachment.kind", kind}}, problems, &sets);
    CHECK(problems.empty());
    for (const auto& block : model.blocks) {
      if (const auto* table = std::get_if<std::shared_ptr<layout::Table>>(&block))
        rows += (*table)->rows.size();
    }
  }
  CHECK(rows >= 3 * 2000);
}

TEST_CASE("a document of more text than the limit stops at the repeat that sets it") {
  Setup setup;
  const auto tpl = setup.compile(nested_repeats(1));
  records::Record none;
  merge::RecordSets sets;
  const std::size_t value_bytes = 1024 * 1024;
  for (std::size_t i = 0; i * value_bytes <= templates::kMaxTextBytes; ++i) {
    sets["item"].push_back(item(i));
    sets["item"].back().fields["name"] = std::string(value_bytes, 'x');
  }
  Diagnostics problems;
  const Diagnostic d = only_error([&] { merge::build_document(tpl, none, {}, problems, &sets); });
  CHECK(d.code == "template-too-large");
  CHECK(d.row == 2);
  CHECK(d.reason_en.find(std::to_string(templates::kMaxTextBytes / (1024 * 1024)) + " MiB") !=
        std::string::npos);
  // One record fewer than the limit holds is fine.
  sets["item"].resize(templates::kMaxTextBytes / value_bytes - 1);
  CHECK(merge::build_document(tpl, none, {}, problems, &sets).blocks.size() == sets["item"].size());
}
