#include "glyph_check.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "pdf_tools.hpp"

namespace tuijie::testing {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// ---------------------------------------------------------------------------------------
// The PDF's objects as `qpdf --json=2` prints them: references are strings "N G R", names
// "/Name", strings "u:text" or "b:hex"; streams carry their dictionary and decoded data.

Object::Ptr as_object(const Var& v) {
  return v.type() == typeid(Object::Ptr) ? v.extract<Object::Ptr>() : nullptr;
}
Array::Ptr as_array(const Var& v) {
  return v.type() == typeid(Array::Ptr) ? v.extract<Array::Ptr>() : nullptr;
}
std::string as_string(const Var& v) {
  return v.isString() ? v.extract<std::string>() : "";
}

bool is_reference(const std::string& s) {
  return s.size() > 2 && s.compare(s.size() - 2, 2, " R") == 0 && std::isdigit(s[0]);
}

class PdfJson {
 public:
  explicit PdfJson(const std::string& pdf_path) {
    ToolResult qpdf =
        run_tool("qpdf --json=2 --json-stream-data=inline --decode-level=generalized " +
                 shell_quote(pdf_path));
    if (qpdf.exit_code != 0 && qpdf.exit_code != 3) {  // 3: warnings only
      throw std::runtime_error("qpdf --json failed on " + pdf_path + ": " + qpdf.err);
    }
    root_ = as_object(Poco::JSON::Parser().parse(qpdf.out));
    Array::Ptr parts = root_ ? as_array(root_->get("qpdf")) : nullptr;
    objects_ = parts && parts->size() > 1 ? as_object(parts->get(1)) : nullptr;
    if (!objects_) {
      throw std::runtime_error("unexpected qpdf --json output for " + pdf_path);
    }
  }

  /// The value of an object (a stream's dictionary), following a reference.
  Var resolve(const Var& v) const {
    std::string s = as_string(v);
    if (!is_reference(s)) {
      return v;
    }
    Object::Ptr entry = as_object(objects_->get("obj:" + s));
    if (!entry) {
      return Var();
    }
    if (entry->has("value")) {
      return entry->get("value");
    }
    Object::Ptr stream = as_object(entry->get("stream"));
    return stream ? stream->get("dict") : Var();
  }

  Object::Ptr dict(const Var& v) const { return as_object(resolve(v)); }
  Var get(const Object::Ptr& dict, const std::string& key) const {
    return dict && dict->has(key) ? resolve(dict->get(key)) : Var();
  }

  /// Decoded data of the stream `ref` points to.
  std::optional<std::string> stream_data(const Var& ref) const {
    Object::Ptr entry = as_object(objects_->get("obj:" + as_string(ref)));
    Object::Ptr stream = entry ? as_object(entry->get("stream")) : nullptr;
    if (!stream || !stream->has("data")) {
      return std::nullopt;
    }
    std::istringstream encoded(as_string(stream->get("data")));
    Poco::Base64Decoder decoder(encoded);
    std::ostringstream decoded;
    decoded << decoder.rdbuf();
    return decoded.str();
  }

  /// The page objects in page order.
  std::vector<Var> pages() const {
    std::vector<Var> out;
    if (Array::Ptr pages = as_array(root_->get("pages"))) {
      for (size_t i = 0; i < pages->size(); ++i) {
        out.push_back(as_object(pages->get(i))->get("object"));
      }
    }
    return out;
  }

 private:
  Object::Ptr root_;
  Object::Ptr objects_;
};

// ---------------------------------------------------------------------------------------
// Content streams: which strings are shown with which font resource.

struct ShownString {
  std::string font;   // resource name without the slash
  std::string bytes;  // the string operand
};

class ContentScanner {
 public:
  explicit ContentScanner(const std::string& data) : s_(data) {}

  std::vector<ShownString> scan() {
    std::vector<ShownString> shown;
    std::vector<std::pair<char, std::string>> operands;  // kind: n(ame) s(tring) o(ther)
    std::string font;
    while (skip_space()) {
      char c = s_[i_];
      if (c == '/') {
        ++i_;
        operands.emplace_back('n', regular_run());
      } else if (c == '(') {
        operands.emplace_back('s', literal_string());
      } else if (c == '<' && peek(1) == '<') {
        i_ += 2;
      } else if (c == '>' && peek(1) == '>') {
        i_ += 2;
      } else if (c == '<') {
        operands.emplace_back('s', hex_string());
      } else if (c == '[' || c == ']' || c == '{' || c == '}') {
        ++i_;
      } else {
        std::string word = regular_run();
        if (word.empty()) {  // a stray delimiter
          ++i_;
          continue;
        }
        if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '+' ||
            word[0] == '.') {
          operands.emplace_back('o', word);
          continue;
        }
        if (word == "Tf" && !operands.empty() && operands.front().first == 'n') {
          font = operands.front().second;
        } else if (word == "Tj" || word == "TJ" || word == "'" || word == "\"") {
          for (const auto& [kind, text] : operands) {
            if (kind == 's') {
              shown.push_back({font, text});
            }
          }
        } else if (word == "ID") {
          skip_inline_image();
        }
        operands.clear();
      }
    }
    return shown;
  }

 private:
  static bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
  }
  static bool is_delimiter(char c) {
    return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos;
  }
  char peek(size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  bool skip_space() {
    while (i_ < s_.size()) {
      if (is_space(s_[i_])) {
        ++i_;
      } else if (s_[i_] == '%') {
        while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') {
          ++i_;
        }
      } else {
        return true;
      }
    }
    return false;
  }

  std::string regular_run() {
    size_t start = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && !is_delimiter(s_[i_])) {
      ++i_;
    }
    return s_.substr(start, i_ - start);
  }

  std::string hex_string() {
    ++i_;  // <
    std::string digits;
    while (i_ < s_.size() && s_[i_] != '>') {
      if (std::isxdigit(static_cast<unsigned char>(s_[i_]))) {
        digits += s_[i_];
      }
      ++i_;
    }
    ++i_;  // >
    if (digits.size() % 2) {
      digits += '0';
    }
    std::string out;
    for (size_t k = 0; k < digits.size(); k += 2) {
      out += static_cast<char>(std::stoi(digits.substr(k, 2), nullptr, 16));
    }
    return out;
  }

  std::string literal_string() {
    ++i_;  // (
    std::string out;
    int depth = 1;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '\\' && i_ < s_.size()) {
        char e = s_[i_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '\r':
            if (peek(0) == '\n')
              ++i_;
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int value = e - '0';
              for (int k = 0; k < 2 && peek(0) >= '0' && peek(0) <= '7'; ++k) {
                value = value * 8 + (s_[i_++] - '0');
              }
              out += static_cast<char>(value);
            } else {
              out += e;
            }
        }
      } else if (c == '(') {
        ++depth;
        out += c;
      } else if (c == ')') {
        if (--depth == 0) {
          break;
        }
        out += c;
      } else {
        out += c;
      }
    }
    return out;
  }

  void skip_inline_image() {
    size_t end = s_.find("EI", i_);
    while (end != std::string::npos &&
           !(is_space(s_[end - 1]) && (end + 2 == s_.size() || is_space(s_[end + 2])))) {
      end = s_.find("EI", end + 2);
    }
    i_ = end == std::string::npos ? s_.size() : end + 2;
  }

  const std::string& s_;
  size_t i_ = 0;
};

// ---------------------------------------------------------------------------------------
// ToUnicode CMaps: code → characters, from bfchar and bfrange blocks.

std::vector<std::string> cmap_tokens(const std::string& cmap) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < cmap.size()) {
    char c = cmap[i];
    if (c == '<' && i + 1 < cmap.size() && cmap[i + 1] != '<') {
      size_t end = cmap.find('>', i);
      tokens.push_back(cmap.substr(i, end - i + 1));
      i = end == std::string::npos ? cmap.size() : end + 1;
    } else if (c == '<' || c == '>') {  // dictionary brackets
      tokens.emplace_back(2, c);
      i += 2;
    } else if (c == '[' || c == ']') {
      tokens.emplace_back(1, c);
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      size_t start = i;
      while (i < cmap.size() && !std::isspace(static_cast<unsigned char>(cmap[i])) &&
             std::string_view("<>[]").find(cmap[i]) == std::string_view::npos) {
        ++i;
      }
      tokens.push_back(cmap.substr(start, i - start));
    }
  }
  return tokens;
}

bool is_hex_token(const std::string& t) {
  return t.size() >= 2 && t.front() == '<';
}

uint32_t hex_code(const std::string& token) {
  return static_cast<uint32_t>(std::stoul("0" + token.substr(1, token.size() - 2), nullptr, 16));
}

std::u32string hex_utf16(const std::string& token) {
  std::string digits = token.substr(1, token.size() - 2);
  std::vector<uint16_t> units;
  for (size_t k = 0; k + 4 <= digits.size(); k += 4) {
    units.push_back(static_cast<uint16_t>(std::stoul(digits.substr(k, 4), nullptr, 16)));
  }
  std::u32string out;
  for (size_t k = 0; k < units.size(); ++k) {
    if (units[k] >= 0xD800 && units[k] < 0xDC00 && k + 1 < units.size()) {
      out += static_cast<char32_t>(0x10000 + ((units[k] - 0xD800) << 10) + (units[k + 1] - 0xDC00));
      ++k;
    } else {
      out += units[k];
    }
  }
  return out;
}

std::map<uint32_t, std::u32string> parse_to_unicode(const std::string& cmap) {
  std::map<uint32_t, std::u32string> out;
  std::vector<std::string> t = cmap_tokens(cmap);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == "beginbfchar") {
      for (++i; i + 1 < t.size() && is_hex_token(t[i]); i += 2) {
        out[hex_code(t[i])] = hex_utf16(t[i + 1]);
      }
    } else if (t[i] == "beginbfrange") {
      for (++i; i + 2 < t.size() && is_hex_token(t[i]);) {
        uint32_t low = hex_code(t[i]), high = hex_code(t[i + 1]);
        if (t[i + 2] == "[") {
          i += 3;
          for (uint32_t code = low; code <= high && is_hex_token(t[i]); ++code, ++i) {
            out[code] = hex_utf16(t[i]);
          }
          ++i;  // ]
        } else {
          std::u32string first = hex_utf16(t[i + 2]);
          for (uint32_t code = low; code <= high && !first.empty(); ++code) {
            std::u32string value = first;
            value.back() += code - low;
            out[code] = value;
          }
          i += 3;
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Outlines.

struct FreeType {
  FT_Library library = nullptr;
  FreeType() {
    if (FT_Init_FreeType(&library)) {
      throw std::runtime_error("FreeType cannot start");
    }
  }
  ~FreeType() { FT_Done_FreeType(library); }
};

struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using FacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, FaceDeleter>;

struct GlyphOutline {
  std::vector<short> contour_ends;
  std::vector<FT_Vector> points;
  std::vector<char> on_curve;
  FT_Pos advance = 0;
};

std::optional<GlyphOutline> load_outline(FT_Face face, FT_UInt glyph) {
  if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
      face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) {
    return std::nullopt;
  }
  const FT_Outline& o = face->glyph->outline;
  GlyphOutline out;
  out.contour_ends.assign(o.contours, o.contours + o.n_contours);
  out.points.assign(o.points, o.points + o.n_points);
  for (int k = 0; k < o.n_points; ++k) {
    out.on_curve.push_back(static_cast<char>(FT_CURVE_TAG(o.tags[k])));
  }
  out.advance = face->glyph->metrics.horiAdvance;
  return out;
}

// "" when equal, else what differs.
std::string compare_outlines(const GlyphOutline& embedded, const GlyphOutline& source) {
  std::ostringstream why;
  if (embedded.contour_ends != source.contour_ends ||
      embedded.points.size() != source.points.size()) {
    why << "embedded outline has " << embedded.contour_ends.size() << " contours / "
        << embedded.points.size() << " points, the source " << source.contour_ends.size() << " / "
        << source.points.size();
  } else if (embedded.on_curve != source.on_curve) {
    why << "on/off-curve flags differ";
  } else {
    for (size_t k = 0; k < source.points.size(); ++k) {
      if (embedded.points[k].x != source.points[k].x ||
          embedded.points[k].y != source.points[k].y) {
        why << "point " << k << " is (" << embedded.points[k].x << "," << embedded.points[k].y
            << ") embedded but (" << source.points[k].x << "," << source.points[k].y
            << ") in the source";
        break;
      }
    }
  }
  if (why.tellp() == 0 && embedded.advance != source.advance) {
    why << "advance " << embedded.advance << " embedded but " << source.advance << " in the source";
  }
  return why.str();
}

std::string describe(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X ", static_cast<unsigned>(c));
  return hex + to_utf8(std::u32string(1, c));
}

struct SourceFont {
  std::string path;
  std::string postscript_name;
  FacePtr face;
};

// One embedded font and what the pages show with it.
struct UsedFont {
  std::string base_font;
  Var font_ref;
  std::set<uint32_t> codes;
};

std::string postscript_part(const std::string& base_font) {
  std::string name = base_font.substr(base_font.find('/') == 0 ? 1 : 0);
  size_t plus = name.find('+');
  return plus == 6 ? name.substr(7) : name;
}

void check_font(const PdfJson& pdf, const UsedFont& used, const std::vector<SourceFont>& sources,
                FT_Library library, std::vector<std::string>& problems) {
  const std::string& name = used.base_font;
  Object::Ptr font = pdf.dict(used.font_ref);
  if (as_string(pdf.get(font, "/Subtype")) != "/Type0" ||
      as_string(pdf.get(font, "/Encoding")) != "/Identity-H") {
    problems.push_back(name + ": not a Type0 font with Identity-H encoding");
    return;
  }
  Array::Ptr descendants = as_array(pdf.get(font, "/DescendantFonts"));
  Object::Ptr cid_font =
      descendants && descendants->size() ? pdf.dict(descendants->get(0)) : nullptr;
  if (!cid_font) {
    problems.push_back(name + ": no descendant CIDFont");
    return;
  }
  Object::Ptr descriptor = pdf.dict(pdf.get(cid_font, "/FontDescriptor"));
  Var file_ref =
      descriptor && descriptor->has("/FontFile2") ? descriptor->get("/FontFile2") : Var();
  std::optional<std::string> program =
      file_ref.isEmpty() ? std::nullopt : pdf.stream_data(file_ref);
  if (!program) {
    problems.push_back(name + ": no embedded FontFile2 program");
    return;
  }
  // CIDToGIDMap: /Identity or a stream of 2-byte glyph ids indexed by CID.
  std::optional<std::string> cid_to_gid;
  Var map = cid_font->has("/CIDToGIDMap") ? cid_font->get("/CIDToGIDMap") : Var("/Identity");
  if (as_string(map) != "/Identity") {
    cid_to_gid = pdf.stream_data(map);
    if (!cid_to_gid) {
      problems.push_back(name + ": unreadable CIDToGIDMap");
      return;
    }
  }
  std::map<uint32_t, std::u32string> to_unicode;
  if (font->has("/ToUnicode")) {
    if (auto cmap = pdf.stream_data(font->get("/ToUnicode"))) {
      to_unicode = parse_to_unicode(*cmap);
    }
  }

  FT_Face raw = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(program->data()),
                         static_cast<FT_Long>(program->size()), 0, &raw) != 0) {
    problems.push_back(name + ": FreeType cannot read the embedded program");
    return;
  }
  FacePtr embedded(raw);

  std::string postscript = postscript_part(name);
  const SourceFont* named_source = nullptr;
  for (const SourceFont& source : sources) {
    if (source.postscript_name == postscript) {
      named_source = &source;
    }
  }

  for (uint32_t code : used.codes) {
    char code_hex[16];
    std::snprintf(code_hex, sizeof code_hex, "%04X", code);
    std::string where = name + " code " + code_hex;
    auto text = to_unicode.find(code);
    if (text == to_unicode.end() || text->second.size() != 1) {
      problems.push_back(where + ": no single character in ToUnicode");
      continue;
    }
    char32_t character = text->second[0];
    where += " (" + describe(character) + ")";
    uint32_t glyph = code;  // CID = code under Identity-H
    if (cid_to_gid) {
      if (2 * code + 1 >= cid_to_gid->size()) {
        problems.push_back(where + ": CID beyond the CIDToGIDMap");
        continue;
      }
      glyph = (static_cast<uint8_t>((*cid_to_gid)[2 * code]) << 8) |
              static_cast<uint8_t>((*cid_to_gid)[2 * code + 1]);
    }
    const SourceFont* source = named_source;
    if (!source) {
      for (const SourceFont& candidate : sources) {
        if (FT_Get_Char_Index(candidate.face.get(), character) != 0) {
          source = &candidate;
          break;
        }
      }
    }
    FT_UInt source_glyph = source ? FT_Get_Char_Index(source->face.get(), character) : 0;
    if (source_glyph == 0) {
      problems.push_back(where + ": no source font has the character");
      continue;
    }
    auto embedded_outline = load_outline(embedded.get(), glyph);
    auto source_outline = load_outline(source->face.get(), source_glyph);
    if (!embedded_outline || !source_outline) {
      problems.push_back(where + ": glyph " + std::to_string(glyph) + " cannot be loaded");
      continue;
    }
    std::string difference = compare_outlines(*embedded_outline, *source_outline);
    if (!difference.empty()) {
      problems.push_back(where + " → glyph " + std::to_string(glyph) + " vs " + source->path +
                         " glyph " + std::to_string(source_glyph) + ": " + difference);
    }
  }
}

// The fonts each page's text uses, with the codes shown.
std::vector<UsedFont> used_fonts(const PdfJson& pdf, std::vector<std::string>& problems) {
  std::map<std::string, UsedFont> by_ref;
  std::vector<std::string> order;
  for (const Var& page_ref : pdf.pages()) {
    Object::Ptr page = pdf.dict(page_ref);
    Object::Ptr resources = pdf.dict(pdf.get(page, "/Resources"));
    Object::Ptr fonts = pdf.dict(pdf.get(resources, "/Font"));
    std::string content;
    Var contents = page && page->has("/Contents") ? page->get("/Contents") : Var();
    if (Array::Ptr parts = as_array(contents)) {
      for (size_t k = 0; k < parts->size(); ++k) {
        content += pdf.stream_data(parts->get(k)).value_or("") + "\n";
      }
    } else if (!contents.isEmpty()) {
      content = pdf.stream_data(contents).value_or("");
    }
    for (const ShownString& shown : ContentScanner(content).scan()) {
      Var font_ref = fonts && fonts->has("/" + shown.font) ? fonts->get("/" + shown.font) : Var();
      std::string key = as_string(font_ref);
      if (key.empty()) {
        problems.push_back("text shown with font /" + shown.font + " that the page does not have");
        continue;
      }
      auto [it, inserted] = by_ref.try_emplace(key);
      if (inserted) {
        it->second.font_ref = font_ref;
        it->second.base_font = as_string(pdf.get(pdf.dict(font_ref), "/BaseFont"));
        order.push_back(key);
      }
      if (shown.bytes.size() % 2) {
        problems.push_back(it->second.base_font + ": a shown string has an odd number of bytes");
      }
      for (size_t k = 0; k + 1 < shown.bytes.size(); k += 2) {
        it->second.codes.insert((static_cast<uint8_t>(shown.bytes[k]) << 8) |
                                static_cast<uint8_t>(shown.bytes[k + 1]));
      }
    }
  }
  std::vector<UsedFont> out;
  for (const std::string& key : order) {
    out.push_back(std::move(by_ref[key]));
  }
  return out;
}

}  // namespace

std::vector<std::string> check_glyphs_complete(const std::string& pdf_path,
                                               const std::vector<std::string>& source_font_paths) {
  std::vector<std::string> problems;
  FreeType freetype;
  std::vector<SourceFont> sources;
  for (const std::string& path : source_font_paths) {
    FT_Face face = nullptr;
    if (FT_New_Face(freetype.library, path.c_str(), 0, &face) != 0) {
      problems.push_back(path + ": FreeType cannot open the source font");
      continue;
    }
    const char* postscript = FT_Get_Postscript_Name(face);
    sources.push_back({path, postscript ? postscript : "", FacePtr(face)});
  }
  PdfJson pdf(pdf_path);
  std::vector<UsedFont> fonts = used_fonts(pdf, problems);
  if (fonts.empty()) {
    problems.push_back(pdf_path + ": the pages show no text");
  }
  for (const UsedFont& font : fonts) {
    check_font(pdf, font, sources, freetype.library, problems);
  }
  return problems;
}

std::vector<std::pair<std::string, std::string>> embedded_font_programs(
    const std::string& pdf_path) {
  PdfJson pdf(pdf_path);
  std::vector<std::string> ignored;
  std::vector<std::pair<std::string, std::string>> out;
  for (const UsedFont& used : used_fonts(pdf, ignored)) {
    Object::Ptr font = pdf.dict(used.font_ref);
    Array::Ptr descendants = as_array(pdf.get(font, "/DescendantFonts"));
    Object::Ptr cid_font =
        descendants && descendants->size() ? pdf.dict(descendants->get(0)) : nullptr;
    Object::Ptr descriptor = pdf.dict(pdf.get(cid_font, "/FontDescriptor"));
    if (descriptor && descriptor->has("/FontFile2")) {
      if (auto program = pdf.stream_data(descriptor->get("/FontFile2"))) {
        out.emplace_back(used.base_font, *program);
      }
    }
  }
  return out;
}

}  // namespace tuijie::testing
