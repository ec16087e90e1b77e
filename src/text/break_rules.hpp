// Character classes behind the Chinese line-breaking rules of documents.md ("Chinese line
// breaking"): which characters may not start or end a line, which characters make up tokens
// that are never split (Latin words, numbers with units, e-mail addresses, URLs, phone
// numbers, dates), and which characters are East Asian for justification.
#pragma once

namespace tuijie::text::rules {

/// ，。、；：？！）》」』】〕〗〉”’…—·%‰℃ and ,.;:?!)]}% (documents.md).
bool forbidden_at_line_start(char32_t c);
/// （《「『【〔〖〈“‘￥$# and ([{ (documents.md).
bool forbidden_at_line_end(char32_t c);

/// “ and ‘: a line may break before them after East Asian text (UAX #14 LB19a, which ICU 72
/// predates).
bool is_opening_quote(char32_t c);
/// ” and ’: a line may break after them before East Asian text (LB19a).
bool is_closing_quote(char32_t c);

/// Wide and fullwidth characters (ideographs, kana, CJK and fullwidth punctuation) and the
/// general punctuation Chinese text uses (“ ” ‘ ’ … — ·). Justification stretches the gaps
/// next to them and not the gaps inside Latin words.
bool is_east_asian(char32_t c);

/// A Han ideograph (any CJK block, compatibility ideographs included).
bool is_ideograph(char32_t c);
/// ASCII or fullwidth digit.
bool is_digit(char32_t c);
/// 十 百 千 万 亿 兆: a magnitude that takes the unit after it ("3.2亿元").
bool is_magnitude(char32_t c);
/// ASCII letter.
bool is_ascii_letter(char32_t c);

/// Letters and digits that form tokens: Latin (and Greek, Cyrillic, ...) letters, digits,
/// fullwidth letters and digits. Not ideographs.
bool is_token_char(char32_t c);
/// Characters that join token characters into one token when they stand between them:
/// . - _ @ / : + & = ? ~ # % and the apostrophe ("zhang.san@example.com", "2020-06-12",
/// "https://a.cn/x?y=1").
bool is_token_joiner(char32_t c);
/// Inside a token that is wider than a line, the places to break first: after / . @ - _ ?
/// & = :.
bool is_token_break_after(char32_t c);

/// A space that may end a line and is dropped there (U+0020 only: U+3000 is a character).
bool is_breaking_space(char32_t c);
/// Combining marks, ZWJ and variation selectors: a line never breaks before them.
bool continues_cluster(char32_t c);

}  // namespace tuijie::text::rules
