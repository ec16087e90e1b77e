#include "pdf/pdf_text.hpp"

#include <unicode/ustring.h>

#include <vector>

namespace tuijie::pdf {
namespace {

bool is_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool is_time_zone(std::string_view zone) {
  if (zone.empty() || zone == "Z") {
    return true;
  }
  if (zone[0] != '+' && zone[0] != '-' && zone[0] != 'Z') {
    return false;
  }
  zone.remove_prefix(1);
  // HH, HH', HH'mm or HH'mm' (the apostrophes are optional in practice).
  if (zone.size() < 2 || !is_digits(zone.substr(0, 2))) {
    return false;
  }
  zone.remove_prefix(2);
  if (!zone.empty() && zone[0] == '\'') {
    zone.remove_prefix(1);
  }
  if (zone.empty()) {
    return true;
  }
  if (zone.size() < 2 || !is_digits(zone.substr(0, 2))) {
    return false;
  }
  zone.remove_prefix(2);
  return zone.empty() || zone == "'";
}

}  // namespace

bool is_plain_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) {
      return false;
    }
  }
  return true;
}

std::string utf16be_text_string(std::string_view text) {
  std::vector<UChar> units(text.size() + 1);
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(units.data(), static_cast<int32_t>(units.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {  // cannot happen: UTF-16 never needs more units than UTF-8 bytes
    length = 0;
  }
  std::string out = "\xFE\xFF";
  out.reserve(2 + 2 * static_cast<size_t>(length));
  for (int32_t i = 0; i < length; ++i) {
    out += static_cast<char>(units[i] >> 8);
    out += static_cast<char>(units[i] & 0xFF);
  }
  return out;
}

bool is_pdf_date(std::string_view date) {
  if (date.substr(0, 2) != "D:") {
    return false;
  }
  date.remove_prefix(2);
  size_t digits = 0;
  while (digits < date.size() && date[digits] >= '0' && date[digits] <= '9') {
    ++digits;
  }
  if (digits < 4 || digits > 14 || digits % 2 != 0) {
    return false;
  }
  return is_time_zone(date.substr(digits));
}

}  // namespace tuijie::pdf
