// The candidate form template merged with a record and laid out: what a clerk would check.
#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "layout_fixture.hpp"
#include "merge/document_builder.hpp"
#include "template/element.hpp"

using namespace tuijie;

namespace {

records::Record candidate(const std::string& channel) {
  records::Record r;
  r.kind = "candidate";
  r.key = "TJ2020-P-900";
  r.fields = {{"candidate_id", "TJ2020-P-900"},
              {"channel", channel},
              {"employer_type", "服务外包企业"},
              {"name", "王𠮷"},
              {"gender", "男"},
              {"birth", "1975-03"},
              {"org_and_title", "天津滨海信息技术有限公司 副总裁"},
              {"vp_or_above", "是"},
              {"phone", "13820001234"},
              {"email", "wang@example.com"},
              {"org_name", "天津滨海信息技术有限公司"},
              {"contact_name", "李䶮"},
              {"contact_phone", "022-58665632"},
              {"postcode", "300457"},
              {"address", "天津市滨海新区第三大街1号"},
              {"contributions", "主导建设了金融业软件研发外包交付中心。"},
              {"statement", "该同志长期从事服务外包工作。\n第二段。"}};
  if (channel != "个人自荐")
    r.fields["nominator"] = "天津市商务局";
  r.lists["resume"] = {{{"title", "副总裁"},
                        {"period", "2015.03-2020.06"},
                        {"country", "中国"},
                        {"org", "天津滨海信息技术有限公司"}}};
  return r;
}

struct Laid {
  layout::LayoutResult result;
  Diagnostics diagnostics;
};

Laid lay_out(const records::Record& r) {
  auto root = templates::parse_template_file(std::string(TUIJIE_SOURCE_DIR) +
                                             "/templates/candidate-form.xml");
  auto tpl = merge::compile_template(root, *testing::project_fonts(), {});
  merge::Globals globals = {{"campaign.person.name", "2020中国数字服务暨服务外包杰出贡献人物推介"},
                            {"campaign.person.deadline", "2020-06-30"},
                            {"campaign.person.contact.email", "yangyixin@ccip.org.cn"}};
  Laid out;
  auto model = merge::build_document(tpl, r, globals, out.diagnostics);
  out.result = layout::layout_document(model);
  return out;
}

std::string field_text(const layout::LayoutResult& r, const std::string& field) {
  for (const auto& page : r.pages) {
    for (const auto& box : page.fields) {
      if (box.field != field)
        continue;
      std::u32string text;
      for (const auto& item : page.items) {
        const auto* run = std::get_if<page::GlyphRun>(&item);
        if (run && run->x >= box.x - 0.01 && run->x <= box.x + box.w && run->y >= box.y &&
            run->y <= box.y + box.h) {
          text += run->text;
        }
      }
      return testing::without_spaces(utf8::encode(text));
    }
  }
  return "<no box>";
}

}  // namespace

TEST_CASE("the candidate form prints each field in its own cell") {
  Laid laid = lay_out(candidate("服务外包企业推荐"));
  CHECK(laid.diagnostics.empty());
  CHECK(laid.result.diagnostics.empty());
  const auto& r = laid.result;
  CHECK(field_text(r, "name") == "王𠮷");
  CHECK(field_text(r, "birth") == "1975年3月");
  CHECK(field_text(r, "email") == "wang@example.com");
  CHECK(field_text(r, "contact_name") == "李䶮");
  CHECK(field_text(r, "nominator") == "天津市商务局");
  CHECK(field_text(r, "channel").find("☑服务外包企业推荐") != std::string::npos);
  CHECK(field_text(r, "channel").find("☐个人自荐") != std::string::npos);
  // The form, then the statement on its own page under the candidate's name.
  REQUIRE(r.pages.size() >= 2);
  std::string last = testing::page_text(r.pages.back());
  CHECK(last.find("候选人推荐说明") != std::string::npos);
  CHECK(last.find("王𠮷") != std::string::npos);
}

TEST_CASE("a self-nominated candidate gets a 自荐说明 and an empty nominator marked as such") {
  Laid laid = lay_out(candidate("个人自荐"));
  const auto& r = laid.result;
  CHECK(field_text(r, "nominator") == "（个人自荐）");
  CHECK(field_text(r, "channel").find("☑个人自荐") != std::string::npos);
  CHECK(testing::page_text(r.pages.back()).find("自荐说明") != std::string::npos);
}

TEST_CASE("the resume table has at least four rows and one per entry beyond that") {
  auto r1 = lay_out(candidate("个人自荐")).result;
  records::Record many = candidate("个人自荐");
  for (int i = 0; i < 6; ++i) {
    many.lists["resume"].push_back({{"title", "经理" + std::to_string(i)},
                                    {"period", "2000.01-2001.01"},
                                    {"country", "中国"},
                                    {"org", "某公司"}});
  }
  auto r7 = lay_out(many).result;
  auto count_boxes = [](const layout::LayoutResult& r, const std::string& field) {
    size_t n = 0;
    for (const auto& page : r.pages) {
      for (const auto& box : page.fields)
        n += box.field == field;
    }
    return n;
  };
  CHECK(count_boxes(r1, "title") == 4);
  CHECK(count_boxes(r7, "title") == 7);
}
