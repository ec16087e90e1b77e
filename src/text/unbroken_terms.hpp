// Words a line never breaks inside: 服务外包, 推介, 人均, 万元, 商务局, 有限公司, ...
//
// ICU's dictionary word break is not enough for the campaign's vocabulary: on Debian's ICU 72
// it splits 服务/外/包, 推/介/标准, 人/均, 万/元. The list comes from data/reference/terms.json,
// so a clerk adds a term without a new program. Inside a listed term only a last-resort break
// (BreakKind::Character) remains, used when the term alone is wider than the line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "text/break_opportunities.hpp"

namespace tuijie::text {

class UnbrokenTerms {
 public:
  /// UTF-8 terms; empty ones and single characters are ignored.
  explicit UnbrokenTerms(const std::vector<std::string>& terms);

  /// Weakens every break inside an occurrence of a term in `text` to BreakKind::Character.
  void protect(const std::u32string& text, std::vector<BreakKind>& breaks) const;

  std::size_t size() const { return count_; }

 private:
  // By first character, longest first.
  std::map<char32_t, std::vector<std::u32string>> by_first_;
  std::size_t count_ = 0;
};

}  // namespace tuijie::text
