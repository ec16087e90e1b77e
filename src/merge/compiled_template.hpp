// A template checked once per job: page set-up, named styles resolved to font chains, and
// every field name checked against the record kind. Merging a record into it is then cheap.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "layout/document_model.hpp"
#include "template/element.hpp"

namespace tuijie::merge {

/// A named style: its <style> element, whose typed attributes are the properties it sets;
/// unset properties inherit.
struct StyleSpec {
  templates::Element element;
};

/// Inside and after `<repeat records="…">`: the row's number (序号), the number of rows, and
/// "total." + field for the sum of a numeric field over the rows.
inline constexpr const char* kRowNumber = "row.number";
inline constexpr const char* kTotalRows = "total.rows";
inline constexpr const char* kTotalPrefix = "total.";

/// Every document's identity, given by the program that prints it: the document number
/// (TJ-2020-E-0007) and the short hash of the data printed.
inline constexpr const char* kDocumentNumber = "document.number";
inline constexpr const char* kDocumentHash = "document.hash";

/// A group or category above an option (from a reference tree such as 表格 2).
struct ChoiceNode {
  std::string code;  // "ITO.SW"
  std::string name;  // "软件研发外包"
};

/// One option of a choice field, as `<choices>` prints it without an `options` list.
struct ChoiceOption {
  std::string value;                  // as stored in the record: "ITO.SW.01", "男"
  std::string name;                   // as printed: "金融业"
  std::vector<ChoiceNode> ancestors;  // outermost first; empty for a flat list
};

struct CompiledTemplate {
  templates::Element root;
  layout::PageSetup page;  // the first <page>
  /// Every <page> by its size attribute ("A5", "A4 landscape"): a template may offer its
  /// document on several papers, each with its own margins.
  std::map<std::string, layout::PageSetup> papers;
  std::map<std::string, StyleSpec> styles;
  const fonts::FontSet* fonts = nullptr;
  /// Words no line breaks inside, for every paragraph and cell; null = none. Shared: one
  /// list serves every template of a job.
  std::shared_ptr<const text::UnbrokenTerms> terms;
  std::string kind;
  std::map<std::string, std::vector<ChoiceOption>> choices;  // from the FieldCatalog
  /// The font roles the template names (its styles and elements), and song, the base style's:
  /// whose substitutes a job reports.
  std::set<std::string> font_roles;
};

/// Field names a template may use: the record kind's fields ("name"), its list fields'
/// entries ("resume.title") and the campaign values ("campaign.name"). Empty = no check.
/// `choices` holds the options of the kind's choice fields, in the order to print them.
struct FieldCatalog {
  std::set<std::string> fields;
  std::map<std::string, std::vector<ChoiceOption>> choices;
  bool knows(const std::string& name) const {
    if (fields.empty() || fields.count(name) > 0)
      return true;
    // total.revenue: the sum of a field over a <repeat records>.
    return name.rfind(kTotalPrefix, 0) == 0 && fields.count(name.substr(6)) > 0;
  }
};

/// Inside `<repeat choices="…">`, the node being repeated is named by these fields.
inline constexpr const char* kChoiceCode = "choice.code";
inline constexpr const char* kChoiceName = "choice.name";
inline constexpr const char* kChoiceParent = "choice.parent";
inline constexpr const char* kChoiceParentCode = "choice.parent_code";

/// Throws TuijieError listing every problem with template file, line and column.
CompiledTemplate compile_template(templates::Element root, const fonts::FontSet& fonts,
                                  const FieldCatalog& catalog);

/// Resolves a style: defaults <- named style (attribute "style") <- element attributes.
layout::Style resolve_style(const CompiledTemplate& tpl, const templates::Element& element,
                            const layout::Style& inherited);

}  // namespace tuijie::merge
