// tuijie booklet through the program, on the sample results: the contents' page numbers
// against the pages the sections really start on, folios and running headers, photos, no
// section title left alone at a page bottom, and the saddle-stitch imposition, read back with
// the tools a user has (pdftotext, pdfinfo, pdfimages, qpdf).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "app/cli_runner.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;

namespace {

using Run = t::CliRun;
using t::quote;

const std::string kSource = TUIJIE_SOURCE_DIR;
const std::string kSamples = kSource + "/samples/";
const std::string kResources = "--resources " + quote(kSource);

Run run_program(const std::string& args, const fs::path& cwd) {
  return t::run_cli(kResources + " --lang en " + args, cwd);
}

// A workspace with every sample organisation and candidate, and the sample results.
void sample_workspace(const t::TempDir& tmp,
                      const std::string& results = kSamples + "results.csv") {
  REQUIRE(run_program("init ws", tmp.path()).code == 0);
  fs::create_directory_symlink(kSamples + "photos", tmp.path() / "photos");
  for (const auto& [kind, file] : std::vector<std::pair<std::string, std::string>>{
           {"enterprise", kSamples + "enterprises.xlsx"},
           {"park", kSamples + "parks.csv"},
           {"institution", kSamples + "institutions.csv"},
           {"candidate", kSamples + "candidates.csv"},
           {"candidate", kSamples + "candidates-extb.csv"},
           {"result", results}}) {
    const Run run =
        run_program("--workspace ws import --kind " + kind + " " + quote(file), tmp.path());
    INFO(file << '\n' << run.err);
    REQUIRE(run.code == 0);
  }
}

struct PageSize {
  double width = 0, height = 0;
};

std::vector<PageSize> page_sizes(const std::string& pdf) {
  auto run = t::run_tool("pdfinfo -f 1 -l 9999 " + t::shell_quote(pdf));
  REQUIRE(run.exit_code == 0);
  std::vector<PageSize> sizes;
  std::regex size_line(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts)");
  for (std::sregex_iterator it(run.out.begin(), run.out.end(), size_line), end; it != end; ++it)
    sizes.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
  return sizes;
}

// The text of one page (or of a box on it), without white space.
std::string text_of(const std::vector<t::TextLine>& lines, int page, const t::Box& box) {
  return t::text_in_box(lines, page, box);
}

bool all_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What a reader sees of a booklet: for each page its folio (0 when none) and where it stands,
// its running header, and the lines of its body.
struct BookPage {
  int folio = 0;
  double folio_x = 0;  // centre of the folio
  std::string header;
  std::vector<std::string> body;
};

std::vector<BookPage> read_book(const std::string& pdf, const PageSize& size) {
  const auto lines = t::read_lines(pdf);
  std::vector<BookPage> book(page_sizes(pdf).size());
  const double band = 16 * 72 / 25.4;  // the top and bottom margins hold only running text
  // pdftotext may cut a line where words stand apart (a contents entry's leader and folio):
  // lines of one page on the same baseline are joined, left to right.
  std::map<std::pair<int, long>, t::TextLine> joined;
  for (const auto& line : lines) {
    auto [it, fresh] = joined.try_emplace({line.page, std::lround(line.box.y_max)}, line);
    if (fresh)
      continue;
    t::TextLine& into = it->second;
    if (line.box.x_min < into.box.x_min)
      into.words.insert(into.words.begin(), line.words.begin(), line.words.end());
    else
      into.words.insert(into.words.end(), line.words.begin(), line.words.end());
    into.box.x_min = std::min(into.box.x_min, line.box.x_min);
    into.box.x_max = std::max(into.box.x_max, line.box.x_max);
  }
  for (const auto& [where, line] : joined) {
    BookPage& page = book[static_cast<size_t>(line.page)];
    const std::string text = t::strip_space(line.text());
    if (line.box.y_min > size.height - band && all_digits(text)) {
      page.folio = std::stoi(text);
      page.folio_x = (line.box.x_min + line.box.x_max) / 2;
    } else if (line.box.y_max < band) {
      page.header += text;
    } else if (!text.empty()) {
      page.body.push_back(text);
    }
  }
  return book;
}

struct ContentsLine {
  std::string title;
  int folio = 0;
};

// "中国服务外包领军企业……………… 1": the title, the leader dots, the folio.
std::vector<ContentsLine> contents_of(const BookPage& page) {
  std::vector<ContentsLine> out;
  std::regex entry(R"(^(.+?)\.{3,}(\d+)$)");
  for (const std::string& line : page.body) {
    std::smatch m;
    if (std::regex_match(line, m, entry))
      out.push_back({m[1], std::stoi(m[2])});
  }
  return out;
}

// Checks everything a reader of the booklet can see; returns the number of pages.
size_t check_booklet(const std::string& pdf, const PageSize& paper) {
  INFO(pdf);
  CHECK(t::pdf_delivery_problems(pdf).empty());
  const auto sizes = page_sizes(pdf);
  REQUIRE(!sizes.empty());
  for (const PageSize& size : sizes) {
    CHECK(size.width == Approx(paper.width).margin(0.5));
    CHECK(size.height == Approx(paper.height).margin(0.5));
  }
  const auto book = read_book(pdf, paper);

  // The cover and the contents carry no folio; the contents is on a right-hand page.
  CHECK(book[0].folio == 0);
  size_t contents_page = 0;
  while (contents_page < book.size() && contents_of(book[contents_page]).empty())
    ++contents_page;
  REQUIRE(contents_page < book.size());
  CHECK(contents_page % 2 == 0);  // 0-based: physical page 3 (or 1) is a right-hand page
  CHECK(book[contents_page].folio == 0);
  const auto contents = contents_of(book[contents_page]);
  REQUIRE(contents.size() >= 4);

  // Each entry's folio is the folio of the page on which its section's title stands (below
  // the running header), that page is a right-hand one, and the title is not the page's last
  // line (a title never stands alone at a page bottom).
  for (const ContentsLine& entry : contents) {
    INFO(entry.title);
    size_t start = 0;
    while (start < book.size() && std::find(book[start].body.begin(), book[start].body.end(),
                                            entry.title) == book[start].body.end())
      ++start;
    REQUIRE(start < book.size());
    CHECK(book[start].folio == entry.folio);
    CHECK(start % 2 == 0);  // a right-hand page
    CHECK(book[start].body.back() != entry.title);
    // The opening page has no running header: its title stands right there.
    CHECK(book[start].header.empty());
  }
  // Continuation pages do: the category on right-hand pages, the booklet on left-hand ones.
  std::set<size_t> openings;
  for (const ContentsLine& entry : contents) {
    for (size_t i = 0; i < book.size(); ++i) {
      if (std::find(book[i].body.begin(), book[i].body.end(), entry.title) != book[i].body.end())
        openings.insert(i);
    }
  }
  for (size_t i = 0; i < book.size(); ++i) {
    if (book[i].folio > 0 && !book[i].body.empty() && !openings.count(i)) {
      INFO("page " << i + 1);
      CHECK(!book[i].header.empty());
    }
  }
  // Folios count from 1 on the first section's page, on the outer side of every page.
  CHECK(contents.front().folio == 1);
  int last_folio = 0;
  for (size_t i = 0; i < book.size(); ++i) {
    if (book[i].folio == 0)
      continue;
    INFO("page " << i + 1);
    CHECK(book[i].folio > last_folio);
    last_folio = book[i].folio;
    if (i % 2 == 0)
      CHECK(book[i].folio_x > paper.width * 0.75);
    else
      CHECK(book[i].folio_x < paper.width * 0.25);
  }
  // No page ends with a section title (a heading kept with its first entry).
  for (const ContentsLine& entry : contents) {
    for (const BookPage& page : book)
      CHECK((page.body.empty() || page.body.back() != entry.title));
  }
  return book.size();
}

}  // namespace

TEST_CASE("booklet: contents and folios and running headers and photos on A5 and A4") {
  t::TempDir tmp;
  sample_workspace(tmp);
  const Run run = run_program("--workspace ws booklet --out out --impose saddle", tmp.path());
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const fs::path out = tmp.path() / "out";
  const std::string booklet = (out / "2020年推介结果手册.pdf").string();
  REQUIRE(fs::exists(booklet));
  const PageSize a5{148 * 72 / 25.4, 210 * 72 / 25.4};
  const size_t pages = check_booklet(booklet, a5);

  // Every person's photo is in the booklet: one picture per person among the winners, and
  // nothing else in the booklet is a picture.
  size_t persons = 0;
  {
    tuijie::store::Workspace ws = tuijie::store::Workspace::open(tmp / "ws");
    for (const auto& result : ws.records("result"))
      persons += result.get("winner_kind") == "candidate";
  }
  REQUIRE(persons >= 2);
  auto images = t::run_tool("pdfimages -list " + t::shell_quote(booklet));
  REQUIRE(images.exit_code == 0);
  std::istringstream listing(images.out);
  size_t image_count = 0;
  for (std::string line; std::getline(listing, line);) {
    std::istringstream fields(line);
    int page = 0;
    std::string number, type;
    if (fields >> page >> number >> type && type == "image")
      ++image_count;
  }
  CHECK(image_count == persons);

  // The same workspace on A4: sections grow and shrink, the contents follow them.
  const Run a4 = run_program("--workspace ws booklet --out a4 --paper A4", tmp.path());
  INFO(a4.err);
  REQUIRE(a4.code == 0);
  check_booklet((tmp.path() / "a4" / "2020年推介结果手册.pdf").string(),
                {210 * 72 / 25.4, 297 * 72 / 25.4});

  // Saddle stitch: ceil(n/4) sheets, two sides each, A4 landscape; sheet 1 front holds pages
  // (N, 1), its back (2, N-1), N = 4 ceil(n/4), pages past n blank.
  const std::string imposed = (out / "2020年推介结果手册-saddle.pdf").string();
  REQUIRE(fs::exists(imposed));
  CHECK(t::pdf_delivery_problems(imposed).empty());
  const size_t sheets = (pages + 3) / 4;
  const auto sides = page_sizes(imposed);
  REQUIRE(sides.size() == sheets * 2);
  for (const PageSize& side : sides) {
    CHECK(side.width == Approx(297 * 72 / 25.4).margin(0.5));
    CHECK(side.height == Approx(210 * 72 / 25.4).margin(0.5));
  }
  const auto booklet_lines = t::read_lines(booklet);
  const auto imposed_lines = t::read_lines(imposed);
  const t::Box whole{0, 0, a5.width, a5.height};
  const t::Box left{0, 0, a5.width, a5.height};
  const t::Box right{a5.width, 0, 2 * a5.width, a5.height};
  const size_t n_padded = sheets * 4;
  auto page_text = [&](size_t number) {  // 1-based; "" for the blank pages added
    return number > pages ? std::string()
                          : text_of(booklet_lines, static_cast<int>(number - 1), whole);
  };
  for (size_t sheet = 0; sheet < sheets; ++sheet) {
    INFO("sheet " << sheet + 1);
    const int front = static_cast<int>(2 * sheet), back = front + 1;
    CHECK(text_of(imposed_lines, front, left) == page_text(n_padded - 2 * sheet));
    CHECK(text_of(imposed_lines, front, right) == page_text(2 * sheet + 1));
    CHECK(text_of(imposed_lines, back, left) == page_text(2 * sheet + 2));
    CHECK(text_of(imposed_lines, back, right) == page_text(n_padded - 2 * sheet - 1));
  }
  CHECK(!page_text(1).empty());

  // The booklet's number and hash check out against the workspace it was printed from.
  const Run verify = run_program("--workspace ws verify " + quote(booklet), tmp.path());
  INFO(verify.out << verify.err);
  CHECK(verify.code == 0);
  CHECK(verify.out.find("matches") != std::string::npos);

  // The same workspace prints the same bytes again.
  const std::string first = t::read_file(booklet), first_imposed = t::read_file(imposed);
  REQUIRE(run_program("--workspace ws booklet --out out --impose saddle", tmp.path()).code == 0);
  CHECK(t::read_file(booklet) == first);
  CHECK(t::read_file(imposed) == first_imposed);
}

// Dark pixels in the bottom right corner (where the QR code stands) of a page at 50 dpi.
int dark_in_corner(const std::string& pdf, int page) {
  const t::PageRaster raster = t::render_page(pdf, page, 50);
  int dark = 0;
  for (int y = raster.height * 85 / 100; y < raster.height; ++y)
    for (int x = raster.width * 70 / 100; x < raster.width; ++x)
      dark += raster.at(x, y)[0] < 80;
  return dark;
}

TEST_CASE("booklet: a cover as published, names whole, its title covering both tracks") {
  t::TempDir tmp;
  sample_workspace(tmp);
  REQUIRE(run_program("--workspace ws booklet --out out", tmp.path()).code == 0);
  const std::string booklet = (tmp.path() / "out" / "2020年推介结果手册.pdf").string();
  const auto lines = t::read_lines(booklet);
  const int last = static_cast<int>(page_sizes(booklet).size()) - 1;
  auto page_text = [&](int page) {
    std::string text;
    for (const auto& line : lines)
      if (line.page == page)
        text += t::strip_space(line.text()) + "\n";
    return text;
  };
  const std::string cover = page_text(0);
  INFO(cover);
  // No QR code and no document number on the cover; both once, on the last page.
  CHECK(cover.find("TJ-2020-B") == std::string::npos);
  CHECK(dark_in_corner(booklet, 1) == 0);
  CHECK(page_text(last).find("文档编号TJ-2020-B-0001") != std::string::npos);
  CHECK(dark_in_corner(booklet, last + 1) > 20);
  // The title covers both tracks, as the winners include persons.
  CHECK(cover.find("杰出贡献人物") != std::string::npos);
  CHECK(cover.find("领军企业") != std::string::npos);
  // Every organiser's name stands whole on one line of the cover.
  tuijie::store::Workspace ws = tuijie::store::Workspace::open(tmp / "ws");
  const auto& globals = ws.campaign().globals();
  int names = 0;
  for (const char* list : {"campaign.organisers.hosts", "campaign.organisers.supporters",
                           "campaign.organisers.co_organisers"}) {
    std::string items = globals.at(list) + "、";
    for (size_t at = 0, next; (next = items.find("、", at)) != std::string::npos;
         at = next + std::string("、").size()) {
      const std::string name = items.substr(at, next - at);
      INFO(name);
      CHECK(cover.find(t::strip_space(name)) != std::string::npos);
      ++names;
    }
  }
  CHECK(names > 20);
  // The figures are the ones the summary and the criteria use.
  std::string all;
  for (int page = 0; page <= last; ++page)
    all += page_text(page);
  CHECK(all.find("服务外包从业人数") != std::string::npos);
  CHECK(all.find("从业人员") == all.find("从业人员2600人"));  // only inside a citation
  // --no-mark: neither the number nor the code, while verify still knows the file.
  REQUIRE(run_program("--workspace ws booklet --out plain --no-mark", tmp.path()).code == 0);
  const std::string plain = (tmp.path() / "plain" / "2020年推介结果手册.pdf").string();
  CHECK(t::run_tool("pdftotext " + t::shell_quote(plain) + " -").out.find("TJ-2020-B") ==
        std::string::npos);
  CHECK(dark_in_corner(plain, last + 1) == 0);
  const Run verify = run_program("--workspace ws verify " + quote(plain), tmp.path());
  INFO(verify.out << verify.err);
  CHECK(verify.code == 0);
}

TEST_CASE("booklet: options a user can get wrong are reported and nothing is written") {
  t::TempDir tmp;
  REQUIRE(run_program("init ws", tmp.path()).code == 0);
  const Run empty = run_program("--workspace ws booklet --out out", tmp.path());
  CHECK(empty.code == 65);
  CHECK(empty.err.find("import --kind result") != std::string::npos);
  CHECK(!fs::exists(tmp.path() / "out"));
  const Run paper = run_program("--workspace ws booklet --paper B5", tmp.path());
  CHECK(paper.code == 64);
  const Run impose = run_program("--workspace ws booklet --impose perfect", tmp.path());
  CHECK(impose.code == 64);
  CHECK(impose.err.find("saddle") != std::string::npos);
}

TEST_CASE("results import the same from CSV and JSON and XLSX and a bad row imports nothing") {
  t::TempDir tmp;
  sample_workspace(tmp);
  auto stored_results = [&](const std::string& ws) {
    tuijie::store::Workspace workspace = tuijie::store::Workspace::open(tmp / ws);
    return workspace.records("result");
  };
  const auto from_csv = stored_results("ws");
  REQUIRE(from_csv.size() == 14);
  for (const std::string format : {"json", "xlsx"}) {
    INFO(format);
    const fs::path copy = tmp.path() / ("ws-" + format);
    fs::copy(tmp.path() / "ws", copy, fs::copy_options::recursive);
    // Replacing each category the file names: the same rows leave the same results.
    const Run run = run_program("--workspace " + quote(copy.string()) + " import --kind result " +
                                    quote(kSamples + "results." + format),
                                tmp.path());
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(stored_results("ws-" + format) == from_csv);
  }

  // One row naming a company nobody imported: the row and the name are reported, and the
  // workspace is byte for byte what it was.
  std::string csv = t::read_file(kSamples + "results.csv");
  const size_t at = csv.find("天津渤海数据处理有限公司");
  REQUIRE(at != std::string::npos);
  std::string unknown = csv;
  unknown.replace(at, std::string("天津渤海数据处理有限公司").size(), "天津不存在的公司");
  t::write_file(tmp / "unknown.csv", unknown);
  const std::string before = t::read_file((tmp.path() / "ws" / "tuijie.db").string());
  const Run bad = run_program("--workspace ws import --kind result unknown.csv", tmp.path());
  CHECK(bad.code == 65);
  CHECK(bad.err.find("unknown.csv:4") != std::string::npos);
  CHECK(bad.err.find("天津不存在的公司") != std::string::npos);
  CHECK(t::read_file((tmp.path() / "ws" / "tuijie.db").string()) == before);

  // The committee drops a winner: importing its decision again without that row removes it,
  // and only it.
  std::string dropped = csv;
  const size_t line = dropped.rfind('\n', at);
  dropped.erase(line, dropped.find('\n', at) - line);
  t::write_file(tmp / "dropped.csv", dropped);
  const Run again = run_program("--workspace ws import --kind result dropped.csv", tmp.path());
  INFO(again.err);
  REQUIRE(again.code == 0);
  CHECK(again.out.find("removed: 1") != std::string::npos);
  const auto left = stored_results("ws");
  CHECK(left.size() == 13);
  for (const auto& result : left)
    CHECK(result.get("name") != "天津渤海数据处理有限公司");
}
