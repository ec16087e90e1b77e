#include "sample_documents.hpp"

#include <random>

namespace tuijie::testing {
namespace {

// Common characters of Chinese forms and résumés; a record draws its text from these.
constexpr std::u32string_view kPool =
    U"的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对"
    U"着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面"
    U"又"
    U"定见只主没公从已知战高长现两最安业全工农机性思向本件明民员资报义物器术产数由利题合及电部门厂"
    U"度"
    U"量质导结系外内科位变代革活程展建体正重统实力期路加管理政治文化技制领社研究设计新开关动市场水"
    U"平"
    U"信息网络服务运营销售标准规划项目投金融保险银行证券基础施交通输流仓储贸易口海税财审环境护能源"
    U"节"
    U"减排绿色低碳教育培训才引创孵园区企集团股份限司责任总董副裁助师级员授博硕士专负带队组织完承担"
    U"参"
    U"与持攻突破荣获奖省市家步一等优秀先劳模范章称号彰予评入选划委成理协联常秘书华东南北西原江河湖"
    U"山"
    U"川城乡村镇街县州府京沪津渝粤苏浙皖闽赣鲁豫鄂湘桂琼贵云藏陕甘青宁蒙黑吉辽冀晋精密造装备汽车零"
    U"件"
    U"子软成芯片光伏储池材料医药生疗械食品饮纺服居仪表客户额品牌影响核心竞争持续稳快速增提升扩完善"
    U"健";
constexpr std::u32string_view kLabels[] = {U"参选人姓名",
                                           U"性别",
                                           U"出生年月",
                                           U"所在单位及职务",
                                           U"电话",
                                           U"联系E-mail",
                                           U"单位名称",
                                           U"企业性质",
                                           U"人数规模",
                                           U"经营规模",
                                           U"业务特色",
                                           U"联系人",
                                           U"职务",
                                           U"邮编",
                                           U"详细地址",
                                           U"主要贡献",
                                           U"推荐意见（盖章）",
                                           U"年　月　日"};

std::u32string random_text(std::mt19937& random, size_t length) {
  std::uniform_int_distribution<size_t> pick(0, kPool.size() - 1);
  std::u32string out;
  for (size_t i = 0; i < length; ++i) {
    out += kPool[pick(random)];
  }
  return out;
}

}  // namespace

const TestFonts& test_fonts() {
  static const TestFonts fonts{fonts::FontFace::open(kDroidPath),
                               fonts::FontFace::open(kDejaVuPath),
                               fonts::FontFace::open(kWenKaiPath)};
  return fonts;
}

const fonts::FontFace& noto_serif_sc() {
  static const auto face = fonts::FontFace::open(kNotoSerifPath, kNotoSerifScIndex);
  return *face;
}

std::vector<page::GlyphRun> text_runs(const std::vector<const fonts::FontFace*>& chain,
                                      std::u32string_view text, double x, double y, double size) {
  std::vector<page::GlyphRun> runs;
  for (char32_t c : text) {
    const fonts::FontFace* face = nullptr;
    uint32_t glyph = 0;
    for (const fonts::FontFace* candidate : chain) {
      glyph = candidate->glyph_for(c);
      if (glyph != 0) {
        face = candidate;
        break;
      }
    }
    if (!face) {
      continue;
    }
    if (runs.empty() || runs.back().face != face) {
      double start = runs.empty() ? x : runs.back().x + runs.back().width();
      page::GlyphRun run;
      run.face = face;
      run.size = size;
      run.x = start;
      run.y = y;
      runs.push_back(run);
    }
    runs.back().glyphs.push_back(glyph);
    runs.back().text += c;
  }
  return runs;
}

double add_text(page::Page& page, const std::vector<const fonts::FontFace*>& chain,
                std::u32string_view text, double x, double y, double size) {
  double end = x;
  for (page::GlyphRun& run : text_runs(chain, text, x, y, size)) {
    end = run.x + run.width();
    page.items.push_back(std::move(run));
  }
  return end;
}

page::PagedDocument sample_form(unsigned seed) {
  const auto chain = test_fonts().chain();
  std::mt19937 random(seed);
  page::PagedDocument doc;
  doc.info.title = "候选人申报表 TJ-2020-C-" + std::to_string(seed);
  doc.info.author = "推介测试";
  doc.info.creation_date = "D:20200612000000+08'00'";
  page::Page page;
  const double left = 56, right = 539, label_width = 110;
  add_text(page, chain, U"候选人申报表", 230, 70, 18);

  // Label / value rows.
  double y = 100;
  const double row = 24;
  for (std::u32string_view label : kLabels) {
    page::Rect cell;
    cell.x = left;
    cell.y = y;
    cell.w = right - left;
    cell.h = row;
    page.items.push_back(cell);
    page::Line divider;
    divider.x1 = divider.x2 = left + label_width;
    divider.y1 = y;
    divider.y2 = y + row;
    page.items.push_back(divider);
    add_text(page, chain, label, left + 4, y + 16, 10.5);
    std::u32string value = random_text(random, 8 + random() % 20);
    if (label == U"联系E-mail") {
      value = U"cand" + std::u32string(1, U'0' + seed % 10) + U"@example.com.cn";
    }
    add_text(page, chain, value, left + label_width + 4, y + 16, 10.5);
    y += row;
  }

  // A wrapped paragraph of ≈350 characters with a check box line.
  std::u32string paragraph = random_text(random, 330) + U"，ISO 9001 认证；☑ 同意 ☐ 不同意。";
  const double size = 10.5, line_height = 16, width = right - left - 8;
  y += 20;
  size_t start = 0;
  while (start < paragraph.size()) {
    size_t per_line = static_cast<size_t>(width / size);
    std::u32string_view line = std::u32string_view(paragraph).substr(start, per_line);
    add_text(page, chain, line, left + 4, y, size);
    start += line.size();
    y += line_height;
  }
  page::Ellipse seal;
  seal.cx = 450;
  seal.cy = y + 70;
  seal.rx = seal.ry = 59.5;  // a 42 mm round seal
  seal.dashed = true;
  page.items.push_back(seal);
  doc.pages.push_back(std::move(page));
  doc.bookmarks.push_back({"候选人申报表", 0, 60, 0});
  return doc;
}

}  // namespace tuijie::testing
