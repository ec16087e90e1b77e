// Attribute values as the template language types them, converted once when the template is
// read (attribute_parser.hpp). Merging a record reads these; it never parses a string again.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tuijie::templates {

/// The types of the template language's attributes (template_language.hpp declares which
/// attribute has which).
enum class AttributeType {
  Integer,       // a whole number within [min, max]
  Number,        // a decimal number within [min, max]
  Choice,        // one of `values`
  Length,        // "12mm", "1.2cm", "10.5pt", "0.5in", a bare number of points; "2em" if `em`
  Lengths,       // 1, 2 or 4 lengths separated by spaces (margin="top right bottom left")
  ColumnWidths,  // lengths separated by spaces, at most one `*`
  Colour,        // "#RRGGBB" or "#RGB"
  FieldRef,      // a field name: "name", "resume.title", "campaign.dates.document"
  FieldList,     // field names separated by spaces ("district name")
  Options,       // texts separated by '|'
  Text,          // any text, used as written (a font role or style name is checked by merge/)
  Pattern,       // text with {field} and {field|format} placeholders; if `values` is not
                 // empty, a value without placeholders must be one of them
};

/// A length: points, plus a multiple of the font size for "2em" (known only when merging).
struct Length {
  double points = 0;
  double ems = 0;
  double pt(double em_size) const { return points + ems * em_size; }
};

/// Table column widths: lengths, and at most one `*` for the rest of the text block.
struct ColumnWidths {
  std::vector<double> widths;  // points; the `*` column holds 0
  std::optional<std::size_t> rest;
};

/// An sRGB colour, each component from 0 to 1 ("#1F3A93").
struct Colour {
  double r = 0, g = 0, b = 0;
};

/// One piece of a text with placeholders: literal text, or a {field|format} placeholder.
struct TextPiece {
  bool is_field = false;
  std::string text;    // the literal text, or the field name
  std::string format;  // after '|' in a placeholder; "" = as stored
};
/// "候选人申报表 {name}" as pieces, split once; merging only looks the fields up.
using TextPattern = std::vector<TextPiece>;

/// A parsed attribute: the text as written (for messages and tools) and its typed value.
struct AttributeValue {
  std::string written;
  std::variant<std::monostate, long, double, Length, std::vector<Length>, ColumnWidths, Colour,
               std::string, std::vector<std::string>, TextPattern>
      value;
};

}  // namespace tuijie::templates
