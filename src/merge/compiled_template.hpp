// A template checked once per job: page set-up, named styles resolved to font chains, and
// every field name checked against the record kind. Merging a record into it is then cheap.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "layout/document_model.hpp"
#include "template/element.hpp"

namespace tuijie::merge {

/// A style as the template writes it; unset properties inherit.
struct StyleSpec {
  std::map<std::string, std::string> properties;  // attribute name -> value
};

struct CompiledTemplate {
  templates::Element root;
  layout::PageSetup page;
  std::map<std::string, StyleSpec> styles;
  const fonts::FontSet* fonts = nullptr;
  std::string kind;
};

/// Field names a template may use: the record kind's fields ("name"), its list fields'
/// entries ("resume.title") and the campaign values ("campaign.name"). Empty = no check.
struct FieldCatalog {
  std::set<std::string> fields;
  bool knows(const std::string& name) const { return fields.empty() || fields.count(name) > 0; }
};

/// Throws TuijieError listing every problem with template file, line and column.
CompiledTemplate compile_template(templates::Element root, const fonts::FontSet& fonts,
                                  const FieldCatalog& catalog);

/// Resolves a style: defaults <- named style (attribute "style") <- element attributes.
layout::Style resolve_style(const CompiledTemplate& tpl, const templates::Element& element,
                            const layout::Style& inherited);

}  // namespace tuijie::merge
