// A UTF-8 institutions file whose names (the record key) start as spreadsheet formulas do, for
// tests of every CSV tuijie writes: =HYPERLINK(…), +cmd|…, @SUM(…), tab- or CR-prefixed =,
// full-width ＝, -2+3… that is not a number, and plain numbers such as -10 that must stay.
#pragma once

#include <random>
#include <set>
#include <string>
#include <vector>

namespace tuijie::testing {

/// `count` distinct generated names (the same for the same seed), plus "-10" and "-3.5".
inline std::vector<std::string> hostile_names(std::size_t count, unsigned seed) {
  static const std::vector<std::string> starts = {"=",  "+",  "-",    "@",  "\t=", "\r=", "＝",
                                                  "－", "-1", "-0.5", "'=", "+-",  "=-",  ""};
  static const std::vector<std::string> bodies = {"HYPERLINK(\"http://x.example\",\"点我\")",
                                                  "cmd|' /C calc'!A0",
                                                  "SUM(A1:A9)",
                                                  "1+1",
                                                  "10",
                                                  "3.5",
                                                  "培训中心",
                                                  ",",
                                                  "\"",
                                                  "DDE(\"cmd\";\"/C calc\";\"!A0\")",
                                                  "A1"};
  std::mt19937 random(seed);
  std::set<std::string> seen = {"-10", "-3.5"};
  std::vector<std::string> names(seen.begin(), seen.end());
  while (names.size() < count + 2) {
    std::string name = starts[random() % starts.size()];
    for (std::size_t n = 1 + random() % 3; n > 0; --n)
      name += bodies[random() % bodies.size()];
    if (seen.insert(name).second)
      names.push_back(name);
  }
  return names;
}

/// An institutions CSV (UTF-8, every cell quoted) with one complete record per name; the name
/// also stands as the legal entity.
inline std::string hostile_institutions_csv(const std::vector<std::string>& names) {
  const auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv =
      "机构名称,机构类型,所在地,法人单位,统一社会信用代码,成立日期,课程体系,年培训人数,"
      "就业率（%）,创新优势,规模优势,竞争优势,法人证明材料,联系人,联系人职务,联系电话,电子邮箱,"
      "通讯地址,邮编\r\n";
  for (const std::string& name : names) {
    csv += quoted(name) + ",职业院校,天津市," + quoted(name) +
           ",,2002/9/1,软件技术,3200,96.5%,校企共建订单班。,在校生9000人。,就业率超过95%。,是,"
           "田野,处长,022-66376512,tianye@bhxxzy.edu.cn,天津市滨海新区汉沽大丰路1号,300480\r\n";
  }
  return csv;
}

}  // namespace tuijie::testing
