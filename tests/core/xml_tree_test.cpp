// The XML tree with source positions that templates and the font manifest are read into.
#include <catch2/catch.hpp>

#include "core/xml_tree.hpp"

using namespace tuijie;

namespace {

const xml::XmlErrors kErrors = {
    "test-xml", "不是 XML：", "not XML: ", "test-missing", "读不到", "cannot read"};

}  // namespace

TEST_CASE("an XML text becomes nodes with names, attributes in order, text and positions") {
  const xml::Tree tree = xml::parse_xml_text(
      "<root b=\"2\" a=\"1\">\n  <child x=\"&lt;y&gt;\">one <i>two</i> three</child>\n</root>\n",
      "t.xml", {}, kErrors);
  const xml::Node& root = tree.root;
  CHECK(root.name == "root");
  CHECK((root.line == 1 && root.column == 1));
  REQUIRE(root.attributes.size() == 2);
  CHECK(root.attributes[0].first == "b");  // as written, not sorted
  CHECK(*root.attribute("a") == "1");
  CHECK(root.attribute("c") == nullptr);
  // The white space between elements is text too: the reader decides what it means.
  REQUIRE(root.children.size() == 3);
  CHECK(root.children[0].is_text());
  const xml::Node& child = root.children[1];
  CHECK((child.line == 2 && child.column == 3));
  CHECK(*child.attribute("x") == "<y>");
  REQUIRE(child.children.size() == 3);
  CHECK(child.children[0].text == "one ");
  CHECK(child.children[1].name == "i");
  CHECK(child.children[1].children[0].text == "two");
  CHECK(child.children[2].text == " three");
  CHECK(tree.too_deep_line == 0);
}

TEST_CASE("without text, with namespaces and below a depth limit") {
  xml::TreeOptions options;
  options.keep_text = false;
  options.namespaces = true;
  options.max_depth = 2;
  const xml::Tree tree =
      xml::parse_xml_text("<f:root xmlns:f=\"urn:x\">text<f:a>\n<b><c/></b></f:a>\n<d/></f:root>",
                          "t.xml", options, kErrors);
  CHECK(tree.root.name == "root");
  REQUIRE(tree.root.children.size() == 2);
  CHECK(tree.root.children[0].name == "a");
  CHECK(tree.root.children[0].children.empty());  // <b> would be level 3: left out
  CHECK(tree.root.children[1].name == "d");
  CHECK(tree.too_deep_line == 2);
  CHECK(tree.too_deep_column == 1);
}

TEST_CASE("XML that is not well formed is one diagnostic at the parser's line and column") {
  try {
    xml::parse_xml_text("<a>\n  <b>\n</a>\n", "bad.xml", {}, kErrors);
    FAIL("no error");
  } catch (const TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics().front();
    CHECK(d.code == "test-xml");
    CHECK(d.file == "bad.xml");
    CHECK(d.row == 3);
    CHECK(d.column == 3);
    CHECK(d.reason_en.rfind("not XML: ", 0) == 0);
    CHECK(d.reason_en.find(" in line ") == std::string::npos);  // the place is row and column
  }
  try {
    xml::parse_xml_file("/nonexistent/dir/x.xml", {}, kErrors);
    FAIL("no error");
  } catch (const TuijieError& e) {
    CHECK(e.diagnostics().front().code == "test-missing");
  }
}
