// The readers refuse hostile files cleanly, class by class, on generated inputs: every refusal
// is a diagnostic with the file, row, column and value, and nothing of the file is read wrong.
#include <Poco/Checksum.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "records/csv_reader.hpp"
#include "records/file_format.hpp"
#include "records/import.hpp"
#include "records/json_reader.hpp"
#include "records/json_syntax.hpp"
#include "records/xlsx_reader.hpp"
#include "test_support.hpp"
#include "zip_writer.hpp"

namespace tuijie::records {
namespace {

using test::find_diagnostic;
using test::minimal_workbook;
using test::scratch_directory;
using test::write_file;

const SchemaSet& schemas() {
  static const SchemaSet set = load_schema_set(test::schema_directory());
  return set;
}

XlsxOptions limits() {
  XlsxOptions options;
  options.unpack = {schemas().max_unpacked_entry_bytes, schemas().max_unpacked_total_bytes};
  options.max_data_rows = schemas().max_data_rows;
  return options;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.format_bilingual() + "\n";
  }
  return out;
}

const std::vector<std::string> kHeader = {"企业名称", "统一社会信用代码"};
const std::string kHeaderRow =
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)";

SourceTable read_sheet_rows(const std::string& rows, const std::string& styles = "") {
  return read_xlsx_table(minimal_workbook(kHeaderRow + rows, kHeader, styles).bytes(), "t.xlsx",
                         limits());
}

bool any_cell_is(const SourceTable& table, const std::string& text) {
  for (const SourceRow& row : table.rows) {
    for (const RawValue& value : row.cells) {
      if (value.text == text) {
        return true;
      }
    }
  }
  return false;
}

TEST_CASE("xlsx: a shared-string index that is not one is reported at its cell", "[hostile]") {
  for (std::string bad : {"abc", "12345678901234567890", "-1", "2", "99", "1.5", " 1", "1e0", ""}) {
    INFO("index '" << bad << "'");
    SourceTable table = read_sheet_rows(R"(<row r="2"><c r="A2" t="s"><v>)" + bad +
                                        R"(</v></c><c r="B2"><v>7</v></c></row>)");
    const Diagnostic* d = find_diagnostic(table.diagnostics, 2, "bad-xlsx");
    REQUIRE(d != nullptr);
    CHECK(d->column == 1);
    CHECK(d->value == bad);
    CHECK(d->file == "t.xlsx");
    CHECK(d->reason_en.find("shared string") != std::string::npos);
    CHECK_FALSE(any_cell_is(table, "企业名称"));  // string 0 is never read in its place
  }
  // A valid index still reads its string.
  SourceTable good = read_sheet_rows(R"(<row r="2"><c r="A2" t="s"><v>1</v></c></row>)");
  CHECK(good.diagnostics.empty());
  REQUIRE(good.rows.size() == 1);
  CHECK(good.rows[0].cells[0].text == "统一社会信用代码");
}

TEST_CASE("xlsx: a shared-string index that is not one stores nothing", "[hostile]") {
  auto dir = scratch_directory("bad-shared-string");
  for (std::string bad : {"abc", "-1", "12345678901234567890"}) {
    std::string rows = R"(<row r="2"><c r="A2" t="s"><v>)" + bad + R"(</v></c></row>)";
    write_file(dir / "e.xlsx", minimal_workbook(kHeaderRow + rows, kHeader).bytes());
    ImportOptions options;
    options.kind = "enterprise";
    ImportResult result = read_records((dir / "e.xlsx").string(), schemas(), options);
    INFO(describe(result.diagnostics));
    CHECK_FALSE(result.ok());
    CHECK(result.records.empty());
    CHECK(find_diagnostic(result.diagnostics, 2, "bad-xlsx") != nullptr);
  }
}

TEST_CASE("xlsx: a style index that is not one is reported at its cell", "[hostile]") {
  for (std::string bad : {"abc", "-1", "1x", "99999999999999999999"}) {
    INFO("style '" << bad << "'");
    SourceTable table =
        read_sheet_rows(R"(<row r="2"><c r="A2" s=")" + bad + R"("><v>43994</v></c></row>)");
    const Diagnostic* d = find_diagnostic(table.diagnostics, 2, "bad-xlsx");
    REQUIRE(d != nullptr);
    CHECK(d->column == 1);
    CHECK(d->value == bad);
  }
  CHECK(read_sheet_rows(R"(<row r="2"><c r="A2" s="0"><v>4</v></c></row>)").diagnostics.empty());
}

TEST_CASE("xlsx: a number format id that is not a number refuses the workbook", "[hostile]") {
  for (std::string bad : {"14abc", "abc", "-14", "1e1"}) {
    INFO("numFmtId '" << bad << "'");
    std::string styles =
        R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId=")" +
        bad + R"("/></cellXfs></styleSheet>)";
    SourceTable table =
        read_sheet_rows(R"(<row r="2"><c r="A2" s="1"><v>43994</v></c></row>)", styles);
    REQUIRE(is_unreadable(table));
    CHECK(table.diagnostics.back().reason_en.find("number format id") != std::string::npos);
    CHECK(table.diagnostics.back().file == "t.xlsx");
  }
}

TEST_CASE("xlsx: a row past Excel's last row, or no row number at all, refuses the sheet",
          "[hostile]") {
  for (std::string bad : {"1048577", "99999999999999999999", "0", "abc", "-3", "2.0"}) {
    INFO("row '" << bad << "'");
    SourceTable table = read_sheet_rows("<row r=\"" + bad + "\"><c><v>1</v></c></row>");
    REQUIRE(is_unreadable(table));
    const Diagnostic& d = table.diagnostics.back();
    CHECK(d.file == "t.xlsx");
    CHECK(d.row > 0);
    CHECK(d.value == bad);
  }
  // Excel's last row itself is fine.
  SourceTable last = read_sheet_rows(R"(<row r="1048576"><c r="A1048576"><v>1</v></c></row>)");
  CHECK(last.diagnostics.empty());
  REQUIRE(last.rows.size() == 1);
  CHECK(last.rows[0].row == 1048576);
}

TEST_CASE("xlsx: a cell past column XFD or with a malformed reference refuses the sheet",
          "[hostile]") {
  for (std::string bad : {"XFE2", "AAAA2", "ZZZZZZZZZZZZ2"}) {
    INFO("reference " << bad);
    SourceTable table = read_sheet_rows("<row r=\"2\"><c r=\"" + bad + "\"><v>1</v></c></row>");
    REQUIRE(is_unreadable(table));
    const Diagnostic& d = table.diagnostics.back();
    CHECK(d.row == 2);
    CHECK(d.column > 16384);
    CHECK(d.reason_en.find("XFD") != std::string::npos);
  }
  for (std::string bad : {"2B", "B", "B2x", "$B$2", "B-2"}) {
    INFO("reference " << bad);
    SourceTable table = read_sheet_rows("<row r=\"2\"><c r=\"" + bad + "\"><v>1</v></c></row>");
    REQUIRE(is_unreadable(table));
    CHECK(table.diagnostics.back().row == 2);
    CHECK(table.diagnostics.back().value == bad);
  }
  // XFD itself is a column, and costs one cell, not 16,384.
  SourceTable far = read_sheet_rows(R"(<row r="2"><c r="XFD2"><v>9</v></c></row>)");
  CHECK(far.diagnostics.empty());
  REQUIRE(far.rows.size() == 1);
  CHECK(far.rows[0].cells.size() == 16384);
  CHECK(far.rows[0].cells.present().size() == 1);
  CHECK(far.rows[0].cells[16383].text == "9");
}

TEST_CASE("xlsx: a member named twice is reported by name, never a Poco assertion", "[hostile]") {
  for (std::string twice : {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                            "[Content_Types].xml"}) {
    INFO(twice);
    test::ZipWriter zip = minimal_workbook(kHeaderRow, kHeader);
    zip.add(twice, "<x/>");
    SourceTable table = read_xlsx_table(zip.bytes(), "t.xlsx", limits());
    REQUIRE(is_unreadable(table));
    const Diagnostic& d = table.diagnostics.back();
    CHECK(d.code == "bad-xlsx");
    CHECK(d.file == "t.xlsx");
    CHECK(d.value == twice);
    CHECK(d.reason_en.find("twice") != std::string::npos);
    CHECK(d.reason_en.find("Assertion") == std::string::npos);
  }
}

TEST_CASE("xlsx: an archive cut or damaged anywhere is a diagnostic, never a crash", "[hostile]") {
  const std::string rows = R"(<row r="2"><c r="A2" t="s"><v>1</v></c></row>)";
  const std::string whole = minimal_workbook(kHeaderRow + rows, kHeader).bytes();
  REQUIRE_FALSE(is_unreadable(read_xlsx_table(whole, "t.xlsx", limits())));
  for (std::size_t size = 0; size < whole.size(); size += 3) {
    INFO("cut at " << size);
    SourceTable table;
    REQUIRE_NOTHROW(table = read_xlsx_table(whole.substr(0, size), "t.xlsx", limits()));
    CHECK(is_unreadable(table));
  }
  for (std::size_t at = 0; at < whole.size(); at += 5) {
    INFO("byte " << at << " damaged");
    std::string damaged = whole;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    SourceTable table;
    REQUIRE_NOTHROW(table = read_xlsx_table(damaged, "t.xlsx", limits()));
    for (const Diagnostic& d : table.diagnostics) {
      CHECK(d.reason_en.find("Assertion") == std::string::npos);
    }
  }
}

// The JSON fixture with `edit` applied to the tree of its text.
template <class Edit>
std::string edited_json(Edit edit) {
  JsonSyntaxError error;
  std::optional<JsonNode> root =
      parse_json(test::read_bytes(test::fixture("candidates.json")), error);
  REQUIRE(root);
  edit(*root);
  return to_json_text(*root);
}

TEST_CASE("json: a key written twice in a record fails that record, at its key", "[hostile]") {
  const std::string original = test::read_bytes(test::fixture("candidates.json"));
  JsonSyntaxError error;
  const JsonNode root = *parse_json(original, error);
  const auto& members = root.items.at(1).members;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const std::string key = members[m].first;
    INFO("key " << key);
    std::string text = edited_json([m](JsonNode& tree) {
      auto& second = tree.items.at(1).members;
      second.push_back(second[m]);  // the same key again, at the end, value unchanged
    });
    SourceTable table = read_json_table(text, "c.json");
    INFO(describe(table.diagnostics) << text.substr(0, 600));
    const Diagnostic* d = find_diagnostic(table.diagnostics, 2, "duplicate-json-key");
    REQUIRE(d != nullptr);
    CHECK(d->column_name == key);
    CHECK(d->file == "c.json");
    CHECK(table.rows.size() == 3);  // the other records are read
    CHECK(find_diagnostic(table.diagnostics, 1, "duplicate-json-key") == nullptr);
  }
}

TEST_CASE("json: a duplicated key stores nothing of its record", "[hostile]") {
  auto dir = scratch_directory("json-duplicate");
  std::filesystem::copy_file(test::fixture("photo.jpg"), dir / "photo.jpg");
  std::filesystem::copy_file(test::fixture("photo.png"), dir / "photo.png");
  write_file(dir / "c.json", edited_json([](JsonNode& tree) {
               auto& second = tree.items.at(1).members;
               JsonNode other;
               other.type = JsonNode::Type::String;
               other.text = "李四";
               second.emplace_back("name", other);
             }));
  ImportOptions options;
  options.campaign_date = "2020-06-30";
  ImportResult result = read_records((dir / "c.json").string(), schemas(), options);
  INFO(describe(result.diagnostics));
  CHECK_FALSE(result.ok());
  CHECK(result.record_rows == std::vector<long>{1, 3});  // not row 2, with either name
  for (const Record& record : result.records) {
    CHECK(record.fields.at("name") != "李四");
  }
}

TEST_CASE("json: a number no double or 64-bit integer holds fails its field only", "[hostile]") {
  const std::string digits400(400, '7');
  for (std::string huge :
       {std::string("1e400"), std::string("-1e400"), std::string("1e-400"), digits400,
        std::string("123456789012345678901234"), "0." + digits400 + "e999"}) {
    INFO("number " << huge.substr(0, 30));
    std::string text = edited_json([&huge](JsonNode& tree) {
      JsonNode number;
      number.type = JsonNode::Type::Number;
      number.text = huge;
      tree.items.at(1).members.emplace_back("org_staff", number);
      tree.items.at(1).members.erase(tree.items.at(1).members.begin() + 13);  // the old org_staff
    });
    SourceTable table = read_json_table(text, "c.json");
    CHECK(find_diagnostic(table.diagnostics, 0, "bad-json") == nullptr);  // not the whole file
    const Diagnostic* d = find_diagnostic(table.diagnostics, 2, "bad-json-value");
    REQUIRE(d != nullptr);
    CHECK(d->column_name == "org_staff");
    CHECK(d->value.size() <= 64);
    CHECK(table.rows.size() == 3);
  }
  // Numbers that fit read as before: shortest exact form.
  SourceTable fine = read_json_table(
      R"([{"a": 1e3, "b": 3500.50, "c": 12, "d": -0.25, "e": 18446744073709551615}])", "f.json");
  CHECK(fine.diagnostics.empty());
  REQUIRE(fine.rows.size() == 1);
  CHECK(fine.rows[0].cells[0].text == "1000");
  CHECK(fine.rows[0].cells[1].text == "3500.5");
  CHECK(fine.rows[0].cells[2].text == "12");
  CHECK(fine.rows[0].cells[3].text == "-0.25");
  CHECK(fine.rows[0].cells[4].text == "18446744073709551615");
}

TEST_CASE("json: broken text is one file-level error with its place", "[hostile]") {
  for (const std::string& bad : std::vector<std::string>{
           "[{\"a\": 1,}]", "[{\"a\" 1}]", "[\"\\ud800\"]", "[01]", "[1.]", "[{\"a\": \"open]",
           "[" + std::string(100, '[') + std::string(100, ']') + "]", "[1] x", "[\"tab\there\"]"}) {
    INFO(bad);
    SourceTable table = read_json_table(bad, "b.json");
    const Diagnostic* d = find_diagnostic(table.diagnostics, 0, "bad-json");
    REQUIRE(d != nullptr);
    CHECK(d->reason_en.find("(at 1:") != std::string::npos);
  }
}

TEST_CASE("csv: blank rows cost nothing and keep every row's number", "[hostile]") {
  std::string text = "企业名称,统一社会信用代码\n甲,1\n";
  for (int i = 0; i < 200000; ++i) {
    text += i % 2 == 0 ? ",,,,,,\n" : " , \n";
  }
  text += "乙,2\n";
  SourceTable table = read_csv_table(text, "t.csv");
  CHECK(table.diagnostics.empty());
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].row == 2);
  CHECK(table.rows[1].row == 200003);
  CHECK(table.rows[1].cells[0].text == "乙");
}

TEST_CASE("csv: a row past column XFD is an error on its row", "[hostile]") {
  for (long extra : {1L, 5L, 100000L}) {
    std::string wide = "x" + std::string(static_cast<std::size_t>(16383 + extra), ',') + "y";
    SourceTable table = read_csv_table("a,b\n1,2\n" + wide + "\n", "t.csv");
    const Diagnostic* d = find_diagnostic(table.diagnostics, 3, "too-many-columns");
    REQUIRE(d != nullptr);
    CHECK(d->file == "t.csv");
    CHECK(d->column == 16385);
  }
  // Exactly XFD is fine.
  std::string widest = "x" + std::string(16383, ',') + "y";
  SourceTable table = read_csv_table("a,b\n" + widest + "\n", "t.csv");
  CHECK(table.diagnostics.empty());
  CHECK(table.rows.at(0).cells[16383].text == "y");
}

TEST_CASE("csv: a byte that is not text is placed at its row and column", "[hostile]") {
  auto dir = scratch_directory("bad-bytes");
  struct Case {
    std::string text;
    long row;
    long column;
  };
  const std::vector<Case> cases = {
      {"名称,代码\n甲,\xFF\n", 2, 2},
      {"名称,代码\n甲,1\n乙,2\n丙\xFE,3\n", 4, 1},
      {"名称,代码,备注\n\"多行\n文字, 有逗号\",1,x\xC3\n", 2, 3},
      {"名称,代码\n\"a\"\"b\",\"c\r\nd\"\r\n,,\xFF\r\n", 3, 3},
  };
  for (const Case& c : cases) {
    INFO(c.row << ":" << c.column);
    write_file(dir / "b.csv", c.text);
    ImportOptions options;
    options.encoding = "utf-8";
    ImportResult result = read_records((dir / "b.csv").string(), schemas(), options);
    const Diagnostic* d = find_diagnostic(result.diagnostics, c.row, "bad-encoding");
    INFO(describe(result.diagnostics));
    REQUIRE(d != nullptr);
    CHECK(d->column == c.column);
    CHECK(d->byte_offset == static_cast<long>(c.text.find_first_of("\xFF\xFE\xC3")));
  }
}

TEST_CASE("files are read as what their content is, whatever their name", "[hostile]") {
  auto dir = scratch_directory("sniff");
  const std::string csv = "企业名称,统一社会信用代码\n甲,1\n";
  const std::string json = R"([{"企业名称": "甲", "统一社会信用代码": "1"}])";
  const std::string xlsx =
      minimal_workbook(
          kHeaderRow + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row>)",
          kHeader)
          .bytes();
  struct Content {
    const std::string* bytes;
    FileFormat format;
    const char* says;
  };
  const std::vector<Content> contents = {{&csv, FileFormat::Csv, "this is a CSV file"},
                                         {&json, FileFormat::Json, "this is a JSON file"},
                                         {&xlsx, FileFormat::Xlsx, "this is an XLSX workbook"}};
  for (const Content& content : contents) {
    CHECK(sniff_file(*content.bytes).format == content.format);
    for (std::string name : {"f.csv", "f.json", "f.xlsx", "f.txt", "f.dat"}) {
      INFO(content.says << " named " << name);
      write_file(dir / name, *content.bytes);
      ImportOptions options;
      options.kind = "enterprise";
      ImportResult result = read_records((dir / name).string(), schemas(), options);
      INFO(describe(result.diagnostics));
      CHECK(result.data_rows == 1);  // read, whatever the name
      const Diagnostic* mismatch = find_diagnostic(result.diagnostics, 0, "format-mismatch");
      std::optional<FileFormat> named = format_of_name(name);
      if (named && *named != content.format) {
        REQUIRE(mismatch != nullptr);
        CHECK(mismatch->severity == Severity::Warning);
        CHECK(mismatch->reason_en.find(content.says) != std::string::npos);
      } else {
        CHECK(mismatch == nullptr);
      }
    }
  }
}

TEST_CASE("a binary that is no record file is refused saying what it is not", "[hostile]") {
  auto dir = scratch_directory("binaries");
  struct Binary {
    std::string bytes;
    const char* what;
  };
  std::string nul_text = "abc";
  nul_text += '\0';
  nul_text += "def";
  const std::vector<Binary> binaries = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "a PDF document"},
      {"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", "a PNG image"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF", "a JPEG image"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Excel 97-2003"},
      {nul_text, "a binary file"},
      {test::ZipWriter().bytes(), "a ZIP archive that is not an Excel workbook"},
  };
  for (const Binary& binary : binaries) {
    for (std::string name : {"b.csv", "b.json", "b.bin"}) {
      INFO(binary.what << " named " << name);
      write_file(dir / name, binary.bytes);
      ImportResult result = read_records((dir / name).string(), schemas(), {});
      const Diagnostic* d = find_diagnostic(result.diagnostics, 0, "unsupported-format");
      REQUIRE(d != nullptr);
      CHECK(d->reason_en.find(binary.what) != std::string::npos);
      CHECK(d->reason_en.find("not a CSV, JSON or XLSX") != std::string::npos);
      CHECK(d->file == (dir / name).string());
    }
  }
  // Text that merely starts like a format's magic stays text.
  CHECK(sniff_file("BMI,身高\n1,2\n").format == FileFormat::Csv);
}

}  // namespace
}  // namespace tuijie::records

namespace tuijie::records {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out += static_cast<char>((v >> shift) & 0xFF);
  }
}

void put_chunk(std::string& out, const std::string& type, const std::string& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(type + data);
  out += type + data;
  put_u32(out, crc.checksum());
}

// A PNG of a hundred bytes whose header declares width x height pixels of RGB.
std::string declared_png(std::uint32_t width, std::uint32_t height) {
  std::string png = "\x89PNG\r\n\x1A\n";
  std::string header;
  put_u32(header, width);
  put_u32(header, height);
  header += std::string("\x08\x02\x00\x00\x00", 5);
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8));
  put_chunk(png, "IEND", "");
  return png;
}

const Diagnostic* find_code(const Diagnostics& diagnostics, std::string_view code) {
  for (const Diagnostic& d : diagnostics) {
    if (d.code == code) {
      return &d;
    }
  }
  return nullptr;
}

TEST_CASE("a photo whose header declares too many pixels is refused at import", "[hostile]") {
  auto dir = scratch_directory("png-bomb");
  std::filesystem::copy_file(test::fixture("photo.jpg"), dir / "photo.jpg");
  std::string csv = test::read_bytes(test::fixture("candidates_utf8.csv"));
  csv.replace(csv.find("photo.png"), 9, "bomb.png");
  write_file(dir / "c.csv", csv);
  ImportOptions options;
  options.campaign_date = "2020-06-30";
  struct Size {
    std::uint32_t width, height;
    bool refused;
  };
  for (Size size : {Size{1000000, 1000000, true}, Size{100000, 100000, true},
                    Size{8001, 8000, true}, Size{6401, 10000, true}, Size{8000, 8000, false}}) {
    INFO(size.width << "x" << size.height);
    write_file(dir / "bomb.png", declared_png(size.width, size.height));
    ImportResult result = read_records((dir / "c.csv").string(), schemas(), options);
    INFO(describe(result.diagnostics));
    const Diagnostic* d = find_code(result.diagnostics, "photo-too-large");
    if (!size.refused) {
      CHECK(d == nullptr);
      continue;
    }
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::Error);
    CHECK(d->row > 1);
    CHECK(d->column > 0);
    CHECK(d->reason_en.find(std::to_string(size.width) + "×" + std::to_string(size.height)) !=
          std::string::npos);
    CHECK(std::find(result.record_rows.begin(), result.record_rows.end(), d->row) ==
          result.record_rows.end());
  }
}

}  // namespace
}  // namespace tuijie::records

namespace tuijie::records {
namespace {

TEST_CASE("a cell longer than Excel's 32,767 characters is refused at its place", "[hostile]") {
  const std::string at_limit(32767 * 4, 'x');
  const std::string past = at_limit + "y";
  SECTION("csv") {
    for (bool quoted : {false, true}) {
      std::string cell = quoted ? "\"" + past + "\"" : past;
      SourceTable table = read_csv_table("a,b\n1," + cell + "\n2,3\n", "t.csv");
      const Diagnostic* d = find_diagnostic(table.diagnostics, 2, "cell-too-long");
      REQUIRE(d != nullptr);
      CHECK(d->column == 2);
      CHECK(d->file == "t.csv");
      REQUIRE(table.rows.size() == 2);
      CHECK(table.rows[0].cells[1].text.size() == at_limit.size());
      CHECK(table.rows[1].cells[1].text == "3");  // the next row is read as usual
    }
    CHECK(read_csv_table("a,b\n1," + at_limit + "\n", "t.csv").diagnostics.empty());
  }
  SECTION("xlsx inline text and values") {
    for (std::string cell : {"<c r=\"B2\" t=\"inlineStr\"><is><t>" + past + "</t></is></c>",
                             "<c r=\"B2\" t=\"str\"><v>" + past + "</v></c>"}) {
      SourceTable table = read_sheet_rows("<row r=\"2\">" + cell + "</row>");
      REQUIRE(is_unreadable(table));
      CHECK(table.diagnostics.back().row == 2);
      CHECK(table.diagnostics.back().column == 2);
      CHECK(table.diagnostics.back().reason_en.find("32,767") != std::string::npos);
    }
    SourceTable fine = read_sheet_rows("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" +
                                       at_limit + "</t></is></c></row>");
    CHECK(fine.diagnostics.empty());
  }
  SECTION("xlsx shared string") {
    std::string bytes =
        minimal_workbook(kHeaderRow, {"企业名称", "统一社会信用代码", past}).bytes();
    SourceTable table = read_xlsx_table(bytes, "t.xlsx", limits());
    REQUIRE(is_unreadable(table));
    CHECK(table.diagnostics.back().value == "2");
    CHECK(table.diagnostics.back().file == "t.xlsx");
  }
}

TEST_CASE("a workbook listing thousands of sheets is refused, not listed", "[hostile]") {
  for (std::size_t sheets : {4097UL, 100000UL}) {
    std::string workbook =
        R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
    for (std::size_t i = 0; i < sheets; ++i) {
      workbook += "<sheet name=\"S" + std::to_string(i) + "\" sheetId=\"1\" r:id=\"rId1\"/>";
    }
    test::ZipWriter rebuilt = minimal_workbook(kHeaderRow, kHeader);
    rebuilt.replace("xl/workbook.xml", workbook + "</sheets></workbook>");
    SourceTable table = read_xlsx_table(rebuilt.bytes(), "t.xlsx", limits());
    REQUIRE(is_unreadable(table));
    CHECK(table.diagnostics.back().reason_en.find("more than 4096 sheets") != std::string::npos);
  }
}

}  // namespace
}  // namespace tuijie::records

namespace tuijie::records {
namespace {

// Hidden (run with `test_records "[fuzz]"`): random damage to each format's readers, many times,
// must only ever give diagnostics. Kept out of ctest for its run time.
TEST_CASE("random damage never crashes a reader", "[.][fuzz]") {
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const std::string rows =
      R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="0"><v>3.5</v></c></row>)";
  const std::string xlsx = minimal_workbook(kHeaderRow + rows, kHeader).bytes();
  test::ZipWriter packed = minimal_workbook(kHeaderRow + rows, kHeader);
  packed.deflate("xl/worksheets/sheet1.xml");
  packed.deflate("xl/sharedStrings.xml");
  const std::string deflated = packed.bytes();
  const std::string json = test::read_bytes(test::fixture("candidates.json"));
  const std::string csv = test::read_bytes(test::fixture("candidates_utf8.csv"));
  for (int round = 0; round < 20000; ++round) {
    for (const std::string* original : {&xlsx, &deflated, &json, &csv}) {
      std::string damaged = *original;
      for (int hits = 1 + static_cast<int>(next() % 4); hits > 0; --hits) {
        damaged[next() % damaged.size()] = static_cast<char>(next());
      }
      if (original == &xlsx || original == &deflated) {
        REQUIRE_NOTHROW(read_xlsx_table(damaged, "f.xlsx", limits()));
      } else if (original == &json) {
        REQUIRE_NOTHROW(read_json_table(damaged, "f.json"));
      } else {
        REQUIRE_NOTHROW(read_csv_table(damaged, "f.csv"));
      }
    }
  }
}

}  // namespace
}  // namespace tuijie::records
