#include "pdf/haru_document.hpp"

#include <hpdf_doc.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

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
  if (spill_ != nullptr)
    std::fclose(spill_);
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

void HaruDocument::set_stream_data(HPDF_Dict stream_object, std::string data, bool compress) {
  OwnedBytes& owned = owned_.emplace_back();
  owned.bytes = compress ? flate_compress(data) : std::move(data);
  owned.size = owned.bytes.size();
  owned_size_ += owned.size;
  if (spill_ != nullptr) {
    if (std::fwrite(owned.bytes.data(), 1, owned.size, spill_) != owned.size) {
      throw TuijieError(make_error(Category::CannotCreate, "pdf-file",
                                   "无法写入临时文件（磁盘已满？）",
                                   "cannot write a temporary file (disk full?)"));
    }
    owned.spilled_at = spill_end_;
    owned.spill = spill_;
    spill_end_ += static_cast<long>(owned.size);
    std::string().swap(owned.bytes);
  }
  HPDF_Stream reader =
      HPDF_CallbackReader_New(mmgr(), &HaruDocument::read_owned, &HaruDocument::seek_owned,
                              &HaruDocument::tell_owned, &HaruDocument::size_owned, &owned);
  check(reader, "setting stream data");
  HPDF_Stream_Free(stream_object->stream);
  stream_object->stream = reader;
  stream_object->filter = HPDF_STREAM_FILTER_NONE;
  stream_object->write_fn = compress ? write_flate_filter : nullptr;
}

HPDF_STATUS HaruDocument::read_owned(HPDF_Stream stream, HPDF_BYTE* buffer, HPDF_UINT* size) {
  auto* owned = static_cast<OwnedBytes*>(stream->attr);
  size_t left = owned->size - owned->position;
  size_t count = std::min<size_t>(*size, left);
  if (owned->spilled_at < 0) {
    std::memcpy(buffer, owned->bytes.data() + owned->position, count);
  } else {
    if (std::fflush(owned->spill) != 0 ||
        ::pread(fileno(owned->spill), buffer, count,
                owned->spilled_at + static_cast<long>(owned->position)) !=
            static_cast<ssize_t>(count)) {
      return HPDF_FILE_IO_ERROR;
    }
  }
  owned->position += count;
  *size = static_cast<HPDF_UINT>(count);
  return count == left ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS HaruDocument::seek_owned(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode) {
  auto* owned = static_cast<OwnedBytes*>(stream->attr);
  long base = mode == HPDF_SEEK_SET   ? 0
              : mode == HPDF_SEEK_CUR ? static_cast<long>(owned->position)
                                      : static_cast<long>(owned->size);
  long target = base + position;
  if (target < 0 || target > static_cast<long>(owned->size)) {
    return HPDF_STREAM_EOF;
  }
  owned->position = static_cast<size_t>(target);
  return HPDF_OK;
}

HPDF_INT32 HaruDocument::tell_owned(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<OwnedBytes*>(stream->attr)->position);
}

HPDF_UINT32 HaruDocument::size_owned(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<OwnedBytes*>(stream->attr)->size);
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

void HaruDocument::spill_streams() {
  if (spill_ != nullptr)
    return;
  spill_ = std::tmpfile();
  if (spill_ == nullptr) {
    throw TuijieError(make_error(Category::CannotCreate, "pdf-file", "无法创建临时文件",
                                 "cannot create a temporary file"));
  }
}

void HaruDocument::save(const std::function<bool(const char* data, std::size_t size)>& sink) {
  using Sink = std::function<bool(const char*, std::size_t)>;
  auto write = [](HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) -> HPDF_STATUS {
    try {  // no exception may cross libharu's C frames
      const Sink& to = *static_cast<const Sink*>(stream->attr);
      return to(reinterpret_cast<const char*>(data), size) ? HPDF_OK : HPDF_FILE_IO_ERROR;
    } catch (...) {
      return HPDF_FAILD_TO_ALLOC_MEM;
    }
  };
  // libharu saves into the document's stream; a callback writer hands the file straight to
  // `sink` instead of a chain of 4 KB memory blocks.
  doc_->stream = check(HPDF_CallbackWriter_New(mmgr(), write, const_cast<Sink*>(&sink)),
                       "saving the document");
  check(HPDF_SaveToStream(doc_), "saving the document");
}

}  // namespace tuijie::pdf
