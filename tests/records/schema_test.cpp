#include "records/schema.hpp"

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "test_support.hpp"

namespace tuijie::records {
namespace {

using test::schema_directory;
using test::scratch_directory;
using test::write_file;

// The diagnostics of a schema file that must not load.
Diagnostics load_problems(const std::string& path) {
  try {
    load_schema(path);
  } catch (const TuijieError& e) {
    return e.diagnostics();
  }
  FAIL("the schema loaded");
  return {};
}

bool mentions(const Diagnostics& diagnostics, const std::string& where) {
  for (const Diagnostic& d : diagnostics) {
    if (d.value == where) {
      return true;
    }
  }
  return false;
}

TEST_CASE("the candidate schema describes 附件 2", "[schema]") {
  SchemaSet set = load_schema_set(schema_directory());
  CHECK(set.max_data_rows == 100000);
  const Schema* schema = set.find("candidate");
  REQUIRE(schema != nullptr);
  CHECK(schema->title_zh == "杰出贡献人物候选人");
  CHECK(schema->key_alternatives ==
        std::vector<std::vector<std::string>>{{"candidate_id"}, {"name", "phone"}});

  const FieldSpec& nominator =
      schema->fields.at(static_cast<std::size_t>(schema->field_index("nominator")));
  CHECK_FALSE(nominator.required);
  REQUIRE(nominator.required_unless);
  CHECK(nominator.required_unless->field == "channel");
  CHECK(nominator.required_unless->values == std::vector<std::string>{"个人自荐"});

  const FieldSpec& birth =
      schema->fields.at(static_cast<std::size_t>(schema->field_index("birth")));
  CHECK(birth.type == FieldType::YearMonth);
  REQUIRE(birth.age);
  CHECK(birth.age->min_years == 18);
  CHECK(birth.age->max_years == 100);

  const FieldSpec& resume =
      schema->fields.at(static_cast<std::size_t>(schema->field_index("resume")));
  CHECK(resume.type == FieldType::Entries);
  REQUIRE(resume.entry_fields.size() == 4);
  CHECK(resume.entry_fields[0].name_zh == "职务");
  CHECK(resume.entry_fields[3].key == "org");
}

TEST_CASE("a bad schema file lists every problem with its place", "[schema]") {
  auto dir = scratch_directory("bad-schema");
  write_file(dir / "bad.json", R"({
    "kind": "thing",
    "title": {"zh": "东西", "en": "thing"},
    "key": [["nme"]],
    "colour": "blue",
    "fields": [
      {"key": "name", "zh": "名称", "type": "strng"},
      {"key": "size", "zh": "大小", "type": "integer", "max_lenght": 5},
      {"key": "kind", "zh": "类别", "type": "enum"},
      {"key": "name", "zh": "别名", "type": "text",
       "required": {"unless": {"field": "colour", "in": ["红"]}}}
    ]
  })");
  Diagnostics problems = load_problems((dir / "bad.json").string());
  CHECK(mentions(problems, "colour"));
  CHECK(mentions(problems, "fields[0] (name).type"));
  CHECK(mentions(problems, "fields[1] (size).max_lenght"));
  CHECK(mentions(problems, "fields[2] (kind).values"));
  CHECK(mentions(problems, "fields (name)"));           // the key is used twice
  CHECK(mentions(problems, "fields (name).required"));  // unknown condition field
  CHECK(mentions(problems, "key"));
  for (const Diagnostic& d : problems) {
    CHECK(d.file == (dir / "bad.json").string());
    CHECK(d.code == "bad-schema");
  }
}

TEST_CASE("schema files that are not JSON objects, or are missing", "[schema]") {
  auto dir = scratch_directory("schema-syntax");
  write_file(dir / "broken.json", "{\"kind\": ");
  write_file(dir / "array.json", "[]");
  CHECK(load_problems((dir / "broken.json").string())[0].reason_en.find("not valid JSON") !=
        std::string::npos);
  CHECK(load_problems((dir / "array.json").string())[0].reason_en.find("JSON object") !=
        std::string::npos);
  CHECK(load_problems((dir / "absent.json").string())[0].reason_en.find("cannot read") !=
        std::string::npos);
}

TEST_CASE("a schema folder needs its limits", "[schema]") {
  auto dir = scratch_directory("schema-limits");
  write_file(dir / "limits.json", R"({"max_data_rows": -1})");
  CHECK_THROWS_AS(load_schema_set(dir.string()), TuijieError);
  write_file(dir / "limits.json", R"({"max_data_rows": 10})");
  CHECK(load_schema_set(dir.string()).max_data_rows == 10);
}

}  // namespace
}  // namespace tuijie::records
