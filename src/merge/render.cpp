#include "merge/render.hpp"

#include <algorithm>
#include <filesystem>

#include "core/message_text.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "template/element.hpp"

namespace tuijie::merge {

// File names come from record values: keep them portable, unable to leave the folder, and
// free of anything that steers a terminal or the reading direction (a right-to-left override
// makes "gpj.exe" read "exe.jpg"): each such character is written as '_'.
std::string safe_file_name(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const unsigned char lead = static_cast<unsigned char>(name[i]);
    size_t length = lead < 0xC2 || lead > 0xF4 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    for (size_t k = 1; k < length; ++k) {
      if (i + k >= name.size() || (static_cast<unsigned char>(name[i + k]) & 0xC0) != 0x80)
        length = 1;  // a sequence cut short: its lead byte alone, shown as '_'
    }
    const std::string_view character = std::string_view(name).substr(i, length);
    i += character.size();
    if (character.size() == 1 &&
        std::string_view("/\\:*?\"<>|").find(character.front()) != std::string_view::npos) {
      out += '_';
    } else if (message_text::escape_controls(character) != character) {
      out += '_';  // a control, a bidi mark, or a byte that is not UTF-8
    } else {
      out += character;
    }
  }
  // A leading dot hides the file; separators at either end are what empty fields leave.
  auto trimmed = [](char c) { return c == '.' || c == ' ' || c == '-' || c == '_'; };
  while (!out.empty() && trimmed(out.front()))
    out.erase(0, 1);
  while (!out.empty() && trimmed(out.back()))
    out.pop_back();
  return out;
}

std::string document_file_name(const CompiledTemplate& tpl, const records::Record& record,
                               const std::map<std::string, std::string>& globals) {
  const templates::TextPattern& pattern = tpl.root.pattern("file-name");
  records::Record named = record;
  named.fields.emplace("key", record.key);
  std::string name = safe_file_name(substitute(pattern, named, globals));
  if (name.empty())
    name = safe_file_name(record.key);
  return (name.empty() ? std::string("document") : name) + ".pdf";
}

ComposedDocument compose(const CompiledTemplate& tpl, const records::Record& record,
                         const std::map<std::string, std::string>& globals,
                         const std::string& creation_date, const RecordSets* sets) {
  ComposedDocument out;
  layout::DocumentModel model = build_document(tpl, record, globals, out.diagnostics, sets);
  layout::LayoutResult laid = layout::layout_document(model);
  for (auto& d : laid.diagnostics)
    out.diagnostics.push_back(std::move(d));
  out.document.pages = std::move(laid.pages);
  out.document.bookmarks = std::move(laid.bookmarks);
  out.document.info = model.info;
  out.document.info.creator = "tuijie";
  out.document.info.producer = "tuijie (libharu)";
  out.document.info.creation_date = creation_date;
  auto number = globals.find(kDocumentNumber);
  auto hash = globals.find(kDocumentHash);
  if (number != globals.end() && hash != globals.end())
    mark_document(out.document.info, number->second, hash->second);
  out.file_name = document_file_name(tpl, record, globals);
  return out;
}

void mark_document(page::DocumentInfo& info, const std::string& number,
                   const std::string& short_hash) {
  info.keywords +=
      (info.keywords.empty() ? "" : " ") + std::string("tuijie:") + number + ":" + short_hash;
}

}  // namespace tuijie::merge
