#include "pdf/font_usage.hpp"

#include <hb.h>

#include <string>
#include <unordered_map>

#include "core/diagnostic.hpp"

namespace tuijie::pdf {
namespace {

[[noreturn]] void bad_input(const std::string& zh, const std::string& en,
                            const std::string& file = {}) {
  throw TuijieError(make_error("pdf-input", zh, en, file));
}

}  // namespace

FontUsage::FontUsage(const fonts::FontFace& face)
    : face_(&face), slot_of_glyph_(hb_face_get_glyph_count(face.hb_face()), 0) {}

void FontUsage::add(uint32_t glyph, char32_t character) {
  if (glyph == 0 || glyph >= slot_of_glyph_.size()) {
    bad_input("字形编号 " + std::to_string(glyph) + " 不是字体中可显示的字形（排版错误）",
              "glyph id " + std::to_string(glyph) +
                  " is not a drawable glyph of the font (a layout error)",
              face_->path());
  }
  uint16_t slot = slot_of_glyph_[glyph];
  if (slot == 0) {
    glyphs_.push_back(glyph);
    characters_.push_back(character);
    slot_of_glyph_[glyph] = static_cast<uint16_t>(glyphs_.size());
  } else if (character != 0 && character != characters_[slot - 1]) {
    if (characters_[slot - 1] == 0) {
      characters_[slot - 1] = character;
    } else if (alias_of(glyph, character) < 0) {
      aliases_.push_back({glyph, character});
    }
  }
}

int FontUsage::alias_of(uint32_t glyph, char32_t character) const {
  for (size_t i = 0; i < aliases_.size(); ++i) {
    if (aliases_[i].glyph == glyph && aliases_[i].character == character) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<FontUsage> collect_font_usage(const page::PagedDocument& doc) {
  std::vector<FontUsage> usages;
  std::unordered_map<const fonts::FontFace*, size_t> index_of_face;
  for (const page::Page& page : doc.pages) {
    for (const page::Item& item : page.items) {
      const auto* run = std::get_if<page::GlyphRun>(&item);
      if (!run || run->glyphs.empty()) {
        continue;
      }
      if (!run->face) {
        bad_input("文字段没有字体（排版错误）", "a glyph run has no font (a layout error)");
      }
      if (!run->text.empty() && run->text.size() != run->glyphs.size()) {
        bad_input("文字段的字形与字符数目不一致（排版错误）",
                  "a glyph run has a different number of glyphs and characters (a layout "
                  "error)",
                  run->face->path());
      }
      auto [it, inserted] = index_of_face.try_emplace(run->face, usages.size());
      if (inserted) {
        usages.emplace_back(*run->face);
      }
      FontUsage& usage = usages[it->second];
      for (size_t i = 0; i < run->glyphs.size(); ++i) {
        usage.add(run->glyphs[i], run->text.empty() ? 0 : run->text[i]);
      }
    }
  }
  return usages;
}

}  // namespace tuijie::pdf
