#include "output/institution_files.hpp"

#include <cstdio>
#include <stdexcept>

#include "app/cli_runner.hpp"
#include "output/publication.hpp"
#include "store/test_support.hpp"

namespace tuijie::testing {

std::string generated_credit_code(int n) {
  static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  char digits[16];
  std::snprintf(digits, sizeof digits, "%09d", n);
  std::string code = std::string("52120116") + digits;  // 17 characters
  int sum = 0;
  for (size_t i = 0; i < 17; ++i)
    sum += static_cast<int>(alphabet.find(code[i])) * weights[i];
  const int check = (31 - sum % 31) % 31;
  return code + alphabet[static_cast<size_t>(check)];
}

std::string institutions_csv(const std::vector<std::string>& names) {
  const std::string header =
      "机构名称,机构类型,所在地,法人单位,统一社会信用代码,成立日期,课程体系,年培训人数,"
      "就业率（%）,创新优势,规模优势,竞争优势,法人证明材料,联系人,联系人职务,联系电话,"
      "电子邮箱,通讯地址,邮编\n";
  std::string csv = header;
  int n = 1;
  for (const std::string& name : names) {
    csv += "\"" + name + "\",职业院校,天津市,\"" + name + "\"," + generated_credit_code(n++) +
           ",2002/9/1,软件技术、云计算技术应用、大数据技术,3200,96.5%,"
           "与12家服务外包企业共建订单班。,年培训服务外包人才3200人。,"
           "毕业生对口就业率连续三年超过95%。,是,田野,校企合作处处长,022-66376512,"
           "tianye@bhxxzy.edu.cn,天津市滨海新区汉沽大丰路1号,300480\n";
  }
  return csv;
}

std::string sha256_of_file(const std::filesystem::path& path) {
  return output::bytes_sha256(read_file(path.string()));
}

std::string sqlite(const std::filesystem::path& db, const std::string& sql) {
  const std::string command = "sqlite3 " + quote(db.string()) + " " + quote(sql);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    throw std::runtime_error("cannot run sqlite3");
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace tuijie::testing
