// Reading a ToUnicode CMap: code → characters, from its bfchar and bfrange blocks.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace tuijie::testing {

std::map<uint32_t, std::u32string> parse_to_unicode(const std::string& cmap);

}  // namespace tuijie::testing
