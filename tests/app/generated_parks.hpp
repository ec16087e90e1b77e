// Park record files generated for tests that need many valid rows (UTF-8 CSV): every row is
// a distinct park of 天津市, keyed by its name, complete and recommendable.
#pragma once

#include <string>

#include "store/test_support.hpp"

namespace tuijie::testing {

/// `rows` parks named 测试园区<tag>-<i>; `text` characters of padding in each of the four
/// advantage columns (at most 500) make the file as large as a test needs.
inline std::string park_csv(const std::string& tag, int rows, int text = 20) {
  std::string csv =
      "园区名称,所在地,园区级别,法人单位,入驻服务外包企业数,服务外包从业人数,"
      "服务外包业务收入（万元）,区位优势,创新优势,规模优势,竞争优势,法人证明材料,联系人,"
      "联系电话,电子邮箱,通讯地址,邮编\n";
  std::string advantage;
  for (int i = 0; i < text; ++i)
    advantage += i % 2 == 0 ? "优" : "势";
  for (int i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    csv += "测试园区" + tag + "-" + n + ",天津市,市级,测试法人" + n + ",10,100,5000," + advantage +
           "," + advantage + "," + advantage + "," + advantage + ",是,张三,022-25202588,p" + n +
           "@example.cn,天津市滨海新区" + n + "号,300457\n";
  }
  return csv;
}

/// Writes park_csv() to `path` and returns the path.
inline std::string write_park_csv(const std::string& path, const std::string& tag, int rows,
                                  int text = 20) {
  write_file(path, park_csv(tag, rows, text));
  return path;
}

}  // namespace tuijie::testing
