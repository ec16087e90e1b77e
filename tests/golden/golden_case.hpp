// A golden document (tests/golden/<case>/): a real template from templates/, the records it is
// filled with and the page dump (layout::dump_document) it gave when last reviewed, so that a
// change of the engine or of a template shows as a readable diff of expected.txt.
#pragma once

#include <cstddef>
#include <string>

namespace tuijie::golden {

/// What a case is rendered with; by default what its case.json names, from the source tree.
struct CaseInputs {
  std::string template_path;                  // "" = the case's template, under `resources`
  std::string resources = TUIJIE_SOURCE_DIR;  // where templates/ and data/ are read from
  std::string fonts = TUIJIE_TEST_FONTS;      // the font manifest
};

struct CaseDump {
  std::string text;  // the documents' dumps, each headed by `document KEY`
  std::size_t documents = 0;
  std::size_t pages = 0;
};

/// tests/golden/<name> of the source tree.
std::string case_folder(const std::string& name);

/// Renders the case's documents and dumps them. Throws std::runtime_error, with every problem
/// named, for a case that cannot be read (bad case.json, records with errors).
CaseDump dump_case(const std::string& name, const CaseInputs& inputs = {});

}  // namespace tuijie::golden
