#include "job/letter_fields.hpp"

#include <catch2/catch.hpp>

#include "store/campaign.hpp"

using namespace tuijie;

namespace {

store::Campaign tianjin() {
  return store::Campaign::load(std::string(TUIJIE_SOURCE_DIR) +
                               "/data/campaigns/tianjin-2020.json");
}

}  // namespace

TEST_CASE("the letter's number: a serial joins the campaign's prefix and year") {
  const auto fields = job::letter_fields(tianjin(), job::Letterhead::Red, "56");
  CHECK(fields.at("letter.number") == "津商务函〔2020〕56号");
  CHECK(fields.at("letter.print_letterhead") == "yes");
}

TEST_CASE("the letter's number: a whole number is printed as given") {
  const auto fields =
      job::letter_fields(tianjin(), job::Letterhead::Preprinted, "津商务函〔2020〕106号");
  CHECK(fields.at("letter.number") == "津商务函〔2020〕106号");
  CHECK(fields.at("letter.print_letterhead") == "no");
}

TEST_CASE("the letter's number: without one, the prefix and year with a blank of three") {
  const auto fields = job::letter_fields(tianjin(), job::Letterhead::Black, "");
  CHECK(fields.at("letter.number") == "津商务函〔2020〕\u3000\u3000\u3000号");
  CHECK(fields.at("letter.print_letterhead") == "yes");
}
