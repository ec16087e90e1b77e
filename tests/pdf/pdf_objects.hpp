// A PDF's objects as `qpdf --json=2` shows them, for tests that look inside PDFs.
//
// Values keep qpdf's JSON form: references are strings "N G R", names "/Name", strings
// "u:text" or "b:hex"; a stream's value is its dictionary, its data is decoded.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace tuijie::testing {

Poco::JSON::Object::Ptr as_object(const Poco::Dynamic::Var& v);  // null if not a dictionary
Poco::JSON::Array::Ptr as_array(const Poco::Dynamic::Var& v);    // null if not an array
std::string as_string(const Poco::Dynamic::Var& v);              // "" if not a string

class PdfObjects {
 public:
  /// Runs qpdf on `pdf_path`; throws std::runtime_error when it cannot.
  explicit PdfObjects(const std::string& pdf_path);

  /// The value of an object (a stream's dictionary), following a reference.
  Poco::Dynamic::Var resolve(const Poco::Dynamic::Var& v) const;
  /// resolve(v) as a dictionary (null if it is not one).
  Poco::JSON::Object::Ptr dict(const Poco::Dynamic::Var& v) const { return as_object(resolve(v)); }
  /// The resolved value of `key` in `dict` (empty if absent).
  Poco::Dynamic::Var get(const Poco::JSON::Object::Ptr& dict, const std::string& key) const;
  /// Decoded data of the stream `ref` points to.
  std::optional<std::string> stream_data(const Poco::Dynamic::Var& ref) const;
  /// The page objects (references) in page order.
  std::vector<Poco::Dynamic::Var> pages() const;

 private:
  Poco::JSON::Object::Ptr root_;
  Poco::JSON::Object::Ptr objects_;
};

}  // namespace tuijie::testing
