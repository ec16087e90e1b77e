// Reads a template: the XML tree with positions (core/xml_tree.hpp), checked against the
// template language and converted into elements whose attributes are typed values.
#include "core/xml_tree.hpp"
#include "template/element.hpp"
#include "template/template_language.hpp"
#include "template/template_limits.hpp"

namespace tuijie::templates {
namespace {

const xml::XmlErrors kXmlErrors = {
    "template-xml",     "模板不是格式正确的 XML：", "the template is not well-formed XML: ",
    "template-missing", "找不到模板文件",           "template file not found"};

xml::TreeOptions tree_options() {
  xml::TreeOptions options;
  options.max_depth = kMaxNestingDepth;
  return options;
}

// Converts the tree, checking each element against the language as it goes, so that every
// problem of the file is collected in one pass, in the order they stand in the file.
class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  Diagnostics problems;

  Element convert(const xml::Node& node, const Element* parent) {
    Element e;
    e.name = node.name;
    e.pos = place(node);
    check(e, parent);
    for (const auto& [key, value] : node.attributes)
      add_attribute(e, key, value);
    const ElementRule* rule = rule_for(e.name);
    const bool text_allowed = rule && rule->children.count("#text");
    for (const xml::Node& child : node.children) {
      if (!child.is_text()) {
        e.children.push_back(convert(child, &e));
        continue;
      }
      const bool blank = child.text.find_first_not_of(" \t\r\n") == std::string::npos;
      if (blank && !text_allowed)
        continue;  // indentation between block elements
      Element t;
      t.name = "#text";
      t.text = child.text;
      t.pos = place(child);
      if (!text_allowed && rule) {
        problems.push_back(t.error("template-text", "元素 <" + e.name + "> 中不能直接写文字",
                                   "text is not allowed directly inside <" + e.name + ">"));
      }
      e.children.push_back(std::move(t));
    }
    return e;
  }

  // Once per template: every element below the limit was left out, the first one is named.
  void report_too_deep(int line, int column) {
    const std::string limit = std::to_string(kMaxNestingDepth);
    Diagnostic d = make_error(
        "template-too-deep", "模板元素嵌套超过 " + limit + " 层（<document> 为第 1 层）",
        "template elements are nested more than " + limit + " deep (<document> is level 1)", file_);
    d.row = line;
    d.column = column;
    problems.push_back(d);
  }

 private:
  SourcePos place(const xml::Node& node) const { return {file_, node.line, node.column}; }

  void check(const Element& e, const Element* parent) {
    const ElementRule* rule = rule_for(e.name);
    if (!rule) {
      problems.push_back(e.error("template-unknown-element", "未知的模板元素 <" + e.name + ">",
                                 "unknown template element <" + e.name + ">"));
      return;
    }
    if (!parent && e.name != "document") {
      problems.push_back(e.error("template-root", "模板的根元素必须是 <document>",
                                 "the template's root element must be <document>"));
    }
    if (parent) {
      const ElementRule* parent_rule = rule_for(parent->name);
      if (parent_rule && !parent_rule->children.count(e.name)) {
        problems.push_back(
            e.error("template-nesting", "<" + e.name + "> 不能放在 <" + parent->name + "> 中",
                    "<" + e.name + "> is not allowed inside <" + parent->name + ">"));
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
};

Element checked(const xml::Tree& tree, const std::string& file) {
  Checker checker(file);
  Element root = checker.convert(tree.root, nullptr);
  if (tree.too_deep_line > 0)
    checker.report_too_deep(tree.too_deep_line, tree.too_deep_column);
  if (!checker.problems.empty())
    throw TuijieError(checker.problems);
  return root;
}

}  // namespace

Element parse_template_text(const std::string& xml, const std::string& file) {
  return checked(xml::parse_xml_text(xml, file, tree_options(), kXmlErrors), file);
}

Element parse_template_file(const std::string& path) {
  return checked(xml::parse_xml_file(path, tree_options(), kXmlErrors), path);
}

}  // namespace tuijie::templates
