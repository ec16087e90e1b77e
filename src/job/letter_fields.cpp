#include "job/letter_fields.hpp"

#include <algorithm>

namespace tuijie::job {
namespace {

bool is_serial(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::map<std::string, std::string> letter_fields(const store::Campaign& campaign,
                                                 Letterhead letterhead, const std::string& number) {
  const std::string serial =
      number.empty() ? campaign.get("documents.cover_letter.serial") : number;
  std::string full;
  if (!serial.empty() && !is_serial(serial)) {
    full = serial;
  } else if (const std::string prefix = campaign.get("documents.cover_letter.number_prefix");
             !prefix.empty()) {
    // Three ideographic spaces: room for a three-digit number written in by hand.
    full = prefix + "〔" + campaign.get("year") + "〕" +
           (serial.empty() ? std::string("\u3000\u3000\u3000") : serial) + "号";
  }
  return {{"letter.number", full},
          {"letter.print_letterhead", letterhead == Letterhead::Preprinted ? "no" : "yes"}};
}

}  // namespace tuijie::job
