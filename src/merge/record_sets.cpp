#include "merge/record_sets.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>

namespace tuijie::merge {
namespace {

// A plain decimal as the store writes numbers ("3500.5", "12"), as an integer count of
// 1/10^kScale units, so that sums are exact; nullopt for anything else.
constexpr int kScale = 6;

std::optional<std::int64_t> scaled(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  std::int64_t whole = 0, fraction = 0;
  int fraction_digits = 0;
  bool point = false, digits = false;
  for (char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (!point) {
        whole = whole * 10 + (c - '0');
        if (whole >= 1'000'000'000'000)  // 10^12: beyond any figure, and would overflow
          return std::nullopt;
      } else if (fraction_digits < kScale) {
        fraction = fraction * 10 + (c - '0');
        ++fraction_digits;
      } else {
        return std::nullopt;  // more precision than a sum can keep
      }
    } else {
      return std::nullopt;
    }
  }
  if (!digits)
    return std::nullopt;
  for (int i = fraction_digits; i < kScale; ++i)
    fraction *= 10;
  std::int64_t unit = 1;
  for (int i = 0; i < kScale; ++i)
    unit *= 10;
  return whole * unit + fraction;
}

std::string decimal_text(std::int64_t value) {
  std::int64_t unit = 1;
  for (int i = 0; i < kScale; ++i)
    unit *= 10;
  std::string out = std::to_string(value / unit);
  std::string fraction = std::to_string(value % unit);
  fraction.insert(0, static_cast<size_t>(kScale) - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  return fraction.empty() ? out : out + "." + fraction;
}

std::unique_ptr<icu::Collator> make_collator(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale(locale), status));
  if (U_FAILURE(status) || !c) {
    status = U_ZERO_ERROR;
    c.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  }
  return c;
}

// ICU's Chinese collations: by pinyin 和平区 < 河东区 < 南开区, as a clerk's list runs; by
// stroke 王 (4 strokes) < 李 (7) < 赵 (9), as official name lists run.
const icu::Collator& chinese_collator(TextOrder order) {
  static const std::unique_ptr<icu::Collator> pinyin = make_collator("zh");
  static const std::unique_ptr<icu::Collator> stroke = make_collator("zh@collation=stroke");
  return order == TextOrder::Stroke ? *stroke : *pinyin;
}

int compare_values(const std::string& a, const std::string& b, TextOrder order) {
  if (a.empty() != b.empty())
    return a.empty() ? 1 : -1;  // empty last
  auto na = scaled(a), nb = scaled(b);
  if (na && nb)
    return *na < *nb ? -1 : (*na > *nb ? 1 : 0);
  UErrorCode status = U_ZERO_ERROR;
  // Collator::compare is const and thread-safe.
  UCollationResult r = chinese_collator(order).compareUTF8(a, b, status);
  if (U_FAILURE(status))
    return a.compare(b);
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

}  // namespace

TextOrder text_order_named(const std::string& name) {
  return name == "stroke" ? TextOrder::Stroke : TextOrder::Pinyin;
}

std::vector<const records::Record*> ordered(const std::vector<records::Record>& records,
                                            const std::vector<std::string>& fields,
                                            TextOrder text_order,
                                            const std::vector<std::string>& first_values) {
  std::vector<const records::Record*> out;
  for (const records::Record& r : records)
    out.push_back(&r);
  if (fields.empty())
    return out;  // the order the job gave (e.g. a campaign file's order of categories)
  auto rank = [&](const std::string& value) {
    const auto at = std::find(first_values.begin(), first_values.end(), value);
    return static_cast<std::size_t>(at - first_values.begin());  // size() when unlisted
  };
  std::stable_sort(out.begin(), out.end(), [&](const records::Record* a, const records::Record* b) {
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const std::string& field = fields[f];
      if (f == 0 && !first_values.empty()) {
        const std::size_t ra = rank(a->get(field)), rb = rank(b->get(field));
        if (ra != rb)
          return ra < rb;
      }
      int c = compare_values(a->get(field), b->get(field), text_order);
      if (c != 0)
        return c < 0;
    }
    return compare_values(a->key, b->key, text_order) < 0;
  });
  return out;
}

std::vector<std::string> list_items(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    const auto first = item.find_first_not_of(" \t");
    if (first != std::string::npos)
      items.push_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
    item.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "，") == 0) {
      flush();
      i += 3;
    } else if (text[i] == ',' || text[i] == '\n') {
      flush();
      ++i;
    } else {
      item += text[i++];
    }
  }
  flush();
  return items;
}

std::map<std::string, std::string> column_totals(
    const std::vector<const records::Record*>& records) {
  std::map<std::string, std::int64_t> sums;
  std::map<std::string, bool> numeric;
  for (const records::Record* r : records) {
    for (const auto& [field, value] : r->fields) {
      auto n = scaled(value);
      auto [it, fresh] = numeric.emplace(field, n.has_value());
      if (!fresh)
        it->second = it->second && n.has_value();
      // A sum that would not fit is no total (long digit strings are identifiers anyway).
      if (n && __builtin_add_overflow(sums[field], *n, &sums[field]))
        it->second = false;
    }
  }
  std::map<std::string, std::string> totals;
  for (const auto& [field, is_number] : numeric) {
    if (is_number)
      totals[field] = decimal_text(sums[field]);
  }
  return totals;
}

}  // namespace tuijie::merge
