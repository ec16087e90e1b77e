#include <catch2/catch.hpp>

#include "template/element.hpp"

using namespace tuijie;
using tuijie::templates::parse_template_text;

namespace {

// Parses and returns the problems reported (empty when the template is fine).
Diagnostics problems_of(const std::string& xml) {
  try {
    parse_template_text(xml, "t.xml");
  } catch (const TuijieError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("a well-formed template parses into elements with positions") {
  auto root = parse_template_text(
      "<document kind=\"candidate\">\n"
      "  <p style=\"x\">姓名：<field name=\"name\"/></p>\n"
      "</document>\n",
      "t.xml");
  CHECK(root.name == "document");
  CHECK(root.attr("kind") == "candidate");
  REQUIRE(root.children.size() == 1);
  const auto& p = root.children[0];
  CHECK(p.name == "p");
  CHECK(p.pos.line == 2);
  REQUIRE(p.children.size() == 2);
  CHECK(p.children[0].is_text());
  CHECK(p.children[0].text == "姓名：");
  CHECK(p.children[1].attr("name") == "name");
}

TEST_CASE("unknown elements and attributes are reported with line and column") {
  auto problems = problems_of(
      "<document>\n"
      "  <p>ok</p>\n"
      "  <paragraph>x</paragraph>\n"
      "  <p colour=\"red\">y</p>\n"
      "</document>\n");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].code == "template-unknown-element");
  CHECK(problems[0].file == "t.xml");
  CHECK(problems[0].row == 3);
  CHECK(problems[0].column > 0);
  CHECK(problems[1].code == "template-unknown-attribute");
  CHECK(problems[1].row == 4);
  CHECK(problems[1].value == "red");
  CHECK_FALSE(problems[1].reason_zh.empty());
  CHECK_FALSE(problems[1].reason_en.empty());
}

TEST_CASE("misplaced elements, bad lengths and stray text are errors") {
  auto problems = problems_of(
      "<document>\n"
      "  <row/>\n"
      "  <table columns=\"10mm\"><row height=\"tall\"><cell>x</cell></row>text</table>\n"
      "</document>\n");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].code == "template-nesting");
  CHECK(problems[0].row == 2);
  CHECK(problems[1].code == "template-bad-length");
  CHECK(problems[1].value == "tall");
  CHECK(problems[2].code == "template-text");
}

TEST_CASE("XML that is not well formed is reported at its line") {
  auto problems = problems_of("<document>\n<p>open\n</document>\n");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "template-xml");
  CHECK(problems[0].row == 3);
}

TEST_CASE("the root must be a document") {
  auto problems = problems_of("<p>x</p>");
  REQUIRE_FALSE(problems.empty());
  CHECK(problems[0].code == "template-root");
}

TEST_CASE("the shipped candidate form parses") {
  auto root = tuijie::templates::parse_template_file(std::string(TUIJIE_SOURCE_DIR) +
                                                     "/templates/candidate-form.xml");
  CHECK(root.attr("kind") == "candidate");
}
