// The strings a PDF content stream shows, and with which font resource.
#pragma once

#include <string>
#include <vector>

namespace tuijie::testing {

struct ShownString {
  std::string font;   // font resource name without the slash
  std::string bytes;  // the string operand of Tj, TJ, ' or "
};

/// Every string the text operators of `content` show, in order.
std::vector<ShownString> shown_strings(const std::string& content);

}  // namespace tuijie::testing
