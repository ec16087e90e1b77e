// Running the command-line PDF tools (poppler-utils, qpdf) from tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tuijie::testing {

struct ToolResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

/// Runs `command` with /bin/sh and captures its output.
ToolResult run_tool(const std::string& command);

/// `text` quoted for /bin/sh.
std::string shell_quote(std::string_view text);

/// A fresh empty directory under the build tree for one test's files.
std::string fresh_test_dir(const std::string& name);

/// Whole file contents ("" if it cannot be read).
std::string read_file(const std::string& path);

/// UTF-32 text as UTF-8.
std::string to_utf8(std::u32string_view text);

/// One page as pdftoppm renders it: RGB, `dpi` dots per inch.
struct PageRaster {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> rgb;  // 3 bytes per pixel, rows top to bottom
  const unsigned char* at(int x, int y) const {
    return &rgb[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3];
  }
  double mm(int pixels) const { return pixels * 25.4 / dpi; }
};

/// Renders page `page` (1-based) of `pdf`. Throws std::runtime_error when pdftoppm fails.
PageRaster render_page(const std::string& pdf, int page, int dpi);

}  // namespace tuijie::testing

namespace tuijie::testing {

/// What a user's tools object to in a finished PDF: a font that is not an embedded subset
/// with a Unicode map (pdffonts), a qpdf --check error, a pdftotext warning. Empty when clean.
std::vector<std::string> pdf_delivery_problems(const std::string& pdf);

}  // namespace tuijie::testing
