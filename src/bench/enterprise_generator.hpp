// Generated enterprises for the packet benchmark: N valid, complete and eligible records of the
// enterprise schema (data/records/enterprise.json), the same for the same seed.
//
// Realistic enough for the sheets to look like real ones: names of varied length (some long
// enough to wrap in the sheet's name cell), unified social credit codes with a correct
// GB 32100 check character and the region code of one of Tianjin's 16 districts, figures that
// pass the campaign's criteria (revenue >= 3000 万元 and 300 outsourcing staff or more, or
// fewer staff earning at least 35 万元 each), 1-4 industries and function areas drawn from
// the schema's own choices, contact fields, and a 企业简介 from empty to about 900 characters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>

#include "records/schema.hpp"

namespace tuijie::bench {

/// The 18th character of a credit code whose first 17 are given (GB 32100-2015, 5.3).
std::string with_check_character(const std::string& first17);

/// `count` enterprises as the JSON records `tuijie import` reads; industry and function-area
/// codes are taken from `enterprise`'s fields (their choices_from reference lists).
Poco::JSON::Array generate_enterprises(const records::Schema& enterprise, std::size_t count,
                                       std::uint32_t seed = 2020);

}  // namespace tuijie::bench
