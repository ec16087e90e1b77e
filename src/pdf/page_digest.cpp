#include "pdf/page_digest.hpp"

// qpdf 11: use std::shared_ptr, not its old PointerHolder (and say so, or it warns).
#define POINTERHOLDER_TRANSITION 4
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <exception>
#include <map>
#include <set>
#include <vector>

#include "core/diagnostic.hpp"

namespace tuijie::pdf {
namespace {

// Dictionary entries that say how an object is stored or where it hangs, not what it shows.
const std::set<std::string>& storage_keys() {
  static const std::set<std::string> keys = {"/Length", "/Filter", "/DecodeParms", "/Parent",
                                             "/DL"};
  return keys;
}

// Writes a canonical description of an object into the hash: type tags, values, dictionary
// keys in sorted order, decoded stream data; an object met again is written as its first
// visit's index, so shared fonts and cycles cost nothing twice.
class ObjectHasher {
 public:
  explicit ObjectHasher(Poco::SHA2Engine& sha) : sha_(sha) {}

  void add(QPDFObjectHandle object) {
    if (object.isIndirect()) {
      const auto [it, fresh] = seen_.try_emplace(object.getObjGen(), seen_.size());
      if (!fresh) {
        put("R" + std::to_string(it->second) + ";");
        return;
      }
    }
    if (object.isStream()) {
      put("S{");
      add_dictionary(object.getDict());
      std::string data;
      try {
        data = buffer_text(object.getStreamData(qpdf_dl_generalized));
      } catch (const std::exception&) {
        // A filter qpdf cannot undo (e.g. an image codec): the stored bytes stand for it.
        data = buffer_text(object.getRawStreamData());
      }
      put(std::to_string(data.size()) + ":");
      put(data);
      put("}");
    } else if (object.isDictionary()) {
      put("D{");
      add_dictionary(object);
      put("}");
    } else if (object.isArray()) {
      put("A[");
      for (QPDFObjectHandle item : object.getArrayAsVector())
        add(item);
      put("]");
    } else if (object.isString()) {
      const std::string value = object.getStringValue();
      put("s" + std::to_string(value.size()) + ":" + value);
    } else {
      // Names, numbers, booleans, null: their PDF spelling, which qpdf normalises.
      put("v" + object.unparse() + ";");
    }
  }

  /// A page, with the attributes it inherits from its page tree nodes (`inherited`, the
  /// nearest node's value for each key) as if written on the page itself: the same hash
  /// wherever a file's page tree puts them.
  void add_page(QPDFObjectHandle page, const std::map<std::string, QPDFObjectHandle>& inherited) {
    seen_.try_emplace(page.getObjGen(), seen_.size());
    std::map<std::string, QPDFObjectHandle> entries = inherited;
    for (const std::string& key : page.getKeys())
      entries[key] = page.getKey(key);
    put("D{");
    for (const auto& [key, value] : entries) {  // sorted, as add_dictionary writes them
      if (storage_keys().count(key))
        continue;
      put("k" + key + "=");
      add(value);
    }
    put("}");
  }

 private:
  void add_dictionary(QPDFObjectHandle dictionary) {
    for (const std::string& key : dictionary.getKeys()) {  // std::set: sorted
      if (storage_keys().count(key))
        continue;
      put("k" + key + "=");
      add(dictionary.getKey(key));
    }
  }

  static std::string buffer_text(const std::shared_ptr<Buffer>& buffer) {
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  }

  void put(const std::string& text) { sha_.update(text); }

  Poco::SHA2Engine& sha_;
  std::map<QPDFObjGen, size_t> seen_;
};

// The page tree walked in page order, hashing the pages [first, first + count). A node whose
// /Count says all its pages come before `first` is skipped unread, so that hashing a file in
// passes (below) reads each page's objects in one pass only.
class PageWalk {
 public:
  PageWalk(std::size_t first, std::size_t count, Poco::SHA2Engine& sha, ObjectHasher& hasher,
           PageDigest& digest)
      : first_(first), end_(first + count), sha_(sha), hasher_(hasher), digest_(digest) {}

  /// Returns how many pages it hashed: fewer than asked once the last page is done.
  std::size_t walk(QPDF& pdf) {
    const int before = digest_.pages;
    visit(pdf.getRoot().getKey("/Pages"), {});
    return static_cast<std::size_t>(digest_.pages - before);
  }

 private:
  void visit(QPDFObjectHandle node, std::map<std::string, QPDFObjectHandle> inherited) {
    if (!node.isDictionary() || (node.isIndirect() && !on_path_.insert(node.getObjGen()).second))
      return;  // not a node, or a loop in a damaged tree
    if (node.hasKey("/Kids")) {
      // Inheritable page attributes (ISO 32000-1, 7.7.3.4): the nearest node's value counts.
      for (const char* key : {"/Resources", "/MediaBox", "/CropBox", "/Rotate"}) {
        if (node.hasKey(key))
          inherited[key] = node.getKey(key);
      }
      QPDFObjectHandle count = node.getKey("/Count");
      if (count.isInteger() && count.getIntValue() > 0 &&
          index_ + static_cast<std::size_t>(count.getIntValue()) <= first_) {
        index_ += static_cast<std::size_t>(count.getIntValue());
      } else {
        QPDFObjectHandle kids = node.getKey("/Kids");
        for (int i = 0; kids.isArray() && i < kids.getArrayNItems() && index_ < end_; ++i)
          visit(kids.getArrayItem(i), inherited);
      }
    } else {
      if (index_ >= first_ && index_ < end_) {
        ++digest_.pages;
        sha_.update("P" + std::to_string(digest_.pages) + ";");
        hasher_.add_page(node, inherited);
      }
      ++index_;
    }
    if (node.isIndirect())
      on_path_.erase(node.getObjGen());
  }

  std::size_t first_, end_;
  std::size_t index_ = 0;  // pages met so far
  Poco::SHA2Engine& sha_;
  ObjectHasher& hasher_;
  PageDigest& digest_;
  std::set<QPDFObjGen> on_path_;
};

// Pages hashed per opening of a file. qpdf keeps every object it has read until the QPDF
// object goes, so a packet of thousands of pages is read in passes, each a fresh QPDF: the
// hash is the same (objects are known by their numbers, which do not change within a file),
// and only one pass's objects are held at a time.
constexpr std::size_t kPagesPerPass = 1000;

}  // namespace

PageDigest page_digest(std::string_view bytes, const std::string& description) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(description.c_str(), bytes.data(), bytes.size());
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    ObjectHasher hasher(sha);
    PageDigest digest;
    PageWalk(0, static_cast<std::size_t>(-1) / 2, sha, hasher, digest).walk(pdf);
    digest.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
    return digest;
  } catch (const std::exception& e) {
    throw TuijieError(make_error("pdf-unreadable", std::string("无法读取 PDF：") + e.what(),
                                 std::string("cannot read the PDF: ") + e.what(), description));
  }
}

PageDigest page_digest_of_file(const std::string& path) {
  try {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    ObjectHasher hasher(sha);
    PageDigest digest;
    for (std::size_t first = 0;; first += kPagesPerPass) {
      QPDF pdf;
      pdf.setSuppressWarnings(true);
      pdf.processFile(path.c_str());
      if (PageWalk(first, kPagesPerPass, sha, hasher, digest).walk(pdf) < kPagesPerPass)
        break;
    }
    digest.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
    return digest;
  } catch (const std::exception& e) {
    throw TuijieError(make_error("pdf-unreadable", std::string("无法读取 PDF：") + e.what(),
                                 std::string("cannot read the PDF: ") + e.what(), path));
  }
}

}  // namespace tuijie::pdf
