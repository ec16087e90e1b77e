#include "records/credit_code.hpp"

#include <array>
#include <string>

#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 symbols
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

}  // namespace

ParsedValue check_credit_code(std::string_view text) {
  std::string code = fold_full_width(trim(text));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  std::size_t length = count_characters(code);
  if (length != 18) {
    return rejected(
        "bad-credit-code", "统一社会信用代码应为 18 位（现为 " + std::to_string(length) + " 位）",
        "a unified social credit code has 18 characters (found " + std::to_string(length) + ")");
  }
  if (code.size() != 18) {
    return rejected("bad-credit-code", "统一社会信用代码只能由数字和大写字母组成",
                    "a unified social credit code holds only digits and capital letters");
  }
  int sum = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    std::size_t value = kAlphabet.find(code[i]);
    if (value == std::string_view::npos) {
      std::string position = std::to_string(i + 1);
      return rejected("bad-credit-code",
                      "第 " + position + " 位“" + code.substr(i, 1) +
                          "”不是统一社会信用代码可用的字符（不用 I、O、Z、S、V）",
                      "character " + position + " '" + code.substr(i, 1) +
                          "' cannot appear in a unified social credit code (no I, O, Z, S, V)");
    }
    if (i < kWeights.size()) {
      sum += static_cast<int>(value) * kWeights[i];
    }
  }
  int check = (31 - sum % 31) % 31;
  ParsedValue result = accepted(code);
  if (code[17] != kAlphabet[static_cast<std::size_t>(check)]) {
    std::string expected(1, kAlphabet[static_cast<std::size_t>(check)]);
    result.problems.push_back(
        {Severity::Warning,
         "credit-code-check",
         "校验位不符（按 GB 32100-2015 应为 " + expected + "），请核对；早期试点代码可能如此",
         "the check character does not match (GB 32100-2015 gives " + expected +
             "); please verify, early pilot codes may differ",
         {}});
  }
  return result;
}

}  // namespace tuijie::records
