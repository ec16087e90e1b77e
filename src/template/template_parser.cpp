#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <fstream>
#include <sstream>

#include "template/element.hpp"
#include "template/template_language.hpp"
#include "template/template_limits.hpp"

namespace tuijie::templates {

namespace {

// Builds the element tree with positions; checks each element against the language as it
// opens, so that every problem of the file is collected in one pass.
class TreeBuilder : public Poco::XML::ContentHandler {
 public:
  explicit TreeBuilder(std::string file) : file_(std::move(file)) {}

  Element root;
  Diagnostics problems;

  void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }
  void startDocument() override {}
  void endDocument() override {}
  void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void endPrefixMapping(const Poco::XML::XMLString&) override {}
  void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void skippedEntity(const Poco::XML::XMLString&) override {}
  void ignorableWhitespace(const Poco::XML::XMLChar*, int, int) override {}

  // Namespaces are off: names arrive as qualified names, local names stay empty.
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attrs) override {
    // Below the depth limit nothing is built (Expat itself keeps its nesting on the heap):
    // the tree, and so every stage that walks it, stays within kMaxNestingDepth.
    if (skipped_depth_ > 0) {
      ++skipped_depth_;
      return;
    }
    if (stack_.size() >= kMaxNestingDepth) {
      report_too_deep();
      skipped_depth_ = 1;
      return;
    }
    Element e;
    e.name = qname;
    e.pos = here();
    check(e);
    for (int i = 0; i < attrs.getLength(); ++i)
      add_attribute(e, attrs.getQName(i), attrs.getValue(i));
    stack_.push_back(std::move(e));
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString&) override {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      return;
    }
    Element e = std::move(stack_.back());
    stack_.pop_back();
    if (stack_.empty()) {
      root = std::move(e);
    } else {
      stack_.back().children.push_back(std::move(e));
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (stack_.empty() || skipped_depth_ > 0)
      return;
    Element& parent = stack_.back();
    std::string chunk(ch + start, static_cast<size_t>(length));
    // Expat delivers text in pieces; join adjacent ones into one node.
    if (!parent.children.empty() && parent.children.back().is_text()) {
      parent.children.back().text += chunk;
      return;
    }
    bool blank = chunk.find_first_not_of(" \t\r\n") == std::string::npos;
    const ElementRule* rule = rule_for(parent.name);
    bool text_allowed = rule && rule->children.count("#text");
    if (blank && !text_allowed)
      return;  // indentation between block elements
    Element t;
    t.name = "#text";
    t.text = std::move(chunk);
    t.pos = here();
    if (!text_allowed && rule) {
      problems.push_back(t.error("template-text", "元素 <" + parent.name + "> 中不能直接写文字",
                                 "text is not allowed directly inside <" + parent.name + ">"));
    }
    parent.children.push_back(std::move(t));
  }

 private:
  SourcePos here() const {
    SourcePos p;
    p.file = file_;
    if (locator_) {
      p.line = locator_->getLineNumber();
      // Expat counts columns from 0; a Diagnostic's column, like an editor's, from 1.
      p.column = locator_->getColumnNumber() + 1;
    }
    return p;
  }

  // Once per template: every element below the limit is left out, the first one is named.
  void report_too_deep() {
    if (reported_depth_)
      return;
    reported_depth_ = true;
    const std::string limit = std::to_string(kMaxNestingDepth);
    Diagnostic d = make_error(
        "template-too-deep", "模板元素嵌套超过 " + limit + " 层（<document> 为第 1 层）",
        "template elements are nested more than " + limit + " deep (<document> is level 1)", file_);
    const SourcePos p = here();
    d.row = p.line;
    d.column = p.column;
    problems.push_back(d);
  }

  void check(const Element& e) {
    const ElementRule* rule = rule_for(e.name);
    if (!rule) {
      problems.push_back(e.error("template-unknown-element", "未知的模板元素 <" + e.name + ">",
                                 "unknown template element <" + e.name + ">"));
      return;
    }
    if (stack_.empty() && e.name != "document") {
      problems.push_back(e.error("template-root", "模板的根元素必须是 <document>",
                                 "the template's root element must be <document>"));
    }
    if (!stack_.empty()) {
      const ElementRule* parent = rule_for(stack_.back().name);
      if (parent && !parent->children.count(e.name)) {
        problems.push_back(
            e.error("template-nesting", "<" + e.name + "> 不能放在 <" + stack_.back().name + "> 中",
                    "<" + e.name + "> is not allowed inside <" + stack_.back().name + ">"));
      }
    }
  }

  // Converts the attribute to its declared type; an unknown attribute or a value that is not
  // of the type is reported, with what the attribute allows.
  void add_attribute(Element& e, const std::string& key, const std::string& value) {
    const ElementRule* rule = rule_for(e.name);
    if (!rule)
      return;  // the element is reported already
    auto spec = rule->attributes.find(key);
    if (spec == rule->attributes.end()) {
      Diagnostic d = e.error("template-unknown-attribute", "<" + e.name + "> 没有属性 " + key,
                             "<" + e.name + "> has no attribute " + key);
      d.value = value;
      problems.push_back(d);
      return;
    }
    std::optional<AttributeValue> typed = parse_attribute_value(spec->second, value);
    if (!typed) {
      const AttributeType type = spec->second.type;
      const bool is_length = type == AttributeType::Length || type == AttributeType::Lengths ||
                             type == AttributeType::ColumnWidths;
      Diagnostic d = e.error(
          is_length ? "template-bad-length" : "template-bad-value",
          "<" + e.name + "> 的属性 " + key + " " + allowed_values_zh(spec->second),
          "the attribute " + key + " of <" + e.name + "> " + allowed_values_en(spec->second));
      d.value = value;
      problems.push_back(d);
      return;
    }
    e.attributes.emplace(key, std::move(*typed));
  }

  std::string file_;
  const Poco::XML::Locator* locator_ = nullptr;
  std::vector<Element> stack_;
  std::size_t skipped_depth_ = 0;  // open elements below the depth limit
  bool reported_depth_ = false;
};

}  // namespace

Element parse_template_text(const std::string& xml, const std::string& file) {
  TreeBuilder builder(file);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setContentHandler(&builder);
  try {
    parser.parseString(xml);
  } catch (const Poco::XML::SAXParseException& e) {
    Diagnostic d = make_error("template-xml", "模板不是格式正确的 XML：" + e.message(),
                              "the template is not well-formed XML: " + e.message(), file);
    d.row = e.getLineNumber();
    d.column = e.getColumnNumber() + 1;  // from 0, as the locator's
    builder.problems.push_back(d);
    throw TuijieError(builder.problems);
  } catch (const Poco::Exception& e) {
    throw TuijieError(make_error("template-xml", "无法解析模板：" + e.displayText(),
                                 "cannot parse the template: " + e.displayText(), file));
  }
  if (!builder.problems.empty()) {
    throw TuijieError(builder.problems);
  }
  return std::move(builder.root);
}

Element parse_template_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw TuijieError(
        make_error("template-missing", "找不到模板文件", "template file not found", path));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_template_text(buffer.str(), path);
}

}  // namespace tuijie::templates
