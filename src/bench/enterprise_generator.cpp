#include "bench/enterprise_generator.hpp"

#include <cstdio>
#include <random>
#include <set>
#include <stdexcept>

#include <Poco/JSON/Object.h>

namespace tuijie::bench {

namespace {

struct District {
  const char* name;
  const char* code;      // the administrative division code in the credit code
  const char* postcode;  // the first four digits
};

const District kDistricts[] = {
    {"和平区", "120101", "3000"},   {"河东区", "120102", "3000"}, {"河西区", "120103", "3002"},
    {"南开区", "120104", "3001"},   {"河北区", "120105", "3001"}, {"红桥区", "120106", "3001"},
    {"东丽区", "120110", "3003"},   {"西青区", "120111", "3003"}, {"津南区", "120112", "3003"},
    {"北辰区", "120113", "3004"},   {"武清区", "120114", "3017"}, {"宝坻区", "120115", "3018"},
    {"滨海新区", "120116", "3004"}, {"宁河区", "120117", "3015"}, {"静海区", "120118", "3016"},
    {"蓟州区", "120119", "3019"}};

const char* const kBrandSyllables[] = {
    "津", "云", "海", "河", "渤", "华", "泰", "信", "诚", "联", "智", "数", "科", "瑞", "达", "恒",
    "鑫", "融", "通", "汇", "宏", "博", "创", "远", "卓", "越", "弘", "安", "和", "嘉", "睿", "峰"};

const char* const kBusinesses[] = {"信息技术", "软件",     "数据服务", "数字科技", "网络科技",
                                   "服务外包", "智能科技", "云计算",   "信息系统", "检测技术"};

const char* const kLegalForms[] = {"有限公司", "股份有限公司", "有限责任公司"};

// What makes a name long enough to wrap in the sheet's name cell: a group prefix and a
// branch suffix, as the real long names have.
const char* const kLongPrefixes[] = {"中国电子信息产业集团", "国家数字服务外包示范基地",
                                     "京津冀协同发展"};
const char* const kLongSuffixes[] = {"天津分公司", "（天津）研发中心", "天津滨海数字服务交付中心"};

const char* const kOwnerships[] = {"国有企业",     "民营企业",     "外商独资企业",
                                   "中外合资企业", "港澳台资企业", "其他"};

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                 "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
const char* const kGivenNames[] = {"伟",   "芳", "娜",   "敏",   "静", "立新", "晓燕",
                                   "国强", "丽", "建华", "志刚", "洋", "海涛", "雪莹"};
const char* const kTitles[] = {"综合部经理", "行政主管",   "办公室主任",
                               "市场总监",   "总经理助理", "人力资源部经理"};

const char* const kCertifications[] = {"CMMI5",   "CMMI3",        "ISO27001",
                                       "ISO9001", "ISO20000",     "ITSS三级",
                                       "CCRC",    "高新技术企业", "CMMI5、ISO27001"};

const char* const kRoads[] = {
    "第三大街", "华苑产业区海泰发展六道", "卫津南路", "友谊路", "南京路", "中山路",
    "黄海路",   "新技术产业园区"};

const char* const kProfileSentences[] = {
    "公司面向银行、保险和证券机构提供核心业务系统的研发、测试与运维服务。",
    "交付中心通过CMMI5级评估，建有覆盖京津冀的两地三中心灾备体系。",
    "主要客户包括国内外大型金融机构与制造企业，离岸业务覆盖日本、欧洲和北美市场。",
    "公司坚持以客户为中心，持续投入大数据、云计算和人工智能技术的研究与应用。",
    "现有研发人员中本科及以上学历者占九成以上，并与天津大学、南开大学共建实训基地。",
    "近三年服务外包业务收入年均增长百分之二十以上，获评天津市服务外包示范企业。",
    "公司拥有自主知识产权的数据处理平台，日均处理业务单据逾百万笔。",
    "在智能客服、供应链管理和工业设计等领域形成了成熟的解决方案。",
    "公司积极参与行业标准制定，多次承担国家和天津市的信息化建设项目。",
    "2019年公司新增就业岗位三百余个，其中应届毕业生占比超过六成。"};

std::size_t characters(const std::string& utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8)
    count += (c & 0xC0) != 0x80;
  return count;
}

class Generator {
 public:
  Generator(const records::Schema& enterprise, std::uint32_t seed)
      : random_(seed),
        industries_(choices(enterprise, "industries")),
        function_areas_(choices(enterprise, "function_areas")) {}

  Poco::JSON::Object::Ptr next(std::size_t index) {
    const District& district = pick(kDistricts);
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object;
    e->set("name", unique_name());
    e->set("credit_code", unique_credit_code(district));
    const std::string region = std::string("天津市") + district.name;
    e->set("hq_region", region);
    e->set("delivery_region", region);
    e->set("district", district.name);
    e->set("legal_rep", person());
    e->set("founded", founded());
    e->set("ownership", pick(kOwnerships));
    const bool as_parent = between(0, 9) == 0;
    e->set("as_parent", as_parent);
    if (as_parent)
      e->set("consolidated", true);
    set_figures(*e);
    e->set("industries", codes(industries_));
    e->set("function_areas", codes(function_areas_));
    if (between(0, 3) != 0)
      e->set("certifications", pick(kCertifications));
    e->set("patents", between(0, 60));
    e->set("copyrights", between(0, 200));
    e->set("audit_report", true);
    e->set("certificate_copies", between(0, 4) != 0);
    const std::string text = profile();
    if (!text.empty())
      e->set("profile", text);
    e->set("contact_name", person());
    e->set("contact_title", pick(kTitles));
    e->set("contact_phone", phone());
    e->set("contact_email", "contact" + std::to_string(index + 1) + "@enterprise" +
                                std::to_string(between(1, 999)) + ".com.cn");
    e->set("address", region + pick(kRoads) + std::to_string(between(1, 199)) + "号");
    e->set("postcode", std::string(district.postcode) + std::to_string(between(10, 99)));
    return e;
  }

 private:
  static std::vector<std::string> choices(const records::Schema& schema, const char* key) {
    const int index = schema.field_index(key);
    if (index < 0 || schema.fields[static_cast<std::size_t>(index)].values.empty())
      throw std::runtime_error(std::string("the enterprise schema offers no choices for ") + key);
    return schema.fields[static_cast<std::size_t>(index)].values;
  }

  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
  }

  std::string person() { return std::string(pick(kSurnames)) + pick(kGivenNames); }

  std::string unique_name() {
    for (;;) {
      std::string name = "天津";
      const bool long_name = between(0, 5) == 0;
      if (long_name)
        name = pick(kLongPrefixes);
      name += pick(kBrandSyllables);
      name += pick(kBrandSyllables);
      if (between(0, 2) == 0)
        name += pick(kBrandSyllables);
      name += pick(kBusinesses);
      name += pick(kLegalForms);
      if (long_name)
        name += pick(kLongSuffixes);
      if (names_.insert(name).second)
        return name;
    }
  }

  std::string unique_credit_code(const District& district) {
    static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (;;) {
      // 9 (registered with the market regulator) 1 (a company), the district, then the
      // 9-character organisation code.
      std::string first17 = std::string("91") + district.code;
      for (int i = 0; i < 9; ++i)
        first17 += alphabet[static_cast<std::size_t>(between(0, 30))];
      std::string code = with_check_character(first17);
      if (codes_.insert(code).second)
        return code;
    }
  }

  std::string founded() {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", between(1995, 2019), between(1, 12),
                  between(1, 28));
    return date;
  }

  // Every record meets the criteria: revenue of at least 3000 万元, and either 300 outsourcing
  // staff or more, or fewer staff earning at least 35 万元 per head.
  void set_figures(Poco::JSON::Object& e) {
    int staff = 0;
    long long revenue = 0;
    if (between(0, 4) == 0) {
      staff = between(60, 299);
      revenue = std::max<long long>(3000, 35LL * staff) + between(0, 20000);
    } else {
      staff = between(300, 5000);
      revenue = between(3000, 90000);
    }
    e.set("staff_total", staff + between(0, staff / 2));
    e.set("staff_outsourcing", staff);
    e.set("revenue", revenue);
    if (between(0, 2) != 0)
      e.set("revenue_offshore", revenue * between(0, 80) / 100);
  }

  // 1-4 distinct codes.
  Poco::JSON::Array::Ptr codes(const std::vector<std::string>& from) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    const std::size_t wanted =
        std::min<std::size_t>(static_cast<std::size_t>(between(1, 4)), from.size());
    std::set<std::size_t> taken;
    while (taken.size() < wanted) {
      const auto i = static_cast<std::size_t>(between(0, static_cast<int>(from.size()) - 1));
      if (taken.insert(i).second)
        list->add(from[i]);
    }
    return list;
  }

  // From none to about 900 characters (the field holds 1000), sometimes in two paragraphs.
  std::string profile() {
    const int target = pick(kProfileLengths);
    std::string text;
    while (static_cast<int>(characters(text)) < target) {
      const std::string sentence = pick(kProfileSentences);
      if (characters(text) + characters(sentence) > 950)
        break;
      if (!text.empty() && between(0, 7) == 0)
        text += "\n";
      text += sentence;
    }
    return text;
  }

  std::string phone() {
    if (between(0, 3) == 0)
      return "1" + std::to_string(between(3, 9)) + std::to_string(between(100000000, 999999999));
    return "022-" + std::to_string(between(20000000, 89999999));
  }

  static constexpr int kProfileLengths[] = {0, 30, 60, 120, 200, 350, 500, 900};

  std::mt19937 random_;
  std::vector<std::string> industries_;
  std::vector<std::string> function_areas_;
  std::set<std::string> names_;
  std::set<std::string> codes_;
};

}  // namespace

std::string with_check_character(const std::string& first17) {
  static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i)
    sum += static_cast<int>(alphabet.find(first17.at(i))) * weights[i];
  return first17 + alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

Poco::JSON::Array generate_enterprises(const records::Schema& enterprise, std::size_t count,
                                       std::uint32_t seed) {
  Generator generator(enterprise, seed);
  Poco::JSON::Array all;
  for (std::size_t i = 0; i < count; ++i)
    all.add(generator.next(i));
  return all;
}

}  // namespace tuijie::bench
