// libFuzzer target: a campaign file (data/campaigns/*.json, data/README.md) checked with
// store::Campaign::parse, as `tuijie init --campaign` and every command opening a workspace do,
// then read through each accessor the commands use.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "store/campaign.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tuijie;
  std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::expect_refusal_or_success("campaign", [&] {
    const store::Campaign campaign = store::Campaign::parse(std::move(text), "fuzz.json");
    campaign.name();
    campaign.document_date();
    campaign.age_date();
    campaign.award_categories();
    for (const char* kind : {"candidate", "enterprise", "park", "institution", "result"}) {
      campaign.template_for(kind);
    }
    for (const auto& [name, value] : campaign.globals()) {
      campaign.get(std::string_view(name).substr(sizeof("campaign.") - 1));
    }
  });
  return 0;
}
