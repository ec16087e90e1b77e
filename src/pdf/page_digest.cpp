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

PageDigest digest_of(QPDF& pdf) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  ObjectHasher hasher(sha);
  PageDigest digest;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++digest.pages;
    sha.update("P" + std::to_string(digest.pages) + ";");
    hasher.add(page.getObjectHandle());
  }
  digest.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  return digest;
}

}  // namespace

PageDigest page_digest(std::string_view bytes, const std::string& description) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile(description.c_str(), bytes.data(), bytes.size());
    // Inherited attributes (MediaBox, Resources) are copied down so that a page reads the
    // same wherever its page tree put them.
    pdf.pushInheritedAttributesToPage();
    return digest_of(pdf);
  } catch (const std::exception& e) {
    throw TuijieError(make_error("pdf-unreadable", std::string("无法读取 PDF：") + e.what(),
                                 std::string("cannot read the PDF: ") + e.what(), description));
  }
}

PageDigest page_digest_of_file(const std::string& path) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    // Inherited attributes (MediaBox, Resources) are copied down so that a page reads the
    // same wherever its page tree put them.
    pdf.pushInheritedAttributesToPage();
    return digest_of(pdf);
  } catch (const std::exception& e) {
    throw TuijieError(make_error("pdf-unreadable", std::string("无法读取 PDF：") + e.what(),
                                 std::string("cannot read the PDF: ") + e.what(), path));
  }
}

}  // namespace tuijie::pdf
