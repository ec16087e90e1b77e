#include "check/decimal.hpp"

namespace tuijie::check {

namespace {

constexpr std::size_t kMaxIntegerDigits = 12;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.size() > kMaxIntegerDigits ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  while (!fraction.empty() && fraction.back() == '0') {
    fraction.remove_suffix(1);  // "35.000000000" is still exactly 35
  }
  if (fraction.size() > static_cast<std::size_t>(kScale)) {
    return std::nullopt;
  }
  std::int64_t units = 0;
  for (char c : whole) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    units = units * 10 + (c - '0');
  }
  for (int i = 0; i < kScale; ++i) {
    const char c = i < static_cast<int>(fraction.size()) ? fraction[i] : '0';
    if (!is_digit(c)) {
      return std::nullopt;
    }
    units = units * 10 + (c - '0');
  }
  return Decimal(units);
}

bool Decimal::times_at_most(std::int64_t count, const Decimal& other) const {
  std::int64_t product = 0;
  if (count < 0 || __builtin_mul_overflow(units_, count, &product)) {
    return count < 0;  // an overflowing product exceeds every representable value
  }
  return product <= other.units_;
}

Decimal Decimal::divided_truncated(std::int64_t count, int digits) const {
  if (count <= 0) {
    return Decimal(0);
  }
  std::int64_t step = 1;
  for (int i = digits; i < kScale; ++i) {
    step *= 10;
  }
  const std::int64_t quotient = units_ / count;
  return Decimal(quotient - quotient % step);
}

std::string Decimal::to_string() const {
  std::string text = std::to_string(units_ / kUnit);
  std::string fraction = std::to_string(units_ % kUnit);
  fraction.insert(0, static_cast<std::size_t>(kScale) - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') {
    fraction.pop_back();
  }
  return fraction.empty() ? text : text + "." + fraction;
}

std::string Decimal::to_grouped_string() const {
  const std::string plain = to_string();
  const std::size_t dot = plain.find('.');
  const std::string whole = plain.substr(0, dot);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += whole[i];
  }
  return dot == std::string::npos ? grouped : grouped + plain.substr(dot);
}

std::optional<std::int64_t> Decimal::as_integer() const {
  if (units_ % kUnit != 0) {
    return std::nullopt;
  }
  return units_ / kUnit;
}

}  // namespace tuijie::check
