// libFuzzer target: a font manifest (fonts/fonts.xml's format, fonts/README.md) loaded with
// fonts::FontSet::load, then every role asked for a Latin letter, a common and a rare Han
// character, as layout would. The manifest is written to a scratch folder, so its relative
// paths name no font and only the absolute ones (the Debian fonts) can be opened.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fonts/font_set.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tuijie;
  const std::string path = fuzz::write_scratch_file("fonts.xml", data, size);
  fuzz::expect_refusal_or_success("font manifest", [&] {
    const auto set = fonts::FontSet::load(path);
    for (const std::string& role : set->roles()) {
      const fonts::FontChain* chain = set->chain(role);
      if (chain == nullptr) {
        fuzz::contract_broken("font manifest", "roles() names " + role + " but chain() lacks it");
      }
      for (char32_t cp : {U'A', U'中', U'\U00020BB7'}) {
        chain->resolve(cp);
      }
    }
    set->substitutions();
  });
  return 0;
}
