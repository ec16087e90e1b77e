// Typed attributes: every attribute of the template language has a declared type and default
// (template/template_language.hpp), is converted when the template is read, and a value that
// is not of its type is a template error at its file, line and column naming what is allowed.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "template/element.hpp"
#include "template/template_language.hpp"

using namespace tuijie;
using templates::parse_template_text;

namespace {

Diagnostics problems_of(const std::string& xml) {
  try {
    parse_template_text(xml, "bad.xml");
  } catch (const TuijieError& e) {
    return e.diagnostics();
  }
  return {};
}

// The one problem of a template whose body is `body`, inside <document> on line 1.
Diagnostic only_problem(const std::string& body) {
  const Diagnostics problems = problems_of("<document>\n" + body + "\n</document>\n");
  REQUIRE(problems.size() == 1);
  return problems.front();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the confirmed defects are template errors at file:line:column with the allowed values") {
  const Diagnostics problems = problems_of(
      "<document>\n"
      "  <table columns=\"20mm 20mm\" header-rows=\"one\">\n"
      "    <row><cell colspan=\"two\">x</cell></row>\n"
      "    <row><cell valign=\"centre\">y</cell><cell align=\"middle\">z</cell></row>\n"
      "  </table>\n"
      "  <photo field=\"photo\" max-dpi=\"high\"/>\n"
      "</document>\n");
  // All of the file's problems at once, in the order they stand in the file.
  REQUIRE(problems.size() == 5);
  struct Expected {
    std::string value, place, allowed_en, allowed_zh;
  };
  const std::vector<Expected> expected = {
      {"one", "bad.xml:2:3", "from 0 to 100", "0 到 100 的整数"},
      {"two", "bad.xml:3:10", "from 1 to 1000", "1 到 1000 的整数"},
      {"centre", "bad.xml:4:10", "one of top, middle, bottom", "top、middle、bottom"},
      {"middle", "bad.xml:4:40", "one of left, center, right, justify",
       "left、center、right、justify"},
      {"high", "bad.xml:6:3", "from 72 to 1200", "72 到 1200 的整数"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Diagnostic& d = problems[i];
    INFO(d.format_bilingual());
    CHECK(d.code == "template-bad-value");
    CHECK(d.value == expected[i].value);
    CHECK(d.format(Lang::En).find(expected[i].place + " ") != std::string::npos);
    CHECK(contains(d.reason_en, expected[i].allowed_en));
    CHECK(contains(d.reason_zh, expected[i].allowed_zh));
  }
}

TEST_CASE("one wrong value of each declared type is reported with what the type allows") {
  struct Case {
    std::string body, value, code, allowed_en;
    long column = 1;  // of the element holding the attribute
  };
  // Text and Options (texts separated by |) take any text: they have no wrong value.
  const std::vector<Case> cases = {
      {"<page-numbering start=\"1.5\"/>", "1.5", "template-bad-value", "whole number from 0"},
      {"<page-numbering start=\"10000\"/>", "10000", "template-bad-value", "to 9999"},
      {"<spacer height=\"12px\"/>", "12px", "template-bad-length", "mm, cm, pt, in"},
      {"<p size=\"2em\">x</p>", "2em", "template-bad-length", "length in mm"},
      {"<p indent=\"2ex\">x</p>", "2ex", "template-bad-length", "or em"},
      {"<page margin=\"10mm 20mm 30mm\"/>", "10mm 20mm 30mm", "template-bad-length",
       "1, 2 or 4 lengths"},
      {"<table columns=\"30mm * *\"/>", "30mm * *", "template-bad-length", "at most one *"},
      {"<page size=\"Letter\"/>", "Letter", "template-bad-value", "A4, A5, A3, A4 landscape"},
      {"<section title=\"x\" bookmark=\"nein\"/>", "nein", "template-bad-value", "one of yes, no"},
      {"<styles><style name=\"s\" leading=\"wide\"/></styles>", "wide", "template-bad-value",
       "number from 0.5 to 5", 9},
      {"<styles><style name=\"s\" color=\"red\"/></styles>", "red", "template-bad-value", "#RRGGBB",
       9},
      {"<p><field name=\"{name}\"/></p>", "{name}", "template-bad-value", "field name", 4},
      {"<repeat records=\"x\" order-by=\"a {b}\"/>", "a {b}", "template-bad-value",
       "field names separated by spaces"},
      {"<repeat records=\"x\" text-order=\"strokes\"/>", "strokes", "template-bad-value",
       "one of pinyin, stroke (or a {field})"},
  };
  for (const Case& c : cases) {
    INFO(c.body);
    const Diagnostic d = only_problem(c.body);
    CHECK(d.code == c.code);
    CHECK(d.value == c.value);
    CHECK(d.file == "bad.xml");
    CHECK(d.row == 2);
    CHECK(d.column == c.column);
    CHECK(contains(d.reason_en, c.allowed_en));
    CHECK_FALSE(d.reason_zh.empty());
  }
  // A number's range: tighten-to is the fraction the line spacing may shrink to.
  const Diagnostics tighten = problems_of("<document tighten-to=\"0.3\"><p>x</p></document>");
  REQUIRE(tighten.size() == 1);
  CHECK(tighten[0].value == "0.3");
  CHECK(contains(tighten[0].reason_en, "number from 0.5 to 1"));
}

TEST_CASE("typed accessors give the value as read, or the language's default") {
  const auto root = parse_template_text(
      "<document title=\"表 {name|date} {x\">\n"
      "  <page size=\"A5 landscape\" margin=\"10mm 5mm\"/>\n"
      "  <table columns=\"10mm * 1in\"><row height=\"12pt\"><cell colspan=\"3\">x</cell>"
      "<cell/></row></table>\n"
      "  <p indent=\"2em\" keep-with-next=\"yes\">x</p>\n"
      "  <photo field=\"photo\"/>\n"
      "  <styles><style name=\"s\" color=\"#1F3a93\" leading=\"1.5\"/></styles>\n"
      "  <repeat records=\"r\" order-by=\" district  name \"/>\n"
      "  <choices field=\"f\" options=\"甲|乙||丙\"/>\n"
      "</document>\n",
      "t.xml");
  const templates::TextPattern& title = root.pattern("title");
  REQUIRE(title.size() == 3);
  CHECK((!title[0].is_field && title[0].text == "表 "));
  CHECK((title[1].is_field && title[1].text == "name" && title[1].format == "date"));
  CHECK((!title[2].is_field && title[2].text == " {x"));  // unclosed: printed as written
  CHECK(root.pattern("file-name").size() == 1);           // the default, {key}
  CHECK(root.pattern("file-name")[0].text == "key");
  CHECK(root.number("tighten-to") == 1);

  const auto& page = root.children[0];
  CHECK(page.choice("size") == "A5 landscape");
  REQUIRE(page.lengths("margin").size() == 2);
  CHECK(page.lengths("margin")[1].points == Approx(5 * 72 / 25.4));
  CHECK_FALSE(page.has("width"));

  const auto& table = root.children[1];
  const templates::ColumnWidths& columns = table.column_widths("columns");
  REQUIRE(columns.widths.size() == 3);
  CHECK(columns.rest == std::optional<std::size_t>(1));
  CHECK(columns.widths[2] == Approx(72));
  CHECK(table.length_pt("border") == Approx(0.6));
  CHECK(table.integer("header-rows") == 0);
  const auto& row = table.children[0];
  CHECK(row.length_pt("height") == Approx(12));
  CHECK(row.length_pt("min-height") == 0);
  CHECK(row.children[0].integer("colspan") == 3);
  CHECK(row.children[1].integer("colspan") == 1);
  CHECK(row.children[1].length_pt("padding") == Approx(1.5 * 72 / 25.4));
  CHECK(row.children[1].choice("valign") == "middle");
  CHECK(row.children[1].choice("split").empty());

  const auto& p = root.children[2];
  CHECK(p.length_pt("indent", 12) == Approx(24));
  CHECK(p.length_pt("indent", 10) == Approx(20));
  CHECK(p.choice("keep-with-next") == "yes");
  CHECK(p.length_pt("space-before", 12) == 0);

  const auto& photo = root.children[3];
  CHECK(photo.field("field") == "photo");
  CHECK(photo.integer("max-dpi") == 300);
  CHECK(photo.length_pt("width") == Approx(35 * 72 / 25.4));
  CHECK(photo.choice("align") == "center");

  const auto& style = root.children[4].children[0];
  CHECK(style.colour("color").r == Approx(0x1F / 255.0));
  CHECK(style.colour("color").b == Approx(0x93 / 255.0));
  CHECK(style.number("leading") == 1.5);

  CHECK(root.children[5].fields("order-by") == std::vector<std::string>{"district", "name"});
  CHECK(root.children[5].pattern("text-order")[0].text == "pinyin");
  CHECK(root.children[6].options("options") == std::vector<std::string>{"甲", "乙", "", "丙"});
  CHECK(root.children[6].text_value("checked") == "☑");
  CHECK(root.children[6].integer("columns") == 1);  // among blocks: a list of one column
  // Asking for a type the language does not declare for the attribute is a program error.
  CHECK_THROWS_AS(photo.text_value("max-dpi"), std::logic_error);
  CHECK_THROWS_AS(photo.integer("colspan"), std::logic_error);
}

TEST_CASE("every default in the language is a value of its own type") {
  // The table parses each default when it is built: reading any template builds it.
  CHECK_NOTHROW(parse_template_text("<document/>", "t.xml"));
  const templates::AttributeSpec* dpi = templates::attribute_spec("photo", "max-dpi");
  REQUIRE(dpi);
  REQUIRE(dpi->default_value);
  CHECK(std::get<long>(dpi->default_value->value) == 300);
  CHECK(templates::attribute_spec("photo", "colspan") == nullptr);
  // The root element's PDF bookmark title.
  const templates::AttributeSpec* bookmark = templates::attribute_spec("document", "bookmark");
  REQUIRE(bookmark);
  CHECK(bookmark->type == templates::AttributeType::Text);
  CHECK_FALSE(bookmark->default_text);
}

TEST_CASE("templates/README.md lists the attribute table of the template language") {
  std::ifstream in(std::string(TUIJIE_SOURCE_DIR) + "/templates/README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  const std::string table = templates::attribute_table_markdown();
  INFO("expected in the README (also written to expected-attribute-table.md):\n" << table);
  const bool listed = contains(readme.str(), table);
  if (!listed)
    std::ofstream("expected-attribute-table.md") << table;
  CHECK(listed);
}
