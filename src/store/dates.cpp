#include "store/dates.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <charconv>
#include <cstdlib>
#include <regex>

#include "core/diagnostic.hpp"

namespace tuijie::store {

bool is_iso_date(const std::string& text) {
  static const std::regex shape(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))");
  std::smatch m;
  if (!std::regex_match(text, m, shape)) {
    return false;
  }
  return Poco::DateTime::isValid(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
}

}  // namespace tuijie::store
