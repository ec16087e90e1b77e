// Exact decimal figures (万元, head counts, thresholds) for comparing against the campaign's
// thresholds without binary rounding: 35 万元 × 120 staff is exactly 4200 万元, never 4199.99….
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tuijie::check {

class Decimal {
 public:
  /// Fractional digits kept; canonical record values ("3500.5") never need more.
  static constexpr int kScale = 6;

  Decimal() = default;  // zero

  /// Reads a non-negative decimal written with ASCII digits and an optional '.', as records
  /// and campaign files store them ("3000", "3500.5"). nullopt for anything else, for more
  /// than kScale significant fractional digits, or for values beyond 10^12.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal of_integer(std::int64_t value) { return Decimal(value * kUnit); }

  /// this × count compared with `other`, exactly: is this × count ≤ other?
  bool times_at_most(std::int64_t count, const Decimal& other) const;
  /// this ÷ count, truncated toward zero to `digits` (≤ kScale) fractional digits; for showing
  /// a per-capita figure, never for deciding (a truncated quotient is never above the truth).
  Decimal divided_truncated(std::int64_t count, int digits) const;

  /// Shortest plain form: "3000", "3500.5".
  std::string to_string() const;
  /// With thousands separators for English text: "3,000", "3,500.5".
  std::string to_grouped_string() const;
  /// The whole part, when the value is an integer.
  std::optional<std::int64_t> as_integer() const;

  auto operator<=>(const Decimal&) const = default;

 private:
  static constexpr std::int64_t kUnit = 1'000'000;  // 10^kScale
  explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;  // value × 10^kScale
};

}  // namespace tuijie::check
