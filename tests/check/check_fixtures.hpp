// Hand-made records and campaigns for the rule tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "check/rules.hpp"
#include "records/record.hpp"
#include "store/campaign.hpp"

namespace tuijie::testing {

inline std::string default_campaign_text() {
  std::ifstream in(std::string(TUIJIE_SOURCE_DIR) + "/data/campaigns/tianjin-2020.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The default campaign with `from` replaced by `to` once (e.g. a changed threshold).
inline store::Campaign campaign_with(const std::string& from = "", const std::string& to = "") {
  std::string text = default_campaign_text();
  if (!from.empty()) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) {
      throw std::runtime_error("fixture text not in campaign: " + from);
    }
    text.replace(at, from.size(), to);
  }
  return store::Campaign::parse(text, "tianjin-2020.json");
}

/// A few province-level divisions, standing in for data/reference/provinces.json.
inline check::Provinces some_provinces() {
  return check::Provinces({"天津市", "北京市", "广东省", "香港特别行政区"});
}

inline check::Rules default_rules() {
  return check::rules_from_campaign(campaign_with(), some_provinces());
}

/// An eligible, complete enterprise; tests change one figure at a time.
inline records::Record enterprise(const std::string& revenue = "5000",
                                  const std::string& staff = "600") {
  records::Record r;
  r.kind = "enterprise";
  r.key = "91120116MA05JXXX0X";
  r.fields = {{"name", "天津海诚信息技术有限公司"},
              {"hq_region", "天津市"},
              {"delivery_region", "天津市滨海新区"},
              {"as_parent", "否"},
              {"staff_total", "800"},
              {"staff_outsourcing", staff},
              {"revenue", revenue},
              {"audit_report", "是"}};
  return r;
}

inline records::Record candidate(const std::string& employer_type, const std::string& vp) {
  records::Record r;
  r.kind = "candidate";
  r.key = "TJ2020-P-001";
  r.fields = {{"name", "陈立峰"}, {"employer_type", employer_type}, {"vp_or_above", vp}};
  return r;
}

}  // namespace tuijie::testing
