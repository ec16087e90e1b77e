#include "bench/peer_records.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"

namespace tuijie::bench {
namespace {

const std::pair<const char*, const char*> kFieldMap[] = {{"参选人姓名", "name"},
                                                         {"性别", "gender"},
                                                         {"所在单位及职务", "org_and_title"},
                                                         {"电话", "phone"},
                                                         {"联系E-mail", "email"},
                                                         {"单位名称", "org_name"},
                                                         {"企业性质", "org_nature"},
                                                         {"人数规模", "org_staff"},
                                                         {"经营规模", "org_scale"},
                                                         {"业务特色", "org_features"},
                                                         {"联系人", "contact_name"},
                                                         {"职务", "contact_title"},
                                                         {"邮编", "postcode"},
                                                         {"详细地址", "address"},
                                                         {"主要贡献", "contributions"}};

const std::pair<const char*, const char*> kResumeMap[] = {
    {"职务", "title"}, {"时间", "period"}, {"国家", "country"}, {"单位", "org"}};

// "1983年01月" -> "1983-01"
std::string year_month(const std::string& text) {
  int year = 0, month = 0;
  if (std::sscanf(text.c_str(), "%d年%d月", &year, &month) == 2) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d", year, month);
    return out;
  }
  return text;
}

}  // namespace

std::vector<records::Record> read_peer_records(const std::string& path, size_t limit) {
  std::ifstream in(path);
  if (!in) {
    throw TuijieError(make_error("bench-input", "找不到基准记录文件（先运行 gen_records.py）",
                                 "benchmark records not found (run gen_records.py first)", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  Poco::JSON::Parser parser;
  auto array = parser.parse(text.str()).extract<Poco::JSON::Array::Ptr>();
  std::vector<records::Record> out;
  for (size_t i = 0; i < array->size() && out.size() < limit; ++i) {
    auto object = array->getObject(static_cast<unsigned>(i));
    records::Record r;
    r.kind = "candidate";
    char id[16];
    std::snprintf(id, sizeof id, "P%04d", object->getValue<int>("id"));
    r.key = id;
    r.fields["candidate_id"] = id;
    for (const auto& [zh, key] : kFieldMap) {
      if (object->has(zh))
        r.fields[key] = object->getValue<std::string>(zh);
    }
    r.fields["birth"] = year_month(object->getValue<std::string>("出生年月"));
    auto resume = object->getArray("履历");
    for (size_t k = 0; resume && k < resume->size(); ++k) {
      auto entry = resume->getObject(static_cast<unsigned>(k));
      records::Entry e;
      for (const auto& [zh, key] : kResumeMap)
        e[key] = entry->getValue<std::string>(zh);
      r.lists["resume"].push_back(e);
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tuijie::bench
