#include "pdf_text.hpp"

#include "pdf_tools.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tuijie::testing {
namespace {

double attribute(const std::string& tag, const std::string& name) {
  size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos)
    return 0;
  return std::atof(tag.c_str() + at + name.size() + 3);
}

Box box_of(const std::string& tag) {
  return {attribute(tag, "xMin"), attribute(tag, "yMin"), attribute(tag, "xMax"),
          attribute(tag, "yMax")};
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string(from).size(), to);
    }
  }
  return s;
}

}  // namespace

std::string strip_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string TextLine::text() const {
  std::string out;
  for (const auto& w : words)
    out += w.text;
  return out;
}

std::vector<TextLine> read_lines(const std::string& pdf, std::string* warnings) {
  ToolResult run = run_tool("pdftotext -bbox-layout " + shell_quote(pdf) + " -");
  if (run.exit_code != 0)
    throw std::runtime_error("pdftotext failed: " + run.err);
  if (warnings)
    *warnings = run.err;
  std::vector<TextLine> lines;
  int page = -1;
  const std::string& x = run.out;
  size_t at = 0;
  while ((at = x.find('<', at)) != std::string::npos) {
    size_t end = x.find('>', at);
    if (end == std::string::npos)
      break;
    std::string tag = x.substr(at, end - at + 1);
    if (tag.rfind("<page ", 0) == 0) {
      ++page;
    } else if (tag.rfind("<line ", 0) == 0) {
      TextLine line;
      line.page = page;
      line.box = box_of(tag);
      lines.push_back(line);
    } else if (tag.rfind("<word ", 0) == 0 && !lines.empty()) {
      size_t close = x.find("</word>", end);
      Word w;
      w.box = box_of(tag);
      w.text = unescape(x.substr(end + 1, close - end - 1));
      lines.back().words.push_back(w);
      end = close + 6;
    }
    at = end + 1;
  }
  return lines;
}

std::string text_in_box(const std::vector<TextLine>& lines, int page, const Box& box) {
  std::string out;
  for (const auto& line : lines) {
    if (line.page != page)
      continue;
    for (const auto& w : line.words) {
      double cx = (w.box.x_min + w.box.x_max) / 2;
      double cy = (w.box.y_min + w.box.y_max) / 2;
      if (cx >= box.x_min && cx <= box.x_max && cy >= box.y_min && cy <= box.y_max) {
        out += w.text;
      }
    }
  }
  return strip_space(out);
}

}  // namespace tuijie::testing
