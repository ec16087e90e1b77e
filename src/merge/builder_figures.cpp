// The document builder's photos and stamp zones: fixed boxes on the page.
#include "merge/builder.hpp"

#include "image/image.hpp"

namespace tuijie::merge {

layout::Photo Builder::photo(const Element& e) {
  layout::Photo p;
  p.width = e.length_pt("width");
  p.height = e.length_pt("height");
  const std::string& align = e.choice("align");
  p.align = align == "left"    ? text::Align::Left
            : align == "right" ? text::Align::Right
                               : text::Align::Center;
  std::string path = scope_.value(e.field("field"));
  if (!path.empty()) {
    const int dpi = static_cast<int>(e.integer("max-dpi"));
    try {
      p.image = image::prepare_for_print(path, p.width, p.height, dpi);
    } catch (const TuijieError& error) {
      for (Diagnostic d : error.diagnostics()) {
        d.record = record_name();
        d.column_name = e.field("field");
        diagnostics_.push_back(d);
      }
    }
  }
  return p;
}

layout::StampZone Builder::stamp(const Element& e, const layout::Style& style) const {
  layout::StampZone z;
  z.style = resolve_style(tpl_, e, style);
  z.label = expand(e.pattern("label"), scope_);
  z.signature = expand(e.pattern("signature"), scope_);
  z.date = expand(e.pattern("date"), scope_);
  z.width = e.length_pt("width");
  z.height = e.length_pt("height");
  z.guide = e.choice("guide") == "circle";
  z.seal_over = e.choice("seal") == "over";
  z.date_inset = e.length_pt("date-inset", z.style.size);
  z.keep_lines_before = static_cast<int>(e.integer("keep-lines-before"));
  z.keep_with_next = e.choice("keep-with-next") == "yes";
  return z;
}

}  // namespace tuijie::merge
