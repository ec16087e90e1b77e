// The organisation samples (samples/enterprises.xlsx, parks.csv, institutions.csv) through the
// whole pipeline into their information sheets, then read back with pdftotext, pdffonts and
// qpdf: every field value is found, and the ticked boxes are exactly the record's choices.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "layout/layout_engine.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "merge/field_format.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

using namespace tuijie;
using namespace tuijie::testing;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

struct RenderedSheet {
  records::Record record;
  std::string pdf;
  std::vector<page::Page> pages;  // the layout, for the field boxes
  const merge::FieldCatalog* catalog = nullptr;
};

struct KindSetup {
  const char* kind;
  const char* sample;
  const char* template_file;
};

constexpr KindSetup kKinds[] = {
    {"enterprise", "enterprises.xlsx", "enterprise-sheet.xml"},
    {"park", "parks.csv", "park-sheet.xml"},
    {"institution", "institutions.csv", "institution-sheet.xml"},
};

// Every sample organisation rendered once per test process.
const std::vector<RenderedSheet>& sheets() {
  static std::map<std::string, merge::FieldCatalog> catalogs;
  static const std::vector<RenderedSheet> rendered = [] {
    auto schemas = records::load_schema_set(kSource + "/data/records");
    auto campaign = store::Campaign::load(kSource + "/data/campaigns/tianjin-2020.json");
    records::ImportOptions options;
    options.campaign_date = campaign.age_date();
    static auto fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
    std::string dir = fresh_test_dir("sheets-" + std::to_string(getpid()));
    std::vector<RenderedSheet> out;
    for (const KindSetup& kind : kKinds) {
      const records::Schema* schema = schemas.find(kind.kind);
      REQUIRE(schema != nullptr);
      catalogs[kind.kind] = merge::field_catalog(*schema, campaign.globals());
      const merge::FieldCatalog& catalog = catalogs[kind.kind];
      auto tpl = merge::compile_template(
          templates::parse_template_file(kSource + "/templates/" + kind.template_file), *fonts,
          catalog);
      options.kind = kind.kind;
      auto result = records::read_records(kSource + "/samples/" + kind.sample, schemas, options);
      REQUIRE(result.ok());
      REQUIRE(result.records.size() >= 3);
      for (const auto& record : result.records) {
        Diagnostics problems;
        auto model = merge::build_document(tpl, record, campaign.globals(), problems);
        auto laid = layout::layout_document(model);
        for (const auto& d : laid.diagnostics)
          problems.push_back(d);
        INFO(record.key);
        for (const auto& d : problems)
          INFO(d.format_bilingual());
        REQUIRE(problems.empty());
        page::PagedDocument doc;
        doc.pages = laid.pages;
        doc.info = model.info;
        RenderedSheet s{record, dir + "/" + std::to_string(out.size()) + ".pdf", laid.pages,
                        &catalog};
        pdf::write_pdf_file(doc, s.pdf);
        out.push_back(std::move(s));
      }
    }
    return out;
  }();
  return rendered;
}

// The name an option prints under (the record stores codes for reference choices).
std::string option_name(const merge::FieldCatalog& catalog, const std::string& field,
                        const std::string& value) {
  for (const auto& option : catalog.choices.at(field)) {
    if (option.value == value)
      return option.name;
  }
  FAIL("no option " << value << " in " << field);
  return {};
}

std::vector<std::string> list_items(const std::string& value) {
  std::vector<std::string> items;
  size_t start = 0;
  while (!value.empty()) {
    size_t sep = value.find("、", start);
    items.push_back(value.substr(start, sep == std::string::npos ? sep : sep - start));
    if (sep == std::string::npos)
      break;
    start = sep + std::string("、").size();
  }
  return items;
}

// How a field's value prints on the sheets (the formats the templates give).
std::string printed(const RenderedSheet& s, const std::string& field) {
  const std::string& v = s.record.get(field);
  static const std::set<std::string> dates = {"founded"};
  static const std::set<std::string> money = {"revenue", "revenue_offshore"};
  static const std::set<std::string> counts = {"staff_total", "staff_outsourcing", "patents",
                                               "copyrights",  "enterprises",       "staff",
                                               "trainees"};
  if (dates.count(field))
    return merge::format_value(v, "date");
  if (money.count(field))
    return merge::format_value(v, "money");
  if (counts.count(field))
    return merge::format_value(v, "integer");
  return strip_space(v);
}

Box box_of(const page::FieldBox& f) {
  return {f.x, f.y, f.x + f.w, f.y + f.h};
}

// Choice fields the sheets print as plain text rather than as a row of boxes.
bool printed_as_text(const std::string& field) {
  return field == "region";  // 所在地: one of 34 province-level divisions
}

bool starts_with_box(const std::string& word) {
  return word.rfind("☑", 0) == 0 || word.rfind("☐", 0) == 0;
}

// The options ticked inside a box, read from pdftotext's words: a word starting with ☑ begins
// an option; a long option name wraps onto the next lines of its column, which start at the
// same x and do not begin with a box.
std::vector<std::string> ticked_in_box(const std::vector<TextLine>& lines, int page,
                                       const Box& box) {
  std::vector<const Word*> words;
  for (const auto& line : lines) {
    if (line.page != page)
      continue;
    for (const auto& w : line.words) {
      double cx = (w.box.x_min + w.box.x_max) / 2, cy = (w.box.y_min + w.box.y_max) / 2;
      if (cx >= box.x_min && cx <= box.x_max && cy >= box.y_min && cy <= box.y_max)
        words.push_back(&w);
    }
  }
  std::vector<std::string> ticked;
  for (const Word* w : words) {
    if (w->text.rfind("☑", 0) != 0)
      continue;
    std::string name = w->text.substr(std::string("☑").size());
    double y = w->box.y_max;
    for (bool more = true; more;) {
      more = false;
      for (const Word* next : words) {
        if (std::abs(next->box.x_min - w->box.x_min) < 1.0 && next->box.y_min >= y - 0.5 &&
            next->box.y_min < y + 6 && !starts_with_box(next->text)) {
          name += next->text;
          y = next->box.y_max;
          more = true;
          break;
        }
      }
    }
    ticked.push_back(strip_space(name));
  }
  return ticked;
}

}  // namespace

TEST_CASE("every field of every sample sheet prints, each in its own cell") {
  REQUIRE(sheets().size() >= 19);
  for (const auto& s : sheets()) {
    INFO(s.record.kind << " " << s.record.key << " " << s.pdf);
    auto lines = read_lines(s.pdf);
    std::string all;
    for (const auto& line : lines)
      all += line.text();
    all = strip_space(all);
    // Anywhere in the document: every stored value, as the sheet prints it.
    for (const auto& [field, value] : s.record.fields) {
      INFO("field " << field << " = " << value);
      if (s.catalog->choices.count(field) && !printed_as_text(field)) {
        for (const std::string& item : list_items(value))
          CHECK(all.find("☑" + option_name(*s.catalog, field, item)) != std::string::npos);
      } else if (value == "是" || value == "否") {
        CHECK(all.find("☑" + value) != std::string::npos);
      } else {
        CHECK(all.find(printed(s, field)) != std::string::npos);
      }
    }
    // In its cell: the text inside each value cell is the value (long texts may continue
    // on the next page, so they are joined first).
    std::map<std::string, std::string> seen;
    for (size_t p = 0; p < s.pages.size(); ++p) {
      for (const auto& f : s.pages[p].fields)
        seen[f.field] += text_in_box(lines, static_cast<int>(p), box_of(f));
    }
    size_t checked = 0;
    for (const auto& [field, got] : seen) {
      if (field.rfind("campaign.", 0) == 0 || field.rfind("choice.", 0) == 0 ||
          (s.catalog->choices.count(field) && !printed_as_text(field)) ||
          s.record.get(field) == "是" || s.record.get(field) == "否" ||
          (s.record.get(field).empty() && got.find("☐") != std::string::npos))
        continue;  // boxes: read in the next test
      INFO("cell " << field);
      CHECK(got == printed(s, field));
      ++checked;
    }
    CHECK(checked >= 12);
    CHECK(s.pages.size() >= 1);
    CHECK(s.pages.size() <= 2);  // documents.md: one or two pages
  }
}

TEST_CASE("the ticked boxes are exactly the record's industries, function areas and choices") {
  size_t function_area_sheets = 0;
  for (const auto& s : sheets()) {
    INFO(s.record.kind << " " << s.record.key);
    auto lines = read_lines(s.pdf);
    std::map<std::string, std::multiset<std::string>> ticked;
    for (size_t p = 0; p < s.pages.size(); ++p) {
      for (const auto& f : s.pages[p].fields) {
        for (auto& name : ticked_in_box(lines, static_cast<int>(p), box_of(f)))
          ticked[f.field].insert(name);
      }
    }
    for (const auto& [field, options] : s.catalog->choices) {
      if (printed_as_text(field))
        continue;
      std::multiset<std::string> expected;
      for (const std::string& item : list_items(s.record.get(field)))
        expected.insert(option_name(*s.catalog, field, item));
      INFO("field " << field);
      CHECK(ticked[field] == expected);
    }
    if (s.record.kind == "enterprise") {
      CHECK(ticked["function_areas"].size() >= 1);
      ++function_area_sheets;
    }
  }
  CHECK(function_area_sheets >= 12);
}

TEST_CASE("sample sheets embed subset fonts with Unicode maps and pass qpdf cleanly") {
  for (const auto& s : sheets()) {
    INFO(s.pdf);
    for (const auto& problem : pdf_delivery_problems(s.pdf))
      FAIL_CHECK(problem);
  }
}

TEST_CASE("no line of a sample sheet starts or ends with a character the rules forbid there") {
  const std::u32string_view no_start = kNoLineStart;
  const std::u32string_view no_end = kNoLineEnd;
  size_t checked = 0;
  for (const auto& s : sheets()) {
    for (const auto& line : read_lines(s.pdf)) {
      for (const auto& word : line.words) {  // columns of a list are words of one line
        std::u32string text = utf8::decode(word.text);
        if (text.empty())
          continue;
        ++checked;
        INFO(s.pdf << " page " << line.page + 1 << ": " << word.text);
        CHECK(no_start.find(text.front()) == std::u32string::npos);
        CHECK(no_end.find(text.back()) == std::u32string::npos);
      }
    }
  }
  CHECK(checked > 1000);
}
