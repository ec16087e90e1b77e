#include "pdf/font_usage.hpp"

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
    : face_(&face), slot_of_glyph_(face.glyph_count(), 0) {}

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

}  // namespace tuijie::pdf
