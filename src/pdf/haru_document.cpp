#include "pdf/haru_document.hpp"

#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <cstdio>

#include "core/diagnostic.hpp"
#include "pdf/flate.hpp"

namespace tuijie::pdf {
namespace {

// Writes the /Filter entry of a stream whose data the writer compressed itself: libharu
// removes any /Filter of a stream it does not compress, so the entry is written by this
// dictionary hook, which runs after the ordinary entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

HaruDocument::HaruDocument() {
  doc_ = HPDF_New(&HaruDocument::record_error, &error_);
  if (!doc_) {
    fail("creating the document");
  }
  doc_->pdf_version = HPDF_VER_14;
  // libharu sets its own Producer; the Info dictionary holds only what the caller gives.
  HPDF_Dict_RemoveElement(info(), "Producer");
  check("creating the document");
}

HaruDocument::~HaruDocument() {
  if (doc_) {
    HPDF_Free(doc_);
  }
}

HPDF_MMgr HaruDocument::mmgr() const {
  return doc_->mmgr;
}
HPDF_Xref HaruDocument::xref() const {
  return doc_->xref;
}
HPDF_Dict HaruDocument::info() const {
  return doc_->info;
}

void HaruDocument::record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* record = static_cast<ErrorRecord*>(user_data);
  if (record->error_no == HPDF_OK) {  // the first error explains the rest
    record->error_no = error_no;
    record->detail_no = detail_no;
  }
}

void HaruDocument::check(std::string_view step) const {
  if (error_.error_no != HPDF_OK) {
    fail(step);
  }
}

void HaruDocument::check(HPDF_STATUS status, std::string_view step) const {
  if (status != HPDF_OK) {
    fail(step);
  }
  check(step);
}

void HaruDocument::fail(std::string_view step) const {
  char code[32];
  std::snprintf(code, sizeof code, "0x%04X/%u", static_cast<unsigned>(error_.error_no),
                static_cast<unsigned>(error_.detail_no));
  std::string what(step);
  throw TuijieError(make_error(
      "pdf-write", "生成 PDF 失败：libharu 在“" + what + "”时报告错误 " + code,
      "PDF writing failed: libharu reported error " + std::string(code) + " while " + what));
}

void HaruDocument::set_stream_data(HPDF_Dict stream_object, std::string_view data,
                                   bool compress) const {
  HPDF_MemStream_FreeData(stream_object->stream);
  stream_object->filter = HPDF_STREAM_FILTER_NONE;
  if (compress) {
    std::string packed = flate_compress(data);
    check(
        HPDF_Stream_Write(stream_object->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                          static_cast<HPDF_UINT>(packed.size())),
        "writing stream data");
    stream_object->write_fn = write_flate_filter;
  } else {
    if (!data.empty()) {
      check(
          HPDF_Stream_Write(stream_object->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                            static_cast<HPDF_UINT>(data.size())),
          "writing stream data");
    }
    stream_object->write_fn = nullptr;
  }
}

namespace {

std::string memory_stream_bytes(HPDF_Stream stream) {
  std::string out;
  out.reserve(HPDF_Stream_Size(stream));
  HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < count; ++i) {
    HPDF_UINT length = 0;
    HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(stream, i, &length);
    out.append(reinterpret_cast<const char*>(chunk), length);
  }
  return out;
}

}  // namespace

std::string HaruDocument::stream_data(HPDF_Dict stream_object) {
  return memory_stream_bytes(stream_object->stream);
}

std::string HaruDocument::save() {
  check(HPDF_SaveToStream(doc_), "saving the document");
  return memory_stream_bytes(doc_->stream);
}

}  // namespace tuijie::pdf
