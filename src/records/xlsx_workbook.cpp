#include "records/xlsx_workbook.hpp"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>

#include <map>
#include <optional>

namespace tuijie::records {
namespace {

using Poco::XML::Attributes;
using Poco::XML::XMLChar;
using Poco::XML::XMLString;

// A number format id as XLSX writes it: digits only. "14abc" is not 14 (a date) and "abc" is
// not 0 (General): either would silently change how a cell reads.
std::optional<int> format_id(const std::string& text) {
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(text);
}

class WorkbookHandler : public Poco::XML::DefaultHandler {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool too_many = false;

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes& attributes) override {
    if (local != "sheet") {
      return;
    }
    std::string id;
    for (int i = 0; i < attributes.getLength(); ++i) {
      // r:id, whatever prefix the relationships namespace has.
      const std::string& name = attributes.getQName(i);
      if (attributes.getLocalName(i) == "id" || name.ends_with(":id")) {
        id = attributes.getValue(i);
      }
    }
    if (sheets.size() >= kMaxSheets) {
      too_many = true;
      return;
    }
    sheets.emplace_back(xml_attribute(attributes, "name"), id);
  }
};

class RelationshipsHandler : public Poco::XML::DefaultHandler {
 public:
  std::map<std::string, std::string> targets;  // id -> target
  bool too_many = false;

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes& attributes) override {
    if (local == "Relationship" && targets.size() >= kMaxSheets * 2) {
      too_many = true;
    } else if (local == "Relationship") {
      targets[xml_attribute(attributes, "Id")] = xml_attribute(attributes, "Target");
    }
  }
};

class StylesHandler : public Poco::XML::DefaultHandler {
 public:
  std::map<int, std::string> custom_formats;  // numFmtId -> formatCode
  std::vector<int> cell_formats;              // numFmtId of each cellXfs/xf

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes& attributes) override {
    if (local == "numFmt") {
      if (std::optional<int> id = checked_id(attributes)) {
        custom_formats[*id] = xml_attribute(attributes, "formatCode");
      }
    } else if (local == "cellXfs") {
      in_cell_formats_ = true;
    } else if (local == "xf" && in_cell_formats_) {
      std::string text = xml_attribute(attributes, "numFmtId");
      cell_formats.push_back(text.empty() ? 0 : checked_id(attributes).value_or(0));
    }
  }
  void endElement(const XMLString&, const XMLString& local, const XMLString&) override {
    if (local == "cellXfs") {
      in_cell_formats_ = false;
    }
  }

  std::string bad_id;  // the first numFmtId that is not a number, if any

 private:
  std::optional<int> checked_id(const Attributes& attributes) {
    std::string text = xml_attribute(attributes, "numFmtId");
    std::optional<int> id = format_id(text);
    if (!id && bad_id.empty()) {
      bad_id = text.empty() ? "\"\"" : text;
    }
    return id;
  }

  bool in_cell_formats_ = false;  // cellStyleXfs holds xf elements too: they are not cell styles
};

// <si> items: plain <t>, or rich-text runs <r><t>..</t></r> joined; <rPh> phonetic guides
// (furigana) also hold <t> and are left out.
class SharedStringsHandler : public Poco::XML::DefaultHandler {
 public:
  SharedStrings strings;
  long too_long = -1;  // the first string (0-based) longer than a cell can be, if any

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Attributes&) override {
    if (local == "si") {
      strings.start_string();
    } else if (local == "rPh") {
      ++phonetic_depth_;
    } else if (local == "t" && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }
  void endElement(const XMLString&, const XMLString& local, const XMLString&) override {
    if (local == "rPh") {
      --phonetic_depth_;
    } else if (local == "t") {
      in_text_ = false;
    }
  }
  void characters(const XMLChar ch[], int start, int length) override {
    if (!in_text_ || strings.size() == 0) {
      return;
    }
    if (strings.last_size() + static_cast<std::size_t>(length) > kMaxCellTextBytes) {
      if (too_long < 0) {
        too_long = static_cast<long>(strings.size()) - 1;
      }
      return;
    }
    strings.append(ch + start, static_cast<std::size_t>(length));
  }

 private:
  int phonetic_depth_ = 0;
  bool in_text_ = false;
};

// A relationship target is relative to xl/ unless it starts with '/'.
std::string part_of_target(const std::string& target) {
  if (target.starts_with('/')) {
    return target.substr(1);
  }
  return "xl/" + target;
}

}  // namespace

std::string xml_attribute(const Attributes& attributes, const char* name) {
  for (int i = 0; i < attributes.getLength(); ++i) {
    if (attributes.getURI(i).empty() &&
        (attributes.getLocalName(i) == name || attributes.getQName(i) == name)) {
      return attributes.getValue(i);
    }
  }
  return {};
}

std::optional<Diagnostic> parse_xlsx_part(XlsxArchive& archive, const std::string& entry,
                                          Poco::XML::ContentHandler& handler, const bool* stop) {
  std::string xml_error;
  bool read = archive.read(
      entry,
      [&](std::istream& in) {
        Poco::XML::SAXParser parser;
        parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
        parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
        parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
        parser.setContentHandler(&handler);
        Poco::XML::InputSource source(in);
        try {
          parser.parse(&source);
        } catch (const Poco::Exception& e) {
          xml_error = e.displayText();
        }
      },
      stop);
  if (!read) {
    return archive.problem();
  }
  if (!xml_error.empty() && (stop == nullptr || !*stop)) {
    return make_error("bad-xlsx", "XLSX 部件 " + entry + " 不是有效的 XML：" + xml_error,
                      "the XLSX part " + entry + " is not valid XML: " + xml_error, "", entry);
  }
  return std::nullopt;
}

bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return true;  // built-in dates, including the East Asian ones (yyyy"年"m"月"d"日" ...)
  }
  if (id < 164) {
    return false;  // other built-ins: numbers, percentages, times
  }
  bool quoted = false;
  bool bracketed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\\') {
      ++i;  // an escaped literal character
    } else if (c == '[') {
      bracketed = true;
    } else if (c == ']') {
      bracketed = false;
    } else if (!bracketed && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) {
      return true;
    }
  }
  return false;
}

std::optional<Diagnostic> read_xlsx_workbook(XlsxArchive& archive, XlsxWorkbook& out) {
  WorkbookHandler workbook;
  if (auto problem = parse_xlsx_part(archive, "xl/workbook.xml", workbook)) {
    return problem;
  }
  RelationshipsHandler relationships;
  if (auto problem = parse_xlsx_part(archive, "xl/_rels/workbook.xml.rels", relationships)) {
    return problem;
  }
  if (workbook.too_many || relationships.too_many) {
    std::string limit = std::to_string(kMaxSheets);
    return make_error(
        "bad-xlsx", "XLSX 工作簿列出的工作表超过 " + limit + " 个，不是记录文件",
        "the XLSX workbook lists more than " + limit + " sheets; it is not a file of records", "");
  }
  for (const auto& [name, id] : workbook.sheets) {
    auto target = relationships.targets.find(id);
    if (target != relationships.targets.end()) {
      out.sheets.push_back({name, part_of_target(target->second)});
    }
  }
  if (archive.has("xl/sharedStrings.xml")) {
    SharedStringsHandler strings;
    if (auto problem = parse_xlsx_part(archive, "xl/sharedStrings.xml", strings)) {
      return problem;
    }
    if (strings.too_long >= 0) {
      std::string index = std::to_string(strings.too_long);
      return make_error("bad-xlsx",
                        "XLSX 共享字符串第 " + index +
                            " 项超过 Excel 单元格的上限 32767 个字符，不是 Excel 写出的文件",
                        "the XLSX shared string " + index +
                            " is longer than Excel's limit of 32,767 characters for a cell",
                        "", index);
    }
    out.shared_strings = std::move(strings.strings);
  }
  if (archive.has("xl/styles.xml")) {
    StylesHandler styles;
    if (auto problem = parse_xlsx_part(archive, "xl/styles.xml", styles)) {
      return problem;
    }
    if (!styles.bad_id.empty()) {
      return make_error("bad-xlsx",
                        "XLSX 部件 xl/styles.xml 的数字格式编号 " + styles.bad_id + " 不是整数",
                        "the number format id " + styles.bad_id +
                            " in the XLSX part xl/styles.xml is not a whole number",
                        "", styles.bad_id);
    }
    for (int id : styles.cell_formats) {
      auto custom = styles.custom_formats.find(id);
      out.date_styles.push_back(
          is_date_format(id, custom == styles.custom_formats.end() ? "" : custom->second));
    }
  }
  return std::nullopt;
}

}  // namespace tuijie::records
