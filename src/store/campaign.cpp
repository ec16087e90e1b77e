#include "store/campaign.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <utility>

#include "core/diagnostic.hpp"
#include "store/dates.hpp"

namespace tuijie::store {
namespace {

constexpr std::string_view kPrefix = "campaign.";

// What the program relies on; everything else in the file is optional and only reaches
// templates. The checks are on the text form, so a clerk may write 2020 or "2020".
enum class Expect { Text, Date, Integer, Number };

struct RequiredKey {
  std::string_view path;
  Expect expect;
};

constexpr RequiredKey kRequired[] = {
    {"format", Expect::Integer},
    {"name", Expect::Text},
    {"year", Expect::Integer},
    {"city", Expect::Text},
    {"dates.ages", Expect::Date},
    {"dates.document", Expect::Date},
    {"document_number.prefix", Expect::Text},
    {"issuer.name", Expect::Text},
    {"organisation.name", Expect::Text},
    {"organisation.notice.number", Expect::Text},
    {"organisation.deadlines.to_bureau", Expect::Date},
    {"organisation.deadlines.to_committee", Expect::Date},
    {"organisation.eligibility.revenue_min", Expect::Number},
    {"organisation.eligibility.staff_min", Expect::Integer},
    {"organisation.eligibility.revenue_per_staff_min", Expect::Number},
    {"person.name", Expect::Text},
    {"person.notice.number", Expect::Text},
    {"person.deadline", Expect::Date},
};

bool is_scalar(const Poco::Dynamic::Var& v) {
  return v.type() != typeid(Poco::JSON::Object::Ptr) && v.type() != typeid(Poco::JSON::Array::Ptr);
}

std::string join_path(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "." + child;
}

// Objects become dotted paths; lists get 1-based item paths (as a clerk counts), a count and,
// when their items are plain values, the items joined with the enumeration comma.
void flatten(const Poco::Dynamic::Var& value, const std::string& path,
             std::map<std::string, std::string>& out) {
  if (value.isEmpty()) {
    return;  // null: treated as absent
  }
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, child] : *object) {
      flatten(child, join_path(path, key), out);
    }
    return;
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto array = value.extract<Poco::JSON::Array::Ptr>();
    std::string joined;
    bool all_scalar = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
      flatten(item, join_path(path, std::to_string(i + 1)), out);
      if (is_scalar(item) && !item.isEmpty()) {
        joined += (joined.empty() ? "" : "、") + item.convert<std::string>();
      } else {
        all_scalar = false;
      }
    }
    out[join_path(path, "count")] = std::to_string(array->size());
    if (all_scalar) {
      out[path] = joined;
    }
    return;
  }
  out[path] = value.convert<std::string>();
}

bool matches(Expect expect, const std::string& text) {
  static const std::regex integer(R"(-?[0-9]+)");
  static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
  switch (expect) {
    case Expect::Text:
      return !text.empty();
    case Expect::Date:
      return is_iso_date(text);
    case Expect::Integer:
      return std::regex_match(text, integer);
    case Expect::Number:
      return std::regex_match(text, number);
  }
  return false;
}

Diagnostic key_problem(const std::string& file, std::string_view path, const std::string& value,
                       std::string reason_zh, std::string reason_en) {
  Diagnostic d =
      make_error("campaign-invalid", std::move(reason_zh), std::move(reason_en), file, value);
  d.column_name = std::string(path);
  return d;
}

// awards (optional; the booklet needs it): categories with a name and a record kind each,
// no name twice, and the order of names inside a category.
void check_awards(const std::map<std::string, std::string>& values, const std::string& file,
                  Diagnostics& problems) {
  auto value = [&](const std::string& path) {
    auto it = values.find(path);
    return it == values.end() ? std::string() : it->second;
  };
  const std::string order = value("awards.name_order");
  if (!order.empty() && order != "pinyin" && order != "stroke") {
    problems.push_back(key_problem(file, "awards.name_order", order,
                                   "应为 pinyin（拼音）或 stroke（笔画）",
                                   "must be pinyin or stroke"));
  }
  static const std::set<std::string> kKinds = {"enterprise", "park", "institution", "candidate"};
  std::set<std::string> names;
  const int count = std::atoi(value("awards.categories.count").c_str());
  for (int i = 1; i <= count; ++i) {
    const std::string at = "awards.categories." + std::to_string(i) + ".";
    const std::string name = value(at + "name");
    const std::string kind = value(at + "kind");
    if (name.empty()) {
      problems.push_back(
          key_problem(file, at + "name", "", "奖项类别缺少名称", "an award category needs a name"));
    } else if (!names.insert(name).second) {
      problems.push_back(key_problem(file, at + "name", name, "奖项类别名称重复",
                                     "two award categories have this name"));
    }
    if (!kKinds.count(kind)) {
      problems.push_back(key_problem(file, at + "kind", kind,
                                     "应为 enterprise、park、institution 或 candidate 之一",
                                     "must be one of enterprise, park, institution, candidate"));
    }
  }
}

// packet (optional; the packet needs it): parts, each a document with its template or the
// sheets of one organisation kind the campaign names.
void check_packet(const std::map<std::string, std::string>& values, const std::string& file,
                  Diagnostics& problems) {
  auto value = [&](const std::string& path) {
    auto it = values.find(path);
    return it == values.end() ? std::string() : it->second;
  };
  const int count = std::atoi(value("packet.parts.count").c_str());
  for (int i = 1; i <= count; ++i) {
    const std::string at = "packet.parts." + std::to_string(i) + ".";
    const std::string document = value(at + "document");
    const std::string kind = value(at + "kind");
    if (document.empty() == kind.empty()) {
      problems.push_back(key_problem(file, at.substr(0, at.size() - 1), "",
                                     "每一部分应给出 document（文件种类）或 kind（记录种类）之一",
                                     "each part names either a document or a record kind"));
    } else if (!kind.empty() && value("kinds." + kind + ".track") != "organisation") {
      problems.push_back(key_problem(file, at + "kind", kind,
                                     "应为活动文件 kinds 中的单位类记录种类",
                                     "must be an organisation kind the campaign's kinds name"));
    } else if (!document.empty() && value(at + "template").empty()) {
      problems.push_back(key_problem(file, at + "template", "", "文件部分需要模板",
                                     "a document part needs a template"));
    }
    std::istringstream of(value(at + "of"));
    for (std::string listed; of >> listed;) {
      if (value("kinds." + listed + ".track") != "organisation") {
        problems.push_back(key_problem(file, at + "of", listed,
                                       "应为活动文件 kinds 中的单位类记录种类（以空格分隔）",
                                       "must name organisation kinds of the campaign's kinds "
                                       "(separated by spaces)"));
      }
    }
    if (!value(at + "of").empty() && value(at + "attachment").empty()) {
      problems.push_back(key_problem(file, at + "attachment", "",
                                     "给出 of 的部分是推荐函的附件，需要 attachment（附件标题）",
                                     "a part with `of` is an attachment of the letter and needs "
                                     "its title (attachment)"));
    }
    const std::string prints = value(at + "prints");
    if (!prints.empty() && prints != "records" && prints != "counts") {
      problems.push_back(key_problem(file, at + "prints", prints, "应为 records 或 counts",
                                     "must be records or counts"));
    }
  }
}

Diagnostics check(const std::map<std::string, std::string>& values, const std::string& file) {
  Diagnostics problems;
  for (const auto& [path, expect] : kRequired) {
    const auto it = values.find(std::string(path));
    if (it == values.end() || it->second.empty()) {
      problems.push_back(
          key_problem(file, path, "", "活动文件缺少此项", "the campaign file lacks this key"));
      continue;
    }
    if (!matches(expect, it->second)) {
      const bool date = expect == Expect::Date;
      problems.push_back(
          key_problem(file, path, it->second, date ? "应为有效日期，格式 YYYY-MM-DD" : "应为数字",
                      date ? "must be a valid date written YYYY-MM-DD" : "must be a number"));
    }
  }
  check_awards(values, file, problems);
  check_packet(values, file, problems);
  const auto format = values.find("format");
  if (format != values.end() && matches(Expect::Integer, format->second) &&
      std::stol(format->second) > Campaign::kFormat) {
    problems.push_back(
        key_problem(file, "format", format->second, "活动文件格式较新，请升级 tuijie",
                    "the campaign file is written for a newer tuijie; upgrade tuijie"));
  }
  return problems;
}

std::string strip_bom(std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.erase(0, 3);
  }
  return text;
}

}  // namespace

Campaign Campaign::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw TuijieError(make_error(Category::MissingInput, "campaign-missing", "无法读取活动文件",
                                 "cannot read the campaign file", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), Poco::Path(path).getFileName());
}

Campaign Campaign::parse(std::string content, std::string file_name) {
  Poco::Dynamic::Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(strip_bom(content));
  } catch (const Poco::Exception& e) {
    throw TuijieError(make_error("campaign-invalid", "活动文件不是有效的 JSON：" + e.message(),
                                 "the campaign file is not valid JSON: " + e.message(), file_name));
  }
  if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw TuijieError(make_error("campaign-invalid", "活动文件的顶层应为 JSON 对象 {…}",
                                 "the campaign file must hold one JSON object {…}", file_name));
  }
  std::map<std::string, std::string> values;
  flatten(root, "", values);
  if (Diagnostics problems = check(values, file_name); !problems.empty()) {
    throw TuijieError(std::move(problems));
  }

  Campaign campaign;
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(content);
  campaign.sha256_ = Poco::DigestEngine::digestToHex(sha.digest());
  campaign.file_name_ = std::move(file_name);
  campaign.content_ = std::move(content);
  for (auto& [path, text] : values) {
    campaign.globals_.emplace(std::string(kPrefix) + path, std::move(text));
  }
  return campaign;
}

std::string Campaign::get(std::string_view path) const {
  const auto it = globals_.find(std::string(kPrefix) + std::string(path));
  return it == globals_.end() ? std::string() : it->second;
}

std::string Campaign::template_for(std::string_view kind) const {
  return get("kinds." + std::string(kind) + ".template");
}

}  // namespace tuijie::store

namespace tuijie::store {

std::vector<AwardCategory> Campaign::award_categories() const {
  std::vector<AwardCategory> out;
  const int count = std::atoi(get("awards.categories.count").c_str());
  for (int i = 1; i <= count; ++i) {
    const std::string at = "awards.categories." + std::to_string(i) + ".";
    out.push_back({get(at + "name"), get(at + "kind")});
  }
  return out;
}

std::vector<PacketPartSpec> Campaign::packet_parts() const {
  std::vector<PacketPartSpec> out;
  const int count = std::atoi(get("packet.parts.count").c_str());
  for (int i = 1; i <= count; ++i) {
    const std::string at = "packet.parts." + std::to_string(i) + ".";
    PacketPartSpec part{get(at + "document"),   get(at + "kind"),
                        get(at + "template"),   get(at + "prints") == "counts",
                        get(at + "attachment"), {}};
    std::istringstream kinds(get(at + "of"));
    for (std::string kind; kinds >> kind;)
      part.of.push_back(kind);
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace tuijie::store
