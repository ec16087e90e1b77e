// Tests of the golden tests: that they see a change of a template as small as 0.1 mm, and
// that they see no font a bureau drops into fonts/ (they use tests/fonts/test-fonts.xml).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "golden_case.hpp"
#include "store/test_support.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using tuijie::golden::CaseInputs;
using tuijie::golden::dump_case;

namespace {

const std::string kSource = TUIJIE_SOURCE_DIR;

std::string replaced_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a template row moved by 0.1 mm changes the golden dump") {
  const t::TempDir tmp;
  const std::string original = t::read_file(kSource + "/templates/candidate-form.xml");
  CaseInputs inputs;
  inputs.template_path = tmp / "candidate-form.xml";
  const std::string expected = t::read_file(kSource + "/tests/golden/candidate-form/expected.txt");

  // A copy elsewhere gives the same dump: the template's path is not in it ...
  t::write_file(inputs.template_path, original);
  const bool same_from_copy = dump_case("candidate-form", inputs).text == expected;
  REQUIRE(same_from_copy);

  // ... and the first row of the form 0.1 mm taller moves everything below it.
  t::write_file(inputs.template_path,
                replaced_once(original, "<row height=\"8.5mm\">", "<row height=\"8.6mm\">"));
  const std::string moved = dump_case("candidate-form", inputs).text;
  const bool moved_differs = moved != expected;
  CHECK(moved_differs);
  // The same items, only their numbers changed.
  CHECK(std::count(moved.begin(), moved.end(), '\n') ==
        std::count(expected.begin(), expected.end(), '\n'));
}

TEST_CASE("a font dropped into fonts/ changes no golden dump: the tests use their own manifest") {
  const t::TempDir tmp;
  // A bureau's 黑体 (the form's labels and values): any other TrueType font in its place shows.
  const fs::path resources = t::resources_with_dropped_font(tmp);

  CaseInputs inputs;
  inputs.resources = resources.string();
  const std::string expected = t::read_file(kSource + "/tests/golden/candidate-form/expected.txt");
  const bool unchanged = dump_case("candidate-form", inputs).text == expected;
  CHECK(unchanged);

  // The production manifest of that tree does take the dropped-in font.
  inputs.fonts = (resources / "fonts/fonts.xml").string();
  const std::string with_drop_in = dump_case("candidate-form", inputs).text;
  const bool changed = with_drop_in != expected;
  CHECK(changed);
  CHECK(with_drop_in.find("DejaVu Serif") != std::string::npos);
}
