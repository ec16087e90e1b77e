// The document builder's driver: the document's metadata and running text, then each block
// by its element. The parts it hands over to live in the builder_*.cpp files (builder.hpp).
#include "merge/document_builder.hpp"

#include "merge/builder.hpp"
#include "template/template_limits.hpp"

namespace tuijie::merge {

Builder::Builder(const CompiledTemplate& tpl, const Globals& globals, const records::Record& record,
                 const RecordSets* sets, Diagnostics& diagnostics)
    : tpl_(tpl),
      scope_{&record, globals},
      sets_(sets),
      diagnostics_(diagnostics),
      budget_(templates::kMaxExpansion, templates::kMaxTextBytes) {}

layout::DocumentModel Builder::build() {
  layout::DocumentModel model;
  model.page = tpl_.page;
  model.name = record_name();
  layout::Style base;
  base.terms = tpl_.terms.get();
  base.chain = tpl_.fonts->chain("song");
  if (!base.chain)
    base.chain = tpl_.fonts->chain(tpl_.fonts->roles().front());
  base_ = resolve_style(tpl_, tpl_.root, base);
  const Element& root = tpl_.root;
  model.info.title = expand(root.pattern("title"), scope_);
  model.info.subject = expand(root.pattern("subject"), scope_);
  model.info.keywords = expand(root.pattern("keywords"), scope_);
  model.info.author = expand(root.pattern("author"), scope_);
  model.tighten_to = root.number("tighten-to");
  for (const Element& child : root.children) {
    if (child.name == "qr") {
      const std::string& pages = child.choice("pages");
      model.qr = layout::QrMark{expand(child.pattern("data"), scope_), child.length_pt("size"),
                                child.choice("side") == "left",
                                pages == "first"  ? layout::QrMark::Pages::First
                                : pages == "last" ? layout::QrMark::Pages::Last
                                                  : layout::QrMark::Pages::Folioed};
      if (expand(child.pattern("print"), scope_) == "no")
        model.qr->data.clear();  // --no-mark: no code at all
    } else if (child.name == "footer" || child.name == "header") {
      in_furniture_ = true;
      const std::string running_text = inline_text(child);
      in_furniture_ = false;
      budget_.spend_text(running_text.size(), child);
      layout::PageFurniture f{resolve_style(tpl_, child, base_), running_text,
                              child.choice("side") == "outer"};
      const std::string& pages = child.choice("pages");
      f.sides = pages == "odd"           ? layout::PageSides::Odd
                : pages == "even"        ? layout::PageSides::Even
                : pages == "after-first" ? layout::PageSides::AfterFirst
                                         : layout::PageSides::All;
      if (child.has("offset"))
        f.offset = child.length_pt("offset");
      f.inset = child.length_pt("inset", f.style.size);
      f.skip_section_openings = child.choice("section-openings") == "skip";
      (child.name == "footer" ? model.footers : model.headers).push_back(f);
    } else {
      add_block(child, base_, model.blocks);
    }
  }
  fill_contents(model.blocks);
  return model;
}

std::string Builder::record_name() const {
  std::string name = scope_.record->get("name");
  return name.empty() ? scope_.record->key : scope_.record->key + " " + name;
}

bool Builder::condition_holds(const Element& when) const {
  std::string value = scope_.value(when.field("field"));
  if (when.has("equals"))
    return value == when.text_value("equals");
  if (when.has("not-equals"))
    return value != when.text_value("not-equals");
  if (when.has("absent"))
    return value.empty();
  return !value.empty();  // "present", or no test at all
}

void Builder::add_block(const Element& e, const layout::Style& inherited, Blocks& out) {
  if (e.is_text())
    return;
  budget_.spend(1, e);
  if (e.name == "p") {
    out.push_back(paragraph(e, resolve_style(tpl_, e, inherited)));
  } else if (e.name == "table") {
    add_table(e, inherited, out);
  } else if (e.name == "photo") {
    out.push_back(photo(e));
  } else if (e.name == "stamp") {
    out.push_back(stamp(e, inherited));
  } else if (e.name == "choices") {
    out.push_back(choice_columns(e, inherited));
  } else if (e.name == "rule") {
    out.push_back(rule(e));
  } else if (e.name == "spacer") {
    out.push_back(layout::Spacer{e.length_pt("height")});
  } else if (e.name == "page-break") {
    out.push_back(layout::PageBreak{e.choice("start") == "right"});
  } else if (e.name == "repeat") {  // among blocks: <repeat records>
    add_record_blocks(e, inherited, out);
  } else if (e.name == "section") {
    add_section(e, inherited, out);
  } else if (e.name == "page-numbering") {
    out.push_back(layout::FolioStart{static_cast<int>(e.integer("start"))});
  } else if (e.name == "contents") {
    add_contents(e, inherited, out);
  } else if (e.name == "when") {
    if (condition_holds(e)) {
      for (const Element& child : e.children)
        add_block(child, inherited, out);
    }
  }
}

layout::DocumentModel build_document(const CompiledTemplate& tpl, const records::Record& record,
                                     const Globals& globals, Diagnostics& diagnostics,
                                     const RecordSets* sets) {
  return Builder(tpl, globals, record, sets, diagnostics).build();
}

}  // namespace tuijie::merge
