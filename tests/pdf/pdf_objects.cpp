#include "pdf_objects.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Parser.h>

#include <cctype>
#include <sstream>
#include <stdexcept>

#include "pdf_tools.hpp"

namespace tuijie::testing {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr as_object(const Var& v) {
  return v.type() == typeid(Object::Ptr) ? v.extract<Object::Ptr>() : nullptr;
}

Array::Ptr as_array(const Var& v) {
  return v.type() == typeid(Array::Ptr) ? v.extract<Array::Ptr>() : nullptr;
}

std::string as_string(const Var& v) {
  return v.isString() ? v.extract<std::string>() : "";
}

namespace {

bool is_reference(const std::string& s) {
  return s.size() > 2 && s.compare(s.size() - 2, 2, " R") == 0 &&
         std::isdigit(static_cast<unsigned char>(s[0]));
}

}  // namespace

PdfObjects::PdfObjects(const std::string& pdf_path) {
  ToolResult qpdf = run_tool("qpdf --json=2 --json-stream-data=inline --decode-level=generalized " +
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

Var PdfObjects::resolve(const Var& v) const {
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

Var PdfObjects::get(const Object::Ptr& dict, const std::string& key) const {
  return dict && dict->has(key) ? resolve(dict->get(key)) : Var();
}

std::optional<std::string> PdfObjects::stream_data(const Var& ref) const {
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

std::vector<Var> PdfObjects::pages() const {
  std::vector<Var> out;
  if (Array::Ptr pages = as_array(root_->get("pages"))) {
    for (size_t i = 0; i < pages->size(); ++i) {
      out.push_back(as_object(pages->get(i))->get("object"));
    }
  }
  return out;
}

}  // namespace tuijie::testing
