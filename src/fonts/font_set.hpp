// Font roles (song, hei, kai, fangsong, title, symbol, ...) mapped to fallback chains of faces,
// read from a manifest (fonts/fonts.xml). Loaded once per process.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_face.hpp"

namespace tuijie::fonts {

/// Faces tried in order for each character: the first face with a glyph draws it.
struct FontChain {
  std::string role;
  std::vector<std::shared_ptr<const FontFace>> faces;
  /// The face that draws `cp` and its glyph id; {nullptr, 0} when no face of the chain has it.
  std::pair<const FontFace*, uint32_t> resolve(char32_t cp) const;
};

class FontSet {
 public:
  /// Reads the manifest. Relative paths are taken against the manifest's folder; a role may
  /// list several candidate files for the same slot, the first that exists is used, so a
  /// user's own font dropped into fonts/ wins over the system substitute. Throws TuijieError
  /// naming the manifest line when no candidate of a required slot exists.
  static std::shared_ptr<const FontSet> load(const std::string& manifest_path);

  /// The chain for a role, or nullptr when the manifest has no such role.
  const FontChain* chain(std::string_view role) const;
  std::vector<std::string> roles() const;
  /// Human-readable notes, one per role that uses a substitute ("仿宋 → LXGW WenKai").
  const std::vector<std::string>& substitutions() const;

  struct Impl;
  explicit FontSet(std::unique_ptr<Impl> impl);
  ~FontSet();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tuijie::fonts
