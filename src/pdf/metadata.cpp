#include "pdf/metadata.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_outline.h>

#include <algorithm>
#include <string>
#include <utility>

#include "core/diagnostic.hpp"
#include "pdf/pdf_text.hpp"

namespace tuijie::pdf {
namespace {

// A text string object: literal when printable ASCII, else UTF-16BE (libharu's own string
// objects would write UTF-8 bytes that viewers read as PDFDocEncoding).
void* text_string(const HaruDocument& doc, const std::string& text) {
  if (is_plain_ascii(text)) {
    return HPDF_String_New(doc.mmgr(), text.c_str(), nullptr);
  }
  std::string bytes = utf16be_text_string(text);
  return HPDF_Binary_New(doc.mmgr(), reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

void write_info(const HaruDocument& doc, const page::DocumentInfo& info) {
  const std::string step = "writing the document information";
  const std::pair<const char*, const std::string*> fields[] = {
      {"Title", &info.title},       {"Author", &info.author},   {"Subject", &info.subject},
      {"Keywords", &info.keywords}, {"Creator", &info.creator}, {"Producer", &info.producer},
  };
  for (const auto& [key, value] : fields) {
    if (!value->empty()) {
      doc.check(HPDF_Dict_Add(doc.info(), key, text_string(doc, *value)), step);
    }
  }
  if (!info.creation_date.empty()) {
    if (!is_pdf_date(info.creation_date)) {
      throw TuijieError(make_error(
          "pdf-input", "文档日期不是 PDF 日期格式（应为 D:YYYYMMDDHHmmSS，可带时区）",
          "the document date is not a PDF date (expected D:YYYYMMDDHHmmSS, optionally with a "
          "time zone)",
          {}, info.creation_date));
    }
    for (const char* key : {"CreationDate", "ModDate"}) {
      doc.check(HPDF_Dict_Add(doc.info(), key,
                              HPDF_String_New(doc.mmgr(), info.creation_date.c_str(), nullptr)),
                step);
    }
  }
}

void write_outline(const HaruDocument& doc, const std::vector<HPDF_Page>& pages,
                   const std::vector<double>& page_heights,
                   const std::vector<page::Bookmark>& bookmarks) {
  if (bookmarks.empty()) {
    return;
  }
  const std::string step = "writing the bookmarks";
  // Open items of the levels above the next bookmark; a bookmark nests under the nearest
  // open item of a lower level.
  std::vector<std::pair<int, HPDF_Outline>> open;
  for (const page::Bookmark& bookmark : bookmarks) {
    if (bookmark.page < 0 || static_cast<size_t>(bookmark.page) >= pages.size()) {
      throw TuijieError(
          make_error("pdf-input", "书签指向不存在的第 " + std::to_string(bookmark.page + 1) + " 页",
                     "a bookmark points to page " + std::to_string(bookmark.page + 1) +
                         ", which does not exist",
                     {}, bookmark.title));
    }
    while (!open.empty() && open.back().first >= bookmark.level) {
      open.pop_back();
    }
    HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
    HPDF_Outline item = doc.check(HPDF_CreateOutline(doc.get(), parent, "", nullptr), step);
    doc.check(HPDF_Dict_Add(item, "Title", text_string(doc, bookmark.title)), step);

    // [page /XYZ null top null]: keep the reader's horizontal position and zoom.
    HPDF_Page page = pages[bookmark.page];
    double height = page_heights[bookmark.page];
    HPDF_Destination destination = doc.check(HPDF_Page_CreateDestination(page), step);
    HPDF_Array_Clear(destination);
    doc.check(HPDF_Array_Add(destination, page), step);
    doc.check(HPDF_Array_AddName(destination, "XYZ"), step);
    doc.check(HPDF_Array_Add(destination, HPDF_Null_New(doc.mmgr())), step);
    doc.check(HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(
                                                  std::clamp(height - bookmark.y, 0.0, height))),
              step);
    doc.check(HPDF_Array_Add(destination, HPDF_Null_New(doc.mmgr())), step);
    doc.check(HPDF_Outline_SetDestination(item, destination), step);
    open.emplace_back(bookmark.level, item);
  }
  doc.check(HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE), step);
}

}  // namespace tuijie::pdf
