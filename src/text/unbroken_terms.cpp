#include "text/unbroken_terms.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace tuijie::text {

UnbrokenTerms::UnbrokenTerms(const std::vector<std::string>& terms) {
  for (const std::string& term : terms) {
    std::u32string decoded = utf8::decode(term);
    if (decoded.size() < 2)
      continue;
    auto& list = by_first_[decoded.front()];
    if (std::find(list.begin(), list.end(), decoded) != list.end())
      continue;
    list.push_back(std::move(decoded));
    ++count_;
  }
  for (auto& [first, list] : by_first_) {
    std::sort(list.begin(), list.end(),
              [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  }
}

void UnbrokenTerms::protect(const std::u32string& text, std::vector<BreakKind>& breaks) const {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto found = by_first_.find(text[i]);
    if (found == by_first_.end())
      continue;
    // Every occurrence counts, overlapping ones too: 服务外包 and 外包服务 in 服务外包服务.
    for (const std::u32string& term : found->second) {
      if (text.compare(i, term.size(), term) != 0)
        continue;
      for (std::size_t k = i + 1; k < i + term.size(); ++k)
        breaks[k] = std::min(breaks[k], BreakKind::Character);
    }
  }
}

}  // namespace tuijie::text
