// Telephone numbers, e-mail addresses and postcodes. Canonical forms are the values as
// written (trimmed): they are checked, never rewritten.
//
// Telephone numbers accepted (full-width digits and hyphens too):
//   mobile      13800138000, 138-0013-8000, 138 0013 8000  (1[3-9] and 9 more digits)
//   fixed line  022-58665632, (022)58665632, 0755 12345678, 02258665632, 010-65978801-307,
//               010-65978801转307   (area code 0xx/0xxx, local number 7-8 digits starting 2-9,
//               extension 1-6 digits)
//   service     400-810-8888, 800-810-8888
// Each may start with a country code: +86, 0086, or "86-"/"86 " (then the area code may drop
// its leading 0: +86-10-65978801, 86-10-65978801).
#pragma once

#include <string_view>

#include "records/value_result.hpp"

namespace tuijie::records {

ParsedValue check_phone(std::string_view text);

/// A plain ASCII address: local part of letters, digits and !#$%&'*+/=?^_`{|}~.- (no leading,
/// trailing or double dots), a domain of at least two labels and a top-level domain of two or
/// more letters. A full-width "＠" or "．" gets its own explanation.
ParsedValue check_email(std::string_view text);

/// Six digits (中国邮政编码).
ParsedValue check_postcode(std::string_view text);

}  // namespace tuijie::records
