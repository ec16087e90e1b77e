#include "fonts/font_set.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

#include "core/diagnostic.hpp"
#include "core/xml_tree.hpp"

namespace tuijie::fonts {

namespace fs = std::filesystem;

// One face of the manifest (a file and a face index), opened on first use. Several chains of a
// FontSet share one LazyFace; several FontSets share the FontFace through face_cache().
class LazyFace {
 public:
  LazyFace(std::string path, unsigned index, Diagnostic place)
      : path_(std::move(path)), index_(index), place_(std::move(place)) {}

  const std::string& path() const { return path_; }
  unsigned index() const { return index_; }
  /// The manifest file, line and column of the <file> element, for errors.
  const Diagnostic& place() const { return place_; }
  const FontFace* if_open() const { return face_.load(std::memory_order_acquire); }

  const FontFace& get() const {
    if (const FontFace* face = if_open()) {
      return *face;
    }
    return open();
  }

 private:
  const FontFace& open() const;

  std::string path_;  // canonical
  unsigned index_;
  Diagnostic place_;  // manifest file, line and column of the <file> element, for errors
  mutable std::mutex mutex_;
  mutable std::atomic<const FontFace*> face_{nullptr};
  mutable std::shared_ptr<const FontFace> holder_;
};

namespace {

// ---------------------------------------------------------------------------------------------
// Process-wide cache: each (file, face index) is parsed once, however many roles and FontSets
// use it. Weak references, so faces go away with the last FontSet that uses them.

std::shared_ptr<const FontFace> open_shared(const std::string& canonical_path, unsigned index) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, unsigned>, std::weak_ptr<const FontFace>> cache;
  std::lock_guard lock(mutex);
  auto& entry = cache[{canonical_path, index}];
  if (auto face = entry.lock()) {
    return face;
  }
  auto face = FontFace::open(canonical_path, index);
  entry = face;
  return face;
}

// ---------------------------------------------------------------------------------------------
// The manifest as a small element tree that remembers where each element starts.

using Element = xml::Node;

// ---------------------------------------------------------------------------------------------
// Reading the manifest.

// A stated substitute that was chosen: written up once the faces of the roles are open, so
// that the note can give the family name.
struct Substitution {
  std::string owner;                   // role label or fallback list name
  std::string owner_name;              // the role's or list's name: fangsong
  std::vector<std::string> not_found;  // the candidates before it, as the manifest wrote them
  const LazyFace* face = nullptr;
};

class ManifestReader {
 public:
  explicit ManifestReader(std::string manifest_path)
      : manifest_path_(std::move(manifest_path)), folder_(fs::path(manifest_path_).parent_path()) {}

  Element parse() {
    static const xml::XmlErrors errors = {"font-manifest-xml",
                                          "字体清单不是合法的 XML：",
                                          "the font manifest is not well-formed XML: ",
                                          "font-manifest-unreadable",
                                          "无法读取字体清单文件",
                                          "cannot read the font manifest"};
    xml::TreeOptions options;
    options.namespaces = true;
    options.keep_text = false;
    return xml::parse_xml_file(manifest_path_, options, errors).root;
  }

  Diagnostic at(const Element& e, std::string code, std::string zh, std::string en,
                std::string value = {}) const {
    Diagnostic d =
        make_error(std::move(code), std::move(zh), std::move(en), manifest_path_, std::move(value));
    d.row = e.line;
    d.column = e.column;
    return d;
  }

  // Every attribute must be one the element knows; misspelt ones are reported, not ignored.
  void check_attributes(const Element& e, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : e.attributes) {
      bool ok = false;
      for (auto k : known) {
        ok = ok || k == key;
      }
      if (!ok) {
        problems_.push_back(at(e, "font-manifest-attribute", "<" + e.name + "> 没有属性 " + key,
                               "<" + e.name + "> has no attribute " + key, key));
      }
    }
  }

  const std::string* required_attribute(const Element& e, std::string_view key) {
    const std::string* value = e.attribute(key);
    if (!value || value->empty()) {
      problems_.push_back(at(e, "font-manifest-attribute",
                             "<" + e.name + "> 缺少属性 " + std::string(key),
                             "<" + e.name + "> lacks the attribute " + std::string(key)));
      return nullptr;
    }
    return value;
  }

  static bool is_true(const Element& e, std::string_view key) {
    const std::string* v = e.attribute(key);
    return v && (*v == "true" || *v == "yes" || *v == "1");
  }

  // Chooses the first existing candidate of a <face> slot. Returns nullptr when none exists
  // (an error unless the slot is optional). `owner_label` names the role or fallback list in
  // notes, `owner_zh` and `owner_en` in errors.
  const LazyFace* choose(const Element& slot, const std::string& owner_name,
                         const std::string& owner_label, const std::string& owner_zh,
                         const std::string& owner_en) {
    check_attributes(slot, {"optional", "name"});
    bool optional = is_true(slot, "optional");
    std::vector<std::string> not_found;
    for (const Element& file : slot.children) {
      if (file.name != "file") {
        problems_.push_back(at(file, "font-manifest-element",
                               "<face> 中只能有 <file>，不能有 <" + file.name + ">",
                               "<face> may hold only <file>, not <" + file.name + ">"));
        continue;
      }
      check_attributes(file, {"path", "index", "substitute"});
      const std::string* path = required_attribute(file, "path");
      if (!path) {
        continue;
      }
      unsigned index = 0;
      if (const std::string* text = file.attribute("index")) {
        try {
          std::size_t used = 0;
          unsigned long v = std::stoul(*text, &used);
          if (used != text->size() || v > 0xffff) {
            throw std::invalid_argument(*text);
          }
          index = static_cast<unsigned>(v);
        } catch (const std::exception&) {
          problems_.push_back(at(file, "font-manifest-attribute", "index 必须是非负整数",
                                 "index must be a whole number ≥ 0", *text));
          continue;
        }
      }
      fs::path candidate(*path);
      if (candidate.is_relative()) {
        candidate = folder_ / candidate;
      }
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec)) {
        not_found.push_back(*path);
        continue;
      }
      const LazyFace* face = intern(fs::canonical(candidate, ec).string(), index, file);
      if (is_true(file, "substitute")) {
        substitutions_.push_back({owner_label, owner_name, not_found, face});
      }
      return face;
    }
    if (!optional) {
      std::string tried;
      for (const auto& p : not_found) {
        tried += (tried.empty() ? "" : ", ") + p;
      }
      // A font that is not there is missing input (exit 66), whatever else is wrong.
      Diagnostic missing =
          tried.empty()
              ? at(slot, "font-missing", owner_zh + "必需的字体没有可用的文件",
                   "a required font of " + owner_en + " has no usable file")
              : at(slot, "font-missing", owner_zh + "必需的字体一个也找不到，已找过：" + tried,
                   "none of the files of a required font of " + owner_en +
                       " exists; tried: " + tried,
                   tried);
      missing.category = Category::MissingInput;
      problems_.push_back(std::move(missing));
    }
    return nullptr;
  }

  // "仿宋（fangsong）：未找到 fangsong.ttf，以 LXGW WenKai 代替 / 仿宋（fangsong）: ...".
  struct Note {
    std::string owner, zh, en;
  };
  std::vector<Note> substitution_notes() const {
    std::vector<Note> notes;
    for (const Substitution& s : substitutions_) {
      std::string wanted;
      for (const auto& p : s.not_found) {
        wanted += (wanted.empty() ? "" : ", ") + p;
      }
      std::string name = fs::path(s.face->path()).filename().string();
      if (const FontFace* open = s.face->if_open()) {
        name = open->family_name();
        // The weight tells a stand-in apart: "Noto Serif CJK SC Bold" for 小标宋.
        const std::string& ps = open->postscript_name();
        auto dash = ps.rfind('-');
        if (dash != std::string::npos && ps.substr(dash + 1) != "Regular") {
          name += " " + ps.substr(dash + 1);
        }
      }
      if (wanted.empty()) {
        notes.push_back({s.owner_name, s.owner + "：以 " + name + " 代替",
                         s.owner + ": substituted by " + name});
      } else {
        notes.push_back({s.owner_name, s.owner + "：未找到 " + wanted + "，以 " + name + " 代替",
                         s.owner + ": " + wanted + " not found, substituted by " + name});
      }
    }
    return notes;
  }

  const LazyFace* intern(const std::string& canonical_path, unsigned index, const Element& file) {
    auto& slot = faces_[{canonical_path, index}];
    if (!slot) {
      slot = std::make_unique<LazyFace>(
          canonical_path, index,
          at(file, "font-unreadable", "", "", canonical_path + "#" + std::to_string(index)));
    }
    return slot.get();
  }

  std::vector<Diagnostic>& problems() { return problems_; }
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<LazyFace>>& faces() { return faces_; }
  const std::string& manifest_path() const { return manifest_path_; }

 private:
  std::string manifest_path_;
  fs::path folder_;
  std::vector<Diagnostic> problems_;
  std::vector<Substitution> substitutions_;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<LazyFace>> faces_;
};

}  // namespace

namespace {

// The font's own reasons, placed at the manifest line that named the file.
Diagnostics placed_at(const Diagnostic& place, const TuijieError& e) {
  Diagnostics diagnostics;
  for (const Diagnostic& d : e.diagnostics()) {
    Diagnostic placed = place;
    placed.code = d.code;
    placed.category = d.category;
    placed.reason_zh = "字体清单所列的字体无法使用：" + d.reason_zh;
    placed.reason_en = "a font the manifest names cannot be used: " + d.reason_en;
    diagnostics.push_back(std::move(placed));
  }
  return diagnostics;
}

}  // namespace

const FontFace& LazyFace::open() const {
  std::lock_guard lock(mutex_);
  if (const FontFace* face = face_.load(std::memory_order_relaxed)) {
    return *face;
  }
  try {
    holder_ = open_shared(path_, index_);
  } catch (const TuijieError& e) {
    throw TuijieError(placed_at(place_, e));
  }
  face_.store(holder_.get(), std::memory_order_release);
  return *holder_;
}

// ---------------------------------------------------------------------------------------------
// FontChain

namespace {

// A resolve() answer in one 64-bit word, so that threads share the cache without locks:
// bits 0-20 the code point + 1 (0 = empty), 21-25 the slot (31 = no face has it), 26-41 the
// glyph id, 42-57 the advance. TrueType glyph ids and advances fit in 16 bits.
constexpr unsigned kCacheBits = 12;  // 4096 entries, 32 KB per chain
constexpr uint64_t kNoSlot = 31;
constexpr uint64_t kCodeMask = (uint64_t{1} << 21) - 1;

uint64_t pack(char32_t cp, uint64_t slot, uint32_t glyph, uint16_t advance) {
  return (uint64_t{cp} + 1) | slot << 21 | uint64_t{glyph} << 26 | uint64_t{advance} << 42;
}

std::size_t bucket_of(char32_t cp) {
  // Fibonacci hashing spreads neighbouring code points (common ideographs) over the table.
  return static_cast<uint32_t>(cp * 2654435761u) >> (32 - kCacheBits);
}

}  // namespace

FontChain::FontChain(std::string role, std::string label, std::vector<const LazyFace*> slots)
    : role_(std::move(role)),
      label_(std::move(label)),
      slots_(std::move(slots)),
      cache_(std::make_unique<std::atomic<uint64_t>[]>(std::size_t{1} << kCacheBits)) {}

ResolvedGlyph FontChain::resolve(char32_t cp) const {
  if (cp > 0x10FFFF) {
    return {};
  }
  std::atomic<uint64_t>& entry = cache_[bucket_of(cp)];
  const uint64_t packed = entry.load(std::memory_order_acquire);
  if ((packed & kCodeMask) == uint64_t{cp} + 1) {
    const uint64_t slot = (packed >> 21) & 31;
    if (slot == kNoSlot) {
      return {};
    }
    return {&slots_[slot]->get(), static_cast<uint32_t>((packed >> 26) & 0xFFFF),
            static_cast<uint16_t>(packed >> 42)};
  }
  unsigned slot = 0;
  ResolvedGlyph resolved = resolve_uncached(cp, slot);
  if (!resolved.face) {
    entry.store(pack(cp, kNoSlot, 0, 0), std::memory_order_release);
  } else if (slot < kNoSlot && resolved.glyph <= 0xFFFF) {
    entry.store(pack(cp, slot, resolved.glyph, resolved.advance), std::memory_order_release);
  }
  return resolved;
}

ResolvedGlyph FontChain::resolve_uncached(char32_t cp, unsigned& slot) const {
  for (slot = 0; slot < slots_.size(); ++slot) {
    const FontFace& face = slots_[slot]->get();
    if (uint32_t glyph = face.glyph_for(cp)) {
      return {&face, glyph, face.advance(glyph)};
    }
  }
  return {};
}

const FontFace& FontChain::primary() const {
  return slots_.front()->get();
}
const std::string& FontChain::path(std::size_t i) const {
  return slots_.at(i)->path();
}
unsigned FontChain::index(std::size_t i) const {
  return slots_.at(i)->index();
}
const FontFace* FontChain::face_if_open(std::size_t i) const {
  return slots_.at(i)->if_open();
}
const FontFace& FontChain::face(std::size_t i) const {
  return slots_.at(i)->get();
}

// ---------------------------------------------------------------------------------------------
// FontSet

struct FontSet::Impl {
  std::string manifest_path;
  std::vector<std::unique_ptr<LazyFace>> faces;
  std::vector<FontChain> chains;
  std::vector<std::string> substitutions;  // "zh / en"
  struct OwnedNote {
    std::string owner;  // the role (or fallback list) whose face is a substitute
    std::string zh, en;
  };
  std::vector<OwnedNote> substitution_notes;
};

FontSet::FontSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSet::~FontSet() = default;

std::shared_ptr<const FontSet> FontSet::load(const std::string& manifest_path) {
  ManifestReader reader(manifest_path);
  Element root = reader.parse();
  auto& problems = reader.problems();
  if (root.name != "fonts") {
    throw TuijieError(reader.at(root, "font-manifest-element", "字体清单的根元素应为 <fonts>",
                                "the font manifest's root element must be <fonts>", root.name));
  }
  reader.check_attributes(root, {});

  auto impl = std::make_unique<Impl>();
  impl->manifest_path = manifest_path;

  // Named fallback lists first, so roles may refer to lists written after them.
  std::map<std::string, std::vector<const LazyFace*>> fallbacks;
  // Missing faces of fallback lists (problem, list), named with the roles that use the list
  // once the roles are read.
  std::vector<std::pair<std::size_t, std::string>> missing_in_list;
  std::map<std::string, std::vector<std::string>> roles_of_list;
  // Each chosen face with the roles that use it, in order of first use; primary if it is a
  // role's own typeface.
  struct FaceUse {
    const LazyFace* face;
    std::vector<std::string> roles;
    bool primary = false;
  };
  std::vector<FaceUse> uses;
  auto used_by = [&uses](const LazyFace* face, const std::string& role, bool primary) {
    for (FaceUse& use : uses) {
      if (use.face == face) {
        if (use.roles.empty() || use.roles.back() != role)
          use.roles.push_back(role);
        use.primary = use.primary || primary;
        return;
      }
    }
    uses.push_back({face, {role}, primary});
  };
  for (const Element& list : root.children) {
    if (list.name != "fallback") {
      continue;
    }
    reader.check_attributes(list, {"name"});
    const std::string* name = reader.required_attribute(list, "name");
    if (!name) {
      continue;
    }
    if (fallbacks.count(*name)) {
      problems.push_back(reader.at(list, "font-manifest-duplicate", "后备字体列表重名：" + *name,
                                   "a fallback list of this name already exists: " + *name, *name));
      continue;
    }
    auto& faces = fallbacks[*name];
    for (const Element& slot : list.children) {
      if (slot.name != "face") {
        problems.push_back(reader.at(slot, "font-manifest-element",
                                     "<fallback> 中只能有 <face>，不能有 <" + slot.name + ">",
                                     "<fallback> may hold only <face>, not <" + slot.name + ">"));
        continue;
      }
      const std::size_t known = problems.size();
      if (const LazyFace* face = reader.choose(slot, *name, *name, "后备字体列表 " + *name + " ",
                                               "the fallback list " + *name)) {
        faces.push_back(face);
      }
      for (std::size_t k = known; k < problems.size(); ++k) {
        if (problems[k].code == "font-missing")
          missing_in_list.emplace_back(k, *name);
      }
    }
  }

  std::set<std::string> role_names;
  for (const Element& role : root.children) {
    if (role.name == "fallback") {
      continue;
    }
    if (role.name != "role") {
      problems.push_back(reader.at(role, "font-manifest-element",
                                   "字体清单中不能有 <" + role.name + ">",
                                   "the font manifest may not hold <" + role.name + ">"));
      continue;
    }
    reader.check_attributes(role, {"name", "label"});
    const std::string* name = reader.required_attribute(role, "name");
    if (!name) {
      continue;
    }
    if (!role_names.insert(*name).second) {
      problems.push_back(reader.at(role, "font-manifest-duplicate", "字体角色重名：" + *name,
                                   "a role of this name already exists: " + *name, *name));
      continue;
    }
    const std::string* label_attr = role.attribute("label");
    std::string label = label_attr ? *label_attr + "（" + *name + "）" : *name;

    std::vector<const LazyFace*> slots;
    auto add = [&slots](const LazyFace* face) {
      // A face already in the chain can never draw a character the first one did not.
      for (const LazyFace* s : slots) {
        if (s == face) {
          return;
        }
      }
      slots.push_back(face);
    };
    bool primary_missing = false;
    for (const Element& child : role.children) {
      if (child.name == "face") {
        const LazyFace* face =
            reader.choose(child, *name, label, "字体角色 " + label + " ", "the role " + label);
        if (face) {
          add(face);
        } else if (slots.empty() && !reader.is_true(child, "optional")) {
          primary_missing = true;
        }
      } else if (child.name == "fallback") {
        reader.check_attributes(child, {"ref"});
        const std::string* ref = reader.required_attribute(child, "ref");
        if (!ref) {
          continue;
        }
        auto it = fallbacks.find(*ref);
        if (it == fallbacks.end()) {
          problems.push_back(reader.at(child, "font-manifest-reference",
                                       "没有名为 " + *ref + " 的后备字体列表",
                                       "there is no fallback list named " + *ref, *ref));
          continue;
        }
        for (const LazyFace* face : it->second) {
          add(face);
        }
        roles_of_list[*ref].push_back(label);
      } else {
        problems.push_back(
            reader.at(child, "font-manifest-element",
                      "<role> 中只能有 <face> 和 <fallback>，不能有 <" + child.name + ">",
                      "<role> may hold only <face> and <fallback>, not <" + child.name + ">"));
      }
    }
    if (slots.empty()) {
      if (!primary_missing) {
        problems.push_back(reader.at(role, "font-manifest-empty", "字体角色 " + *name + " 没有字体",
                                     "the role " + *name + " has no font", *name));
      }
      continue;
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {
      used_by(slots[i], label, i == 0);
    }
    impl->chains.push_back(FontChain(*name, label_attr ? *label_attr : *name, std::move(slots)));
  }

  for (const auto& [problem, list] : missing_in_list) {
    const auto roles = roles_of_list.find(list);
    if (roles == roles_of_list.end())
      continue;
    std::string names;
    for (const std::string& role : roles->second) {
      names += (names.empty() ? "" : ", ") + role;
    }
    problems[problem].reason_zh += "（用于字体角色 " + names + "）";
    problems[problem].reason_en += " (used by the roles " + names + ")";
  }

  // Every face chosen must be usable, so that a broken file is reported now, with its manifest
  // line and the roles that use it, and never replaced by the next face of a chain. A role's
  // own typeface is opened now; the fallback faces (rare-character fonts of 20-30 MB) are only
  // checked, and opened on the first character that needs them.
  for (const FaceUse& use : uses) {
    Diagnostics errors;
    try {
      if (use.primary) {
        use.face->get();  // placed at its manifest line already
      } else {
        FontFace::check_usable(use.face->path(), use.face->index());
      }
    } catch (const TuijieError& e) {
      errors = use.primary ? e.diagnostics() : placed_at(use.face->place(), e);
    }
    std::string names;
    for (const std::string& role : use.roles) {
      names += (names.empty() ? "" : ", ") + role;
    }
    for (Diagnostic& d : errors) {
      d.reason_zh += "（字体角色 " + names + "）";
      d.reason_en += " (role " + names + ")";
      problems.push_back(std::move(d));
    }
  }
  if (!problems.empty()) {
    throw TuijieError(problems);
  }

  for (auto& note : reader.substitution_notes()) {
    impl->substitutions.push_back(note.zh + " / " + note.en);
    impl->substitution_notes.push_back({note.owner, note.zh, note.en});
  }

  for (auto& [key, face] : reader.faces()) {
    impl->faces.push_back(std::move(face));
  }
  return std::make_shared<const FontSet>(std::move(impl));
}

const FontChain* FontSet::chain(std::string_view role) const {
  for (const FontChain& chain : impl_->chains) {
    if (chain.role() == role) {
      return &chain;
    }
  }
  return nullptr;
}

std::vector<std::string> FontSet::roles() const {
  std::vector<std::string> out;
  for (const FontChain& chain : impl_->chains) {
    out.push_back(chain.role());
  }
  return out;
}

const std::vector<std::string>& FontSet::substitutions() const {
  return impl_->substitutions;
}

Diagnostics FontSet::substitutions_for(const std::set<std::string>& roles) const {
  Diagnostics notes;
  for (const auto& note : impl_->substitution_notes) {
    if (roles.count(note.owner)) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.code = "font-substitute";
      d.file = impl_->manifest_path;
      d.reason_zh = note.zh;
      d.reason_en = note.en;
      notes.push_back(std::move(d));
    }
  }
  return notes;
}

const std::string& FontSet::manifest_path() const {
  return impl_->manifest_path;
}

void FontSet::open_all() const {
  for (const auto& face : impl_->faces) {
    face->get();
  }
}

}  // namespace tuijie::fonts
