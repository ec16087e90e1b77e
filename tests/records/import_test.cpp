#include "records/import.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>

#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::find_diagnostic;
using test::fixture;
using test::scratch_directory;
using test::write_file;

const SchemaSet& schemas() {
  static const SchemaSet set = load_schema_set(test::schema_directory());
  return set;
}

ImportOptions options_2020() {
  ImportOptions options;
  options.campaign_date = "2020-06-30";
  return options;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.format_bilingual() + "\n";
  }
  return out;
}

std::string absolute_fixture(const std::string& name) {
  return std::filesystem::absolute(fixture(name)).lexically_normal().string();
}

TEST_CASE("a good candidate file gives canonical records", "[import]") {
  ImportResult result = read_records(fixture("candidates_utf8_bom.csv"), schemas(), options_2020());
  INFO(describe(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.kind == "candidate");
  CHECK(result.encoding == "UTF-8");
  CHECK(result.data_rows == 3);
  REQUIRE(result.records.size() == 3);
  CHECK(result.record_rows == std::vector<long>{2, 3, 4});

  const Record& zhang = result.records[0];
  CHECK(zhang.kind == "candidate");
  CHECK(zhang.key == "C001");
  CHECK(zhang.get("birth") == "1975-03");
  CHECK(zhang.get("vp_or_above") == "是");
  CHECK(zhang.get("org_features") == "软件开发\n测试服务");
  CHECK(zhang.get("contributions") == "主导“离岸交付”体系建设，\"质量第一\"。");
  CHECK(zhang.get("photo") == absolute_fixture("photo.jpg"));
  REQUIRE(zhang.lists.at("resume").size() == 2);
  CHECK(zhang.lists.at("resume")[0] == Entry{{"title", "副总裁"},
                                             {"period", "2015-至今"},
                                             {"country", "中国"},
                                             {"org", "天津软件外包有限公司"}});
  CHECK(zhang.lists.at("resume")[1].at("title") == "技术总监");

  const Record& wang = result.records[1];
  CHECK(wang.key == "王芳|010-65978801-307");  // no 候选人编号: name + phone
  CHECK(wang.get("birth") == "1980-05");
  CHECK(wang.get("vp_or_above") == "否");
  CHECK(wang.fields.count("nominator") == 0);  // 个人自荐 needs no 推荐机构
  CHECK(wang.fields.count("org_staff") == 0);  // empty optional values are absent

  CHECK(result.records[2].get("birth") == "1968-11");
  CHECK(result.records[2].get("vp_or_above") == "是");

  // The photos are readable but small (and one is a PNG): warnings, not errors.
  const Diagnostic* small = find_diagnostic(result.diagnostics, 2, "photo-small");
  REQUIRE(small != nullptr);
  CHECK(small->severity == Severity::Warning);
  CHECK(small->column == 22);
  CHECK(find_diagnostic(result.diagnostics, 3, "photo-format") != nullptr);
}

TEST_CASE("CSV in UTF-8, UTF-8 with BOM and GBK, and JSON give the same records", "[import]") {
  ImportResult bom = read_records(fixture("candidates_utf8_bom.csv"), schemas(), options_2020());
  ImportResult plain = read_records(fixture("candidates_utf8.csv"), schemas(), options_2020());
  ImportResult gbk = read_records(fixture("candidates_gbk.csv"), schemas(), options_2020());
  ImportResult json = read_records(fixture("candidates.json"), schemas(), options_2020());
  INFO(describe(json.diagnostics));
  REQUIRE(json.ok());
  REQUIRE(gbk.ok());
  CHECK(gbk.encoding == "GB18030");
  REQUIRE(bom.records.size() == 3);
  CHECK(plain.records == bom.records);
  CHECK(gbk.records == bom.records);
  CHECK(json.records == bom.records);
  CHECK(json.record_rows == std::vector<long>{1, 2, 3});  // JSON rows are element numbers
}

TEST_CASE("the Tianjin samples: CP936 CSV and JSON agree, Ext-A/B names survive", "[import]") {
  std::string samples = std::string(TUIJIE_SOURCE_DIR) + "/samples/";
  ImportResult csv = read_records(samples + "candidates.csv", schemas(), options_2020());
  ImportResult json = read_records(samples + "candidates.json", schemas(), options_2020());
  ImportResult extb = read_records(samples + "candidates-extb.csv", schemas(), options_2020());
  INFO(describe(csv.diagnostics) + describe(json.diagnostics) + describe(extb.diagnostics));
  CHECK(csv.diagnostics.empty());  // valid data, photos over 1 MB: not even a warning
  CHECK(json.diagnostics.empty());
  CHECK(extb.diagnostics.empty());
  CHECK(csv.encoding == "GB18030");
  REQUIRE(csv.records.size() == 6);
  CHECK(json.records == csv.records);
  CHECK(csv.records[0].lists.at("resume").size() == 6);
  CHECK(csv.records[0].get("contributions").size() > 2000 * 3);  // 2,413 characters
  CHECK(csv.records[2].get("name") == "孙喆");                   // beyond GB2312
  REQUIRE(extb.records.size() == 2);
  CHECK(extb.records[0].get("name") == "王𠮷");
  CHECK(extb.records[1].get("name") == "龚䶮");
}

TEST_CASE("rare characters survive GB18030", "[import]") {
  ImportResult result = read_records(fixture("candidates_gb18030.csv"), schemas(), options_2020());
  REQUIRE(result.ok());
  REQUIRE(result.records.size() == 1);
  CHECK(result.records[0].get("name") == "吉𠮷");
}

TEST_CASE("every bad value is reported with its row and column", "[import]") {
  ImportResult result = read_records(fixture("candidates_bad.csv"), schemas(), options_2020());
  struct Expected {
    long row;
    long column;
    const char* column_name;
    const char* code;
  };
  const Expected expected[] = {
      {2, 11, "联系E-mail", "bad-email"},    {3, 10, "电话", "bad-phone"},
      {4, 7, "出生年月", "bad-date"},        {5, 6, "性别", "unknown-choice"},
      {6, 22, "照片", "photo-missing"},      {7, 22, "照片", "photo-unreadable"},
      {8, 16, "业务特色", "too-long"},       {9, 7, "出生年月", "age-out-of-range"},
      {10, 17, "联系人", "missing-value"},   {11, 20, "邮编", "bad-postcode"},
      {12, 23, "履历", "bad-entry"},         {13, 3, "推荐机构", "missing-value"},
      {14, 9, "副总裁及以上", "bad-yes-no"}, {16, 0, "", "duplicate-key"},
  };
  for (const Expected& e : expected) {
    INFO("row " << e.row << " " << e.code << "\n" << describe(result.diagnostics));
    const Diagnostic* d = find_diagnostic(result.diagnostics, e.row, e.code);
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
    CHECK(d->column == e.column);
    CHECK(d->column_name == e.column_name);
    CHECK(d->file == fixture("candidates_bad.csv"));
    CHECK_FALSE(d->reason_zh.empty());
    CHECK_FALSE(d->reason_en.empty());
  }
  // Each bad row has exactly its one error; row 15 is the only good row.
  std::set<long> bad_rows = rows_with_errors(result.diagnostics);
  CHECK(bad_rows == std::set<long>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16});
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }) == 14);
  CHECK(result.record_rows == std::vector<long>{15});

  CHECK(find_diagnostic(result.diagnostics, 2, "bad-email")->value == "zhang@@example");
  const Diagnostic* resume = find_diagnostic(result.diagnostics, 12, "bad-entry");
  CHECK(resume->value == "副总裁｜2015-至今｜中国");
  CHECK(resume->reason_zh.find("履历第 1 条") != std::string::npos);
  const Diagnostic* age = find_diagnostic(result.diagnostics, 9, "age-out-of-range");
  CHECK(age->reason_en.find("aged 15 on 2020-06-30") != std::string::npos);
}

TEST_CASE("a duplicate key is reported even on a row with other errors", "[import]") {
  auto dir = scratch_directory("duplicates");
  std::string text = test::read_bytes(fixture("candidates_utf8.csv"));
  std::size_t second_row = text.find("\n,个人自荐");
  REQUIRE(second_row != std::string::npos);
  // Row 5 repeats C001 with a bad postcode; row 6 has a 候选人编号 of 33 characters and the
  // name and phone of row 3, which must not count as the same person.
  std::string first = text.substr(text.find('\n') + 1, second_row - text.find('\n'));
  std::string bad_postcode = first;
  bad_postcode.replace(bad_postcode.find(",300000,"), 8, ",3000,");
  std::string row3 = text.substr(second_row + 1, text.find("\nC003") - second_row);
  std::string long_id = std::string(33, 'X') + row3;
  write_file(dir / "c.csv", text + bad_postcode + long_id);
  std::filesystem::copy_file(fixture("photo.jpg"), dir / "photo.jpg");
  std::filesystem::copy_file(fixture("photo.png"), dir / "photo.png");

  ImportResult result = read_records((dir / "c.csv").string(), schemas(), options_2020());
  INFO(describe(result.diagnostics));
  CHECK(find_diagnostic(result.diagnostics, 5, "bad-postcode") != nullptr);
  const Diagnostic* duplicate = find_diagnostic(result.diagnostics, 5, "duplicate-key");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->reason_en.find("row 2") != std::string::npos);
  CHECK(find_diagnostic(result.diagnostics, 6, "too-long") != nullptr);
  CHECK(find_diagnostic(result.diagnostics, 6, "duplicate-key") == nullptr);
  CHECK(result.record_rows == std::vector<long>{2, 3, 4});
}

TEST_CASE("a missing required column is reported once, against the header row", "[import]") {
  ImportResult result =
      read_records(fixture("candidates_missing_column.csv"), schemas(), options_2020());
  const Diagnostic* d = find_diagnostic(result.diagnostics, 1, "missing-column");
  REQUIRE(d != nullptr);
  CHECK(d->column_name == "邮编");
  CHECK(find_diagnostic(result.diagnostics, 2, "missing-value") == nullptr);
  CHECK(result.records.empty() == false);  // the rows themselves are fine ...
  CHECK_FALSE(result.ok());                // ... but the file is not
  CHECK(rows_with_errors(result.diagnostics) == std::set<long>{1});
}

TEST_CASE("header problems: unknown, duplicate and unnamed columns", "[import]") {
  auto dir = scratch_directory("header-problems");
  write_file(dir / "c.csv",
             "参选人姓名,name,爱好,电话\n"
             "张三,张三,下棋,13800138000,多出来的\n");
  ImportResult result = read_records((dir / "c.csv").string(), schemas(), {.kind = "candidate"});
  const Diagnostic* unknown = find_diagnostic(result.diagnostics, 1, "unknown-column");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->severity == Severity::Warning);
  CHECK(unknown->column == 3);
  CHECK(unknown->column_name == "爱好");
  const Diagnostic* duplicate = find_diagnostic(result.diagnostics, 1, "duplicate-column");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->column == 2);
  const Diagnostic* unnamed = find_diagnostic(result.diagnostics, 2, "no-header");
  REQUIRE(unnamed != nullptr);
  CHECK(unnamed->column == 5);
  CHECK(unnamed->value == "多出来的");
}

TEST_CASE("JSON problems name the element number and the key", "[import]") {
  auto dir = scratch_directory("json-problems");
  std::string good = test::read_bytes(fixture("candidates.json"));
  // Element 2 gets a bad e-mail; element 3 an object where text belongs.
  std::string text = good;
  auto replace = [&text](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("wangfang@example.org.cn", "wangfang-at-example");
  replace("\"某服务外包协会 秘书长\"", "{\"x\": 1}");
  write_file(dir / "c.json", text);
  std::filesystem::copy_file(fixture("photo.jpg"), dir / "photo.jpg");
  std::filesystem::copy_file(fixture("photo.png"), dir / "photo.png");

  ImportResult result = read_records((dir / "c.json").string(), schemas(), options_2020());
  INFO(describe(result.diagnostics));
  const Diagnostic* email = find_diagnostic(result.diagnostics, 2, "bad-email");
  REQUIRE(email != nullptr);
  CHECK(email->column_name == "email");
  CHECK(email->column == 0);
  const Diagnostic* object = find_diagnostic(result.diagnostics, 3, "bad-json-value");
  REQUIRE(object != nullptr);
  CHECK(object->column_name == "org_and_title");
  CHECK(result.record_rows == std::vector<long>{1});
}

TEST_CASE("a JSON file missing a required key reports it per element", "[import]") {
  auto dir = scratch_directory("json-missing");
  write_file(dir / "c.json", R"([{"name": "张三", "phone": "13800138000"}])");
  ImportResult result = read_records((dir / "c.json").string(), schemas(), options_2020());
  const Diagnostic* d = find_diagnostic(result.diagnostics, 1, "missing-value");
  REQUIRE(d != nullptr);
  CHECK(d->column_name == "channel");
  CHECK(find_diagnostic(result.diagnostics, 1, "missing-column") == nullptr);
}

TEST_CASE("too many data rows stop the import before any row is checked", "[import]") {
  SchemaSet small = schemas();
  small.max_data_rows = 2;
  ImportResult result = read_records(fixture("candidates_utf8.csv"), small, options_2020());
  REQUIRE(find_diagnostic(result.diagnostics, 0, "too-many-rows") != nullptr);
  CHECK(result.records.empty());
  CHECK(result.data_rows == 3);
}

TEST_CASE("the kind: given, inferred, or impossible to tell", "[import]") {
  auto dir = scratch_directory("kinds");
  write_file(dir / "c.csv", "颜色,大小\n红,大\n");
  ImportResult unknown = read_records((dir / "c.csv").string(), schemas(), {});
  REQUIRE(find_diagnostic(unknown.diagnostics, 0, "unknown-kind") != nullptr);
  ImportResult bad_kind =
      read_records(fixture("candidates_utf8.csv"), schemas(), {.kind = "planet"});
  REQUIRE(find_diagnostic(bad_kind.diagnostics, 0, "unknown-kind") != nullptr);
  CHECK(bad_kind.records.empty());
}

TEST_CASE("files that cannot be read at all", "[import]") {
  auto dir = scratch_directory("unreadable");
  ImportResult missing = read_records((dir / "none.csv").string(), schemas(), {});
  CHECK(find_diagnostic(missing.diagnostics, 0, "cannot-read") != nullptr);

  write_file(dir / "bad.csv", "参选人姓名\n\x80\n");
  ImportResult bad = read_records((dir / "bad.csv").string(), schemas(), {});
  const Diagnostic* encoding = find_diagnostic(bad.diagnostics, 2, "bad-encoding");
  REQUIRE(encoding != nullptr);
  CHECK(encoding->byte_offset == 16);  // kept beside the row and column
  CHECK(encoding->column == 1);

  write_file(dir / "empty.csv", "");
  CHECK(find_diagnostic(read_records((dir / "empty.csv").string(), schemas(), {}).diagnostics, 0,
                        "empty-file") != nullptr);
  write_file(dir / "empty.json", "[]");
  CHECK(find_diagnostic(read_records((dir / "empty.json").string(), schemas(), {}).diagnostics, 0,
                        "empty-file") != nullptr);

  write_file(dir / "book.xls", "\xD0\xCF\x11\xE0");
  CHECK(find_diagnostic(read_records((dir / "book.xls").string(), schemas(), {}).diagnostics, 0,
                        "unsupported-format") != nullptr);
  write_file(dir / "book.xlsx", "PK");
  CHECK(find_diagnostic(read_records((dir / "book.xlsx").string(), schemas(), {}).diagnostics, 0,
                        "bad-xlsx") != nullptr);
}

TEST_CASE("a header without data rows is a warning", "[import]") {
  auto dir = scratch_directory("header-only");
  std::string text = test::read_bytes(fixture("candidates_utf8.csv"));
  write_file(dir / "c.csv", text.substr(0, text.find('\n') + 1) + "\n\n");
  ImportResult result = read_records((dir / "c.csv").string(), schemas(), options_2020());
  CHECK(result.ok());
  CHECK(result.data_rows == 0);
  const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "no-data");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::Warning);
}

TEST_CASE("without a campaign date the age rule is skipped, and said to be", "[import]") {
  ImportResult result = read_records(fixture("candidates_bad.csv"), schemas(), {});
  CHECK(find_diagnostic(result.diagnostics, 9, "age-out-of-range") == nullptr);
  const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "no-campaign-date");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::Warning);
}

TEST_CASE("photo rules with an injected probe", "[import]") {
  FieldContext context;
  context.base_directory = "/data/photos";
  image::ImageInfo info;
  info.file_size = 2'000'000;
  context.probe_photo = [&info](const std::string& path) {
    CHECK(path == "/data/photos/a/p.jpg");
    return info;
  };
  PhotoRule rule{1'000'000, "jpeg"};

  info.format = image::Format::Jpeg;
  ParsedValue big_jpeg = check_photo("a/./p.jpg", rule, context);
  CHECK(big_jpeg.value == "/data/photos/a/p.jpg");
  CHECK(big_jpeg.problems.empty());

  info.format = image::Format::Png;
  ParsedValue png = check_photo("a/p.jpg", rule, context);
  CHECK(png.ok());
  REQUIRE(png.problems.size() == 1);
  CHECK(png.problems[0].code == "photo-format");

  info.format = image::Format::Unknown;
  CHECK_FALSE(check_photo("a/p.jpg", rule, context).ok());

  context.probe_photo = [](const std::string&) -> image::ImageInfo {
    throw std::runtime_error("broken");
  };
  ParsedValue broken = check_photo("a/p.jpg", rule, context);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.problems[0].code == "photo-missing");  // the file does not exist either
}

TEST_CASE("the image stage's reasons reach the user", "[import]") {
  FieldContext context;
  context.base_directory = fixture("");
  ParsedValue gif = check_photo("photo.gif", PhotoRule{1'000'000, "jpeg"}, context);
  REQUIRE_FALSE(gif.ok());
  CHECK(gif.problems[0].code == "photo-unreadable");
  CHECK(gif.problems[0].reason_en.find("GIF") != std::string::npos);

  ParsedValue missing = check_photo("nobody.jpg", PhotoRule{}, context);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.problems[0].code == "photo-missing");
  CHECK(missing.problems[0].reason_en.find("nobody.jpg") != std::string::npos);
}

TEST_CASE("a 500-row file imports quickly", "[import][speed]") {
  auto dir = scratch_directory("speed");
  std::string base = test::read_bytes(fixture("candidates_utf8.csv"));
  std::size_t header_end = base.find('\n') + 1;
  std::string body = base.substr(header_end);
  std::string text = base.substr(0, header_end);
  for (int i = 0; i < 167; ++i) {
    // Distinct keys: C001 -> C001-i; the second row's key is name + phone, so vary the name.
    std::string copy = body;
    copy.replace(copy.find("C001"), 4, "C001-" + std::to_string(i));
    copy.replace(copy.find("C003"), 4, "C003-" + std::to_string(i));
    copy.replace(copy.find(",王芳,"), std::string(",王芳,").size(),
                 ",王芳" + std::to_string(i) + ",");
    text += copy;
  }
  write_file(dir / "many.csv", text);
  std::filesystem::copy_file(fixture("photo.jpg"), dir / "photo.jpg");
  std::filesystem::copy_file(fixture("photo.png"), dir / "photo.png");

  const SchemaSet& loaded = schemas();
  // Processor time, not wall time: the machine may be busy with other work.
  std::clock_t start = std::clock();
  ImportResult result = read_records((dir / "many.csv").string(), loaded, options_2020());
  double elapsed_ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  INFO(describe(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.records.size() == 501);
  WARN("501 rows imported in " << elapsed_ms << " ms of processor time");
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
  CHECK(elapsed_ms < 100);  // optimised builds only: sanitizers are many times slower
#endif
}

}  // namespace
}  // namespace tuijie::records
