// What the cover letter prints besides the campaign's values: its 发文字号 and whether its
// letterhead (the issuing organisation's red name and rules) is printed.
#pragma once

#include <map>
#include <string>

#include "store/campaign.hpp"

namespace tuijie::job {

/// How the letter's letterhead is printed (`packet --letterhead`).
enum class Letterhead {
  Red,         // the 发文机关标志 and both double rules in red (GB/T 9704-2012, 10.1)
  Preprinted,  // on the bureau's own red-header paper: left out, every position kept
  Black,       // the same elements in black, for a black-and-white printer
};

/// "letter.number": `number` when it is a whole 发文字号 (津商务函〔2020〕56号); the campaign's
/// prefix, its year and `number` when it is a serial (56); without one, the campaign file's
/// documents.cover_letter.serial; else the prefix and year with a blank to fill in by hand.
/// "letter.print_letterhead": "yes" or "no".
std::map<std::string, std::string> letter_fields(const store::Campaign& campaign,
                                                 Letterhead letterhead, const std::string& number);

}  // namespace tuijie::job
