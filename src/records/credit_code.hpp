// 统一社会信用代码 (unified social credit code), GB 32100-2015.
#pragma once

#include <string_view>

#include "records/value_result.hpp"

namespace tuijie::records {

/// 18 characters from 0-9 and the capitals without I, O, Z, S, V (lower case is upper-cased;
/// the canonical value is upper case). A wrong length or character is an error; a wrong check
/// character (position 18) is only a warning, since some early pilot codes are legal yet fail
/// it (91350100M0001TGQXM).
ParsedValue check_credit_code(std::string_view text);

}  // namespace tuijie::records
