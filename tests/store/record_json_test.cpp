#include "store/record_json.hpp"

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using tuijie::records::Record;
using tuijie::store::from_canonical_json;
using tuijie::store::to_canonical_json;

namespace {

Record candidate() {
  Record r;
  r.kind = "candidate";
  r.key = "C-001";
  r.fields = {
      {"name", "吉𠮷"}, {"statement", "第一段。\n第二段，引号\"与反斜杠\\。"}, {"gender", "女"}};
  r.lists["resume"] = {{{"title", "副总裁"}, {"period", "2015-2020"}, {"country", "中国"}},
                       {{"title", "总监"}, {"period", "2010-2015"}, {"org", "某公司"}}};
  return r;
}

}  // namespace

TEST_CASE("a record survives the trip through its canonical JSON") {
  const Record original = candidate();
  const std::string json = to_canonical_json(original);
  CHECK(from_canonical_json("candidate", "C-001", json) == original);
}

TEST_CASE("canonical JSON is compact, key-sorted and keeps UTF-8 as is") {
  Record r;
  r.kind = "enterprise";
  r.key = "91120000MA05JX9X2L";
  r.fields = {{"staff_total", "350"}, {"name", "天津某科技"}};
  CHECK(to_canonical_json(r) ==
        R"({"fields":{"name":"天津某科技","staff_total":"350"},"lists":{}})");

  const std::string json = to_canonical_json(candidate());
  CHECK(json.find("𠮷") != std::string::npos);
  CHECK(json.find("\\u") == std::string::npos);
  // List entries keep their order: resume lines are printed as given.
  CHECK(json.find("副总裁") < json.find("总监"));
}

TEST_CASE("equal records give equal bytes whatever order they were filled in") {
  Record a;
  a.fields["b"] = "2";
  a.fields["a"] = "1";
  Record b;
  b.fields["a"] = "1";
  b.fields["b"] = "2";
  CHECK(to_canonical_json(a) == to_canonical_json(b));
  b.fields["a"] = "1 ";
  CHECK(to_canonical_json(a) != to_canonical_json(b));
}

TEST_CASE("damaged stored JSON is reported with the record named") {
  for (const char* bad : {"{", "[1,2]", R"({"fields":{"a":1}})", R"({"fields":[]})",
                          R"({"lists":{"resume":{"a":"b"}}})", R"({"lists":{"resume":["x"]}})"}) {
    INFO(bad);
    try {
      from_canonical_json("candidate", "C-9", bad);
      FAIL("no exception");
    } catch (const tuijie::TuijieError& e) {
      CHECK(e.diagnostics().at(0).code == "record-json-invalid");
      CHECK(e.diagnostics().at(0).record == "candidate C-9");
    }
  }
}
