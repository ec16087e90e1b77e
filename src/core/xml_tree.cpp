#include "core/xml_tree.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <fstream>
#include <sstream>

namespace tuijie::xml {

const std::string* Node::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key)
      return &v;
  }
  return nullptr;
}

namespace {

// Builds the tree as the SAX parser reports it, each node placed where it starts.
class TreeBuilder : public Poco::XML::DefaultHandler {
 public:
  explicit TreeBuilder(const TreeOptions& options) : options_(options) {}

  Tree tree;

  void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString& qname,
                    const Poco::XML::Attributes& attributes) override {
    if (skipped_depth_ > 0) {
      ++skipped_depth_;
      return;
    }
    if (options_.max_depth > 0 && open_.size() >= options_.max_depth) {
      if (tree.too_deep_line == 0)
        place(tree.too_deep_line, tree.too_deep_column);
      skipped_depth_ = 1;
      return;
    }
    Node node;
    node.name = name_of(local_name, qname);
    for (int i = 0; i < attributes.getLength(); ++i) {
      node.attributes.emplace_back(name_of(attributes.getLocalName(i), attributes.getQName(i)),
                                   attributes.getValue(i));
    }
    place(node.line, node.column);
    open_.push_back(std::move(node));
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString&) override {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      return;
    }
    Node node = std::move(open_.back());
    open_.pop_back();
    if (open_.empty())
      tree.root = std::move(node);
    else
      open_.back().children.push_back(std::move(node));
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (!options_.keep_text || open_.empty() || skipped_depth_ > 0)
      return;
    Node& parent = open_.back();
    std::string chunk(ch + start, static_cast<size_t>(length));
    // Expat delivers text in pieces; adjacent ones are one node.
    if (!parent.children.empty() && parent.children.back().is_text()) {
      parent.children.back().text += chunk;
      return;
    }
    Node text;
    text.name = "#text";
    text.text = std::move(chunk);
    place(text.line, text.column);
    parent.children.push_back(std::move(text));
  }

 private:
  std::string name_of(const std::string& local, const std::string& qualified) const {
    return options_.namespaces && !local.empty() ? local : qualified;
  }

  void place(int& line, int& column) const {
    if (!locator_)
      return;
    line = locator_->getLineNumber();
    column = locator_->getColumnNumber() + 1;  // Expat counts columns from 0, editors from 1
  }

  const TreeOptions& options_;
  const Poco::XML::Locator* locator_ = nullptr;
  std::vector<Node> open_;         // the path from the root to the element being read
  std::size_t skipped_depth_ = 0;  // open elements below the depth limit
};

}  // namespace

Tree parse_xml_text(const std::string& xml, const std::string& file, const TreeOptions& options,
                    const XmlErrors& errors) {
  TreeBuilder builder(options);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, options.namespaces);
  parser.setContentHandler(&builder);
  try {
    parser.parseString(xml);
  } catch (const Poco::XML::SAXParseException& e) {
    // Poco appends its own 0-based "in line L column C"; the place is given 1-based below.
    const std::string what = e.message().substr(0, e.message().find(" in line "));
    Diagnostic d = make_error(errors.code, errors.zh + what, errors.en + what, file);
    d.row = e.getLineNumber();
    d.column = e.getColumnNumber() + 1;
    throw TuijieError(d);
  } catch (const Poco::Exception& e) {
    throw TuijieError(
        make_error(errors.code, errors.zh + e.displayText(), errors.en + e.displayText(), file));
  }
  return std::move(builder.tree);
}

Tree parse_xml_file(const std::string& path, const TreeOptions& options, const XmlErrors& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw TuijieError(make_error(Category::MissingInput, errors.unreadable_code,
                                 errors.unreadable_zh, errors.unreadable_en, path));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_xml_text(buffer.str(), path, options, errors);
}

}  // namespace tuijie::xml
