#include <catch2/catch.hpp>

#include "records/contact_values.hpp"
#include "records/date_values.hpp"
#include "records/number_values.hpp"
#include "records/text_values.hpp"

namespace tuijie::records {
namespace {

// The canonical value, or "ERROR:<code>" so that a failing CHECK shows why.
std::string canonical(const ParsedValue& parsed) {
  if (!parsed.ok()) {
    for (const ValueProblem& problem : parsed.problems) {
      if (problem.severity == Severity::Error) {
        return "ERROR:" + problem.code;
      }
    }
  }
  return parsed.value;
}

bool has_warning(const ParsedValue& parsed, const std::string& code) {
  for (const ValueProblem& problem : parsed.problems) {
    if (problem.severity == Severity::Warning && problem.code == code) {
      return true;
    }
  }
  return false;
}

TEST_CASE("yes/no spellings", "[values]") {
  for (const char* yes : {"是", "Y", "y", "yes", "YES", "true", "True", "1", " 是\u3000", "Ｙ"}) {
    CHECK(canonical(parse_yes_no(yes)) == "是");
  }
  for (const char* no : {"否", "N", "no", "false", "0"}) {
    CHECK(canonical(parse_yes_no(no)) == "否");
  }
  for (const char* bad : {"也许", "yep", "2", "是否"}) {
    CHECK(canonical(parse_yes_no(bad)) == "ERROR:bad-yes-no");
  }
}

TEST_CASE("dates in every accepted spelling", "[values]") {
  for (const char* text :
       {"2020-06-12", "2020/6/12", "2020.6.12", "2020年6月12日", "2020年6月12",
        "2020 年 6 月 12 日", "20200612", "43994", "43994.75", "２０２０／６／１２"}) {
    INFO(text);
    CHECK(canonical(parse_date(text)) == "2020-06-12");
  }
  CHECK(canonical(parse_date("2020-02-29")) == "2020-02-29");
  CHECK(canonical(parse_date("1")) == "1900-01-01");
  CHECK(canonical(parse_date("61")) == "1900-03-01");
}

TEST_CASE("dates that are not", "[values]") {
  for (const char* text :
       {"2019-02-29", "2020-13-01", "2020-06-31", "2020/6", "2020", "60", "20201301", "2020-6/12",
        "June 12", "12/06/2020", "20-6-12", "", "2020年6月12日3"}) {
    INFO(text);
    CHECK(canonical(parse_date(text)).starts_with("ERROR:"));
  }
}

TEST_CASE("year-months in every accepted spelling", "[values]") {
  for (const char* text :
       {"1975-03", "1975/3", "1975年3月", "1975.03", "197503", "1975-3-1", "1975/3/1", "27454"}) {
    INFO(text);
    ParsedValue parsed = parse_year_month(text);
    CHECK(canonical(parsed) == "1975-03");
    CHECK(parsed.problems.empty());
  }
  ParsedValue with_day = parse_year_month("1975-03-15");
  CHECK(canonical(with_day) == "1975-03");
  CHECK(has_warning(with_day, "day-ignored"));

  ParsedValue october = parse_year_month("1975.1");
  CHECK(canonical(october) == "1975-01");
  CHECK(has_warning(october, "ambiguous-year-month"));

  for (const char* text : {"1975-13", "1975", "75-03", "1975年", "March 1975", "1975-03-32"}) {
    INFO(text);
    CHECK(canonical(parse_year_month(text)).starts_with("ERROR:"));
  }
}

TEST_CASE("ages count whole years from the birth month", "[values]") {
  CivilDate campaign{2020, 6, 30};
  CHECK(age_in_years({2002, 6, 0}, campaign) == 18);
  CHECK(age_in_years({2002, 7, 0}, campaign) == 17);
  CHECK(age_in_years({1920, 6, 0}, campaign) == 100);
  CHECK(age_in_years({1919, 12, 0}, campaign) == 100);
  CHECK(age_in_years({1919, 6, 0}, campaign) == 101);
}

TEST_CASE("counts: whole numbers >= 0 with thousands separators", "[values]") {
  CHECK(canonical(parse_count("1200")) == "1200");
  CHECK(canonical(parse_count("1,200")) == "1200");
  CHECK(canonical(parse_count("1，200")) == "1200");
  CHECK(canonical(parse_count("12,345,678")) == "12345678");
  CHECK(canonical(parse_count("007")) == "7");
  CHECK(canonical(parse_count("0")) == "0");
  CHECK(canonical(parse_count("-3")) == "ERROR:negative-number");
  CHECK(canonical(parse_count("12.5")) == "ERROR:not-whole-number");
  CHECK(canonical(parse_count("1,20")) == "ERROR:bad-number");
  CHECK(canonical(parse_count("1,2000")) == "ERROR:bad-number");
  CHECK(canonical(parse_count("1200人")) == "ERROR:bad-number");
  CHECK(canonical(parse_count("1234567890123456")) == "ERROR:number-too-large");
}

TEST_CASE("decimals and money", "[values]") {
  CHECK(canonical(parse_decimal("3,500.5")) == "3500.5");
  CHECK(canonical(parse_decimal("3，500.50")) == "3500.5");
  CHECK(canonical(parse_decimal("3500.0")) == "3500");
  CHECK(canonical(parse_decimal(".5")) == "0.5");
  CHECK(canonical(parse_decimal("0.05")) == "0.05");
  CHECK(canonical(parse_decimal("－5")) == "ERROR:negative-number");
  CHECK(canonical(parse_decimal("3.5.1")) == "ERROR:bad-number");
  CHECK(canonical(parse_decimal("85%")) == "ERROR:bad-number");
  CHECK(canonical(parse_decimal("85.5％", true)) == "85.5");
  CHECK(canonical(parse_decimal("85 %", true)) == "85");
  CHECK(shift_decimal("35000", -4) == "3.5");
  CHECK(shift_decimal("12", -4) == "0.0012");
  CHECK(shift_decimal("3.5", 4) == "35000");
  CHECK(decimal_value("3500.5") == Approx(3500.5));
}

TEST_CASE("telephone numbers", "[values]") {
  for (const char* good :
       {"13800138000", "138-0013-8000", "138 0013 8000", "+86 138 0013 8000", "8613800138000",
        "022-58665632", "010-65978801", "010-65978801-307", "010-65978801转307", "(022)58665632",
        "（022）58665632", "0755 82345678", "02258665632", "0571-8765432", "+86-10-65978801",
        "86-10-65978801", "0086-21-62345678", "400-810-8888", "０２２－５８６６５６３２"}) {
    INFO(good);
    CHECK(check_phone(good).ok());
  }
  for (const char* bad :
       {"12345", "12800138000", "1380013800", "138001380001", "65978801", "010-0597880",
        "022-586656321", "abc", "13800138000/1", "010-65978801-1234567"}) {
    INFO(bad);
    CHECK(canonical(check_phone(bad)) == "ERROR:bad-phone");
  }
  CHECK(check_phone(" 010-65978801-307 ").value == "010-65978801-307");  // kept as written
}

TEST_CASE("e-mail addresses", "[values]") {
  for (const char* good : {"zhangsan@example.com", "a.b+c@mail.example.org.cn",
                           "yangyixin@ccipp.org.cn", "x_y-z@sub-domain.example.io"}) {
    INFO(good);
    CHECK(check_email(good).ok());
  }
  for (const char* bad :
       {"zhang@@example", "zhang", "@example.com", "zhang@", "zhang@example", "zhang@example.c",
        "zh ang@example.com", ".zhang@example.com", "zh..ang@example.com", "zhang@-example.com",
        "张三@example.com", "zhang@example..com"}) {
    INFO(bad);
    CHECK(canonical(check_email(bad)) == "ERROR:bad-email");
  }
  ParsedValue wide = check_email("zhang＠example.com");
  REQUIRE_FALSE(wide.ok());
  CHECK(wide.problems[0].reason_zh.find("全角") != std::string::npos);
}

TEST_CASE("postcodes", "[values]") {
  CHECK(check_postcode("300000").ok());
  CHECK(check_postcode("１０００２０").ok());
  for (const char* bad : {"30000", "3000000", "30000a", "300 000"}) {
    CHECK(canonical(check_postcode(bad)) == "ERROR:bad-postcode");
  }
}

TEST_CASE("text: length in characters, line breaks, control characters", "[values]") {
  CHECK(canonical(check_text("  张三\u3000", 2, false)) == "张三");
  CHECK(canonical(check_text("吉𠮷䶮", 3, false)) == "吉𠮷䶮");  // three characters, 10 bytes
  CHECK(canonical(check_text("张三丰", 2, false)) == "ERROR:too-long");
  CHECK(canonical(check_text("一\r\n二", 0, true)) == "一\n二");
  CHECK(canonical(check_text("一\n二", 0, false)) == "ERROR:line-break");
  CHECK(canonical(check_text("a\x01z", 0, false)) == "ERROR:control-character");
  CHECK(canonical(check_text(std::string("a\0b", 3), 0, false)) == "ERROR:control-character");
  CHECK(canonical(check_text("王\uE816", 0, false)) == "ERROR:private-use-character");
}

TEST_CASE("choices match whole values, ignoring spacing, case and width", "[values]") {
  std::vector<std::string> values{"男", "女"};
  CHECK(canonical(match_choice(" 女 ", values)) == "女");
  CHECK(canonical(match_choice("未知", values)) == "ERROR:unknown-choice");
  CHECK(canonical(match_choice("男女", values)) == "ERROR:unknown-choice");
  std::vector<std::string> codes{"ITO.SW.06", "BPO"};
  CHECK(canonical(match_choice("ito.sw.06", codes)) == "ITO.SW.06");
  ParsedValue unknown = match_choice("KPO", codes);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.problems[0].reason_en.find("ITO.SW.06, BPO") != std::string::npos);
}

}  // namespace
}  // namespace tuijie::records
