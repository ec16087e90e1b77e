#include "pdf_tools.hpp"

#include "core/utf8.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tuijie::testing {

ToolResult run_tool(const std::string& command) {
  ToolResult result;
  char err_path[] = "/tmp/tuijie-tool-stderr-XXXXXX";
  int err_fd = ::mkstemp(err_path);
  if (err_fd < 0) {
    result.err = "cannot create a file for standard error";
    return result;
  }
  ::close(err_fd);
  std::string full = command + " 2>" + shell_quote(err_path);
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe) {
    std::array<char, 65536> buffer;
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
      result.out.append(buffer.data(), n);
    }
    int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  result.err = read_file(err_path);
  ::unlink(err_path);
  return result;
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string fresh_test_dir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(TUIJIE_BINARY_DIR) / "test-output" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string to_utf8(std::u32string_view text) {
  return utf8::encode(text);
}

}  // namespace tuijie::testing

namespace tuijie::testing {

std::vector<std::string> pdf_delivery_problems(const std::string& pdf) {
  std::vector<std::string> problems;
  ToolResult fonts = run_tool("pdffonts " + shell_quote(pdf));
  if (fonts.exit_code != 0 || !fonts.err.empty())
    problems.push_back("pdffonts: " + fonts.err);
  std::istringstream in(fonts.out);
  size_t rows = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty())
      continue;
    ++rows;
    // columns: name type encoding emb sub uni object ID; the name is ABCDEF+Name for a subset
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;)
      c.push_back(w);
    const size_t n = c.size();
    if (n < 7 || c[0].size() < 8 || c[0][6] != '+' || c[n - 5] != "yes" || c[n - 4] != "yes" ||
        c[n - 3] != "yes")
      problems.push_back("font not an embedded subset with a Unicode map: " + line);
  }
  if (rows < 2)
    problems.push_back("fewer than two fonts listed by pdffonts");
  ToolResult check = run_tool("qpdf --check " + shell_quote(pdf));
  if (check.exit_code != 0 ||
      check.out.find("No syntax or stream encoding errors") == std::string::npos)
    problems.push_back("qpdf --check: " + check.out + check.err);
  ToolResult text = run_tool("pdftotext " + shell_quote(pdf) + " /dev/null");
  if (text.exit_code != 0 || !text.err.empty())
    problems.push_back("pdftotext: " + text.err);
  return problems;
}

PageRaster render_page(const std::string& pdf, int page, int dpi) {
  const std::string n = std::to_string(page);
  const std::string stem = pdf + ".page" + n + "-" + std::to_string(dpi);
  const ToolResult run = run_tool("pdftoppm -r " + std::to_string(dpi) + " -f " + n + " -l " + n +
                                  " -singlefile " + shell_quote(pdf) + " " + shell_quote(stem));
  if (run.exit_code != 0)
    throw std::runtime_error("pdftoppm failed on " + pdf + ": " + run.err);
  const std::string ppm = read_file(stem + ".ppm");
  std::filesystem::remove(stem + ".ppm");
  // A binary PPM: "P6 width height 255" and one white-space byte, then the pixels.
  std::istringstream in(ppm);
  std::string magic;
  PageRaster raster;
  int max = 0;
  in >> magic >> raster.width >> raster.height >> max;
  const auto start = static_cast<size_t>(in.tellg()) + 1;
  const size_t size = static_cast<size_t>(raster.width) * static_cast<size_t>(raster.height) * 3;
  if (magic != "P6" || max != 255 || ppm.size() < start + size)
    throw std::runtime_error("pdftoppm gave no RGB page for " + pdf);
  raster.rgb.assign(ppm.begin() + static_cast<std::ptrdiff_t>(start),
                    ppm.begin() + static_cast<std::ptrdiff_t>(start + size));
  raster.dpi = dpi;
  return raster;
}

}  // namespace tuijie::testing
