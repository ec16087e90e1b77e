#include "pdf/font_subset.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <thread>
#include <vector>

#include "sample_documents.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

// A usage of `count` glyphs of `face` drawn from the CJK block with a fixed seed.
pdf::FontUsage random_usage(const fonts::FontFace& face, unsigned seed, int count) {
  pdf::FontUsage usage(face);
  std::mt19937 random(seed);
  std::uniform_int_distribution<uint32_t> character(0x4E00, 0x9FA5);
  while (static_cast<int>(usage.glyphs().size()) < count) {
    const char32_t c = character(random);
    if (const uint32_t glyph = face.glyph_for(c))
      usage.add(glyph, c);
  }
  return usage;
}

}  // namespace

// Render threads subset the same shared face at once. HarfBuzz 6.0's preprocessed face keeps
// caches that are not safe to share between plans running together: a render crashed inside
// hb_subset_plan_execute_or_fail with two threads subsetting (seen in a core dump), so
// subset_font holds the face's subsetting lock.
TEST_CASE("several threads subset one face at once and get what one thread gets", "[threads]") {
  const std::string path =
      GENERATE(std::string(kWenKaiPath), std::string("/usr/share/fonts/truetype/arphic/uming.ttc"),
               std::string("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
               std::string(kNotoSerifPath));  // CFF: a face that is not preprocessed
  INFO(path);
  const auto opened = fonts::FontFace::open(path);
  const fonts::FontFace& face = *opened;
  constexpr int kThreads = 4, kRounds = 150;
  // The threads start on a face no subset was made of yet, as a render's threads do.
  std::vector<std::vector<std::string>> programs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        const unsigned round = static_cast<unsigned>((i + t * 37) % kRounds);
        programs[t].push_back(pdf::subset_font(random_usage(face, round, 40)).program);
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  int differing = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kRounds; ++i) {
      const unsigned round = static_cast<unsigned>((i + t * 37) % kRounds);
      if (programs[t][i] != pdf::subset_font(random_usage(face, round, 40)).program)
        ++differing;
    }
  }
  CHECK(differing == 0);
}
