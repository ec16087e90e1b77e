// Font roles (song, hei, kai, fangsong, title, symbol, ...) mapped to fallback chains of faces,
// read from a manifest (fonts/fonts.xml, format in fonts/README.md). Loaded once per process.
//
// A chain is a list of slots. Each slot was chosen at load time from the manifest's
// candidate files (the first that exists), so a bureau's own 仿宋 dropped into fonts/ wins
// over the free substitute. The first slot of every chain (the role's own typeface) is opened
// when the manifest is read, so a broken user font is reported at once with the manifest
// line; the fallback slots (rare-character fonts of 20-30 MB) are opened on the first
// character that needs them. A face used by several roles, or by several FontSets, is opened
// once per process.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "fonts/font_face.hpp"

namespace tuijie::fonts {

class LazyFace;

/// The face chosen to draw one character.
struct ResolvedGlyph {
  const FontFace* face = nullptr;  // nullptr when no face of the chain has the character
  uint32_t glyph = 0;
  uint16_t advance = 0;  // in the face's font units
};

/// Faces tried in order for each character: the first face with a glyph draws it.
class FontChain {
 public:
  const std::string& role() const { return role_; }
  /// The role's name for people, as the manifest gives it ("仿宋"); the role name otherwise.
  const std::string& label() const { return label_; }

  /// The face that draws `cp`, its glyph id and advance. Opens a fallback face the first
  /// time a character needs it. Thread-safe, and lock-free once the faces are open: answers
  /// are kept in a small per-chain cache (layout asks for every character of every field).
  /// Throws TuijieError naming the manifest line when a fallback face cannot be opened.
  ResolvedGlyph resolve(char32_t cp) const;

  /// The role's own typeface (slot 0), always open.
  const FontFace& primary() const;

  /// Number of slots.
  std::size_t size() const { return slots_.size(); }
  /// The file and face index chosen for slot i.
  const std::string& path(std::size_t i) const;
  unsigned index(std::size_t i) const;
  /// Slot i's face if it has been opened already, else nullptr. Never opens anything.
  const FontFace* face_if_open(std::size_t i) const;
  /// Slot i's face, opened now if needed.
  const FontFace& face(std::size_t i) const;

 private:
  friend class FontSet;
  FontChain(std::string role, std::string label, std::vector<const LazyFace*> slots);

  ResolvedGlyph resolve_uncached(char32_t cp, unsigned& slot) const;

  std::string role_;
  std::string label_;
  std::vector<const LazyFace*> slots_;  // owned by the FontSet
  // Direct-mapped cache of resolve() answers, each packed into one atomic word.
  std::unique_ptr<std::atomic<uint64_t>[]> cache_;
};

class FontSet {
 public:
  /// Reads the manifest. Relative paths are taken against the manifest's folder; a slot may
  /// list several candidate files, the first that exists is used, so a user's own font
  /// dropped into fonts/ wins over the system substitute; an optional slot without any
  /// existing candidate is left out. Throws TuijieError listing every problem of the
  /// manifest, each with file, line and column, in Chinese and English: bad XML, unknown
  /// elements or attributes, a required slot none of whose candidates exists, a role's own
  /// typeface that cannot be opened.
  static std::shared_ptr<const FontSet> load(const std::string& manifest_path);

  /// The chain for a role, or nullptr when the manifest has no such role.
  const FontChain* chain(std::string_view role) const;
  /// Role names in manifest order.
  std::vector<std::string> roles() const;
  /// Human-readable notes, Chinese / English, one per role whose typeface is a stated
  /// substitute ("仿宋（fangsong）：未找到 fangsong.ttf，以 LXGW WenKai 代替 / ...").
  const std::vector<std::string>& substitutions() const;
  /// The same notes as warnings ("font-substitute", the manifest as file), of the given roles
  /// only (those a document uses), in manifest order.
  Diagnostics substitutions_for(const std::set<std::string>& roles) const;
  /// The manifest this set was read from.
  const std::string& manifest_path() const;

  /// Opens every face of every chain now (for checking an installation; layout never needs
  /// it). Throws like FontChain::resolve.
  void open_all() const;

  struct Impl;
  explicit FontSet(std::unique_ptr<Impl> impl);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tuijie::fonts
